"""The API never returns what the same user could not see on the pages.

The privacy crawl's planted markers (a draft's activity and money, an applicant, police-only
and members-only findings, a send-back comment, an unapproved figure, an internal event,
another partnership's draft) and small counts (3 young people at the Lysfest, an approved
count of 3 young people) are fetched through every GET operation of the OpenAPI schema, as
each actor (anonymous, and each role with a token of their own), with every id that the city
administrator's token can see. No marker may appear where the pages would not show it, and
no number that the pages show as "<5" or "×" may be in any answer.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from trygplan.core.tests.test_privacy_crawl import (
    ACTORS,
    ALLOWED,
    APPLICANT,
    APPLICATION,
    COMMENT,
    DRAFT_ISSUE,
    DRAFT_MONEY,
    DRAFT_STORY,
    REPORT,
    REPORT_NOTE,
    REPORTER,
    UNAPPROVED,
)
from trygplan.followup.models import Indicator, IndicatorValue, Submission

from .conftest import bearer

# The API writes numbers as JSON numbers: the markers' other spellings.
SPELLINGS = {DRAFT_MONEY: ["123456"], UNAPPROVED: ["777.77", "777,8", "777.8"]}
# path parameter -> (the list to take it from, the field of its items)
SOURCES = {
    "slug": ("/api/v1/partnerships", "slug"),
    "plan_id": ("/api/v1/plans", "id"),
    "pool_id": ("/api/v1/pools", "id"),
    "finding_id": ("/api/v1/findings", "id"),
    "indicator_id": ("/api/v1/indicators", "id"),
}


@pytest.fixture
def young(planted):
    """An approved count of 3 young people: shown as "<5" on the indicator's page."""
    indicator = Indicator.objects.create(
        partnership=planted,
        key="unge-i-sager",
        name="Unge i sager",
        result=planted.results.first(),
        kind="population",
        definition="Antal unge.",
        source="ssp",
        reported_by=planted.parties.first().organisation,
        unit="unge",
        higher_is_better=False,
        counts_young_people=True,
    )
    submission = Submission.private_objects.create(
        partnership=planted, organisation=indicator.reported_by, year=2015, status="approved"
    )
    IndicatorValue.private_objects.create(submission=submission, indicator=indicator, value=3)
    return indicator


def _client(username):
    client = Client()
    if username:
        user = get_user_model().objects.get(username=username)
        client.defaults.update(bearer(user))
    return client


def _items(client, path) -> list:
    data = client.get(path, {"page_size": 200}).json()
    return data["items"] if isinstance(data, dict) else data


def _paths(admin) -> list[str]:
    """Every GET path of the schema, with each id the city administrator sees."""
    schema = admin.get("/api/v1/openapi.json").json()
    paths = []
    for template, item in schema["paths"].items():
        if "get" not in item:
            continue
        names = re.findall(r"{(\w+)}", template)
        if not names:
            paths += [template, f"{template}?area=amager", f"{template}?area=tingbjerg"]
            continue
        (name,) = names
        source, field = SOURCES[name]
        values = {str(row[field]) for row in _items(admin, source)}
        values |= {str(row[field]) for row in _items(admin, source + "?area=tingbjerg")}
        assert values, f"nothing to fill {name} with"
        paths += [template.replace("{" + name + "}", value) for value in sorted(values)]
    return paths


def _hidden_numbers(node, where, found):
    """Dicts shown as "<5" or "×" that still carry a number."""
    if isinstance(node, dict):
        if node.get("shown") in ("<5", "×"):
            number = node.get("count", node.get("value"))
            if number is not None:
                found.append((where, node))
        for value in node.values():
            _hidden_numbers(value, where, found)
    elif isinstance(node, list):
        for value in node:
            _hidden_numbers(value, where, found)


def test_the_api_shows_no_one_a_marker_or_a_small_number_the_pages_would_not(planted, young):
    admin = _client("admin")
    paths = _paths(admin)
    seen_by_admin = set()
    for path in paths:
        text = json.dumps(admin.get(path).json(), ensure_ascii=False)
        seen_by_admin |= {m for m in ALLOWED if any(s in text for s in [m, *SPELLINGS.get(m, [])])}
    # what the API has no operation for: pools' cases, plans' steps, residents' reports, the
    # steering group's reports, the magazine
    not_in_api = {APPLICANT, APPLICATION, COMMENT, REPORT, REPORTER, REPORT_NOTE}
    not_in_api |= {DRAFT_STORY, DRAFT_ISSUE}
    assert seen_by_admin == set(ALLOWED) - not_in_api, seen_by_admin
    leaks, small = [], []
    for actor in ACTORS:
        client = _client(actor)
        for path in paths:
            response = client.get(path)
            assert response.status_code in (200, 401, 404), (actor, path, response.status_code)
            if response.status_code != 200:
                continue
            data = response.json()
            text = json.dumps(data, ensure_ascii=False)
            for marker, allowed in ALLOWED.items():
                spellings = [marker, *SPELLINGS.get(marker, [])]
                if actor not in allowed and any(s in text for s in spellings):
                    leaks.append((actor, path, marker))
            _hidden_numbers(data, (actor, path), small)
    assert not leaks, "\n".join(f"{a or 'anonymous'} sees {m!r} on {p}" for a, p, m in leaks)
    assert not small, small


def test_the_lysfests_three_young_people_are_under_five_and_the_adults_hidden(planted, client):
    events = client.get("/api/v1/events", {"area": "amager"}).json()["items"]
    (lysfest,) = [event for event in events if event["title"] == "Lysfest"]
    cells = {row["group"]: row for row in lysfest["attendance"]}
    assert cells["young"] == {
        "group": "young",
        "label": "Unge (13-17 år)",
        "count": None,
        "shown": "<5",
    }
    assert cells["adults"]["count"] is None and cells["adults"]["shown"] == "×"
    assert lysfest["total"]["count"] == 40  # safe: two hidden cells cannot be told apart


def test_an_approved_count_of_three_young_people_has_no_value(young, client):
    detail = client.get(f"/api/v1/indicators/{young.pk}").json()
    (year,) = detail["values"]
    assert year["year"] == 2015 and year["shown"] == "<5" and year["value"] is None
    bulk = client.get("/api/v1/indicator-values", {"area": "amager"}).json()["items"]
    (row,) = [row for row in bulk if row["indicator"] == "unge-i-sager"]
    assert row["value"] is None and row["shown"] == "<5"
