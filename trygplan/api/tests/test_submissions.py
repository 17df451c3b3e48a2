"""A partner with a token submits indicator values; the coordinator approves on the pages."""

import pytest

from trygplan.audit.models import AuditEntry
from trygplan.followup import services
from trygplan.followup.models import Indicator, Submission

from .conftest import bearer


@pytest.fixture
def followup(amager, plan2016):
    from trygplan.followup.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    return amager


VALUES = {
    "values": [
        {"indicator": "netvaerksmoeder", "value": 8},
        {"indicator": "ssp-enkeltsager", "value": 3, "quality": "final"},
    ]
}


def _open(client, headers, year=2017):
    return client.post(
        "/api/v1/submissions", {"area": "amager", "year": year}, "application/json", **headers
    )


def test_a_partner_opens_fills_and_sends_the_years_submission(client, followup, partner):
    headers = bearer(partner)
    opened = _open(client, headers)
    assert opened.status_code == 201 and opened.json()["status"] == "draft"
    pk = opened.json()["id"]
    assert _open(client, headers).status_code == 200  # the same draft, not a second one
    saved = client.put(f"/api/v1/submissions/{pk}/values", VALUES, "application/json", **headers)
    assert saved.status_code == 200
    values = {row["indicator"]: row for row in saved.json()["values"]}
    assert values["netvaerksmoeder"]["value"] == 8.0
    assert values["ssp-enkeltsager"] == {
        "indicator": "ssp-enkeltsager",
        "value": None,
        "shown": "<5",
        "quality": "final",
        "note": "",
    }
    sent = client.post(f"/api/v1/submissions/{pk}/submit", **headers)
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    entries = AuditEntry.objects.filter(object_id__in=[pk], code__startswith="submission.")
    assert set(entries.values_list("source", flat=True)) == {"api"}


def test_values_are_public_only_after_the_coordinator_approves(
    client, followup, partner, koordinator
):
    headers = bearer(partner)
    pk = _open(client, headers).json()["id"]
    client.put(f"/api/v1/submissions/{pk}/values", VALUES, "application/json", **headers)
    client.post(f"/api/v1/submissions/{pk}/submit", **headers)
    indicator = Indicator.objects.get(key="netvaerksmoeder")

    def years():
        return [
            v["year"] for v in client.get(f"/api/v1/indicators/{indicator.pk}").json()["values"]
        ]

    assert 2017 not in years()
    services.submission_transition(
        submission=Submission.private_objects.get(pk=pk), action="approve", user=koordinator
    )
    assert 2017 in years()


def test_an_unknown_indicator_saves_nothing(client, followup, partner):
    headers = bearer(partner)
    pk = _open(client, headers).json()["id"]
    body = {
        "values": [
            {"indicator": "netvaerksmoeder", "value": 8},
            {"indicator": "utrygge-beboere", "value": 30},
        ]
    }
    response = client.put(f"/api/v1/submissions/{pk}/values", body, "application/json", **headers)
    assert response.status_code == 400 and "values.1.indicator" in response.json()["errors"]
    assert not Submission.private_objects.get(pk=pk).values.exists()


def test_a_sent_submission_cannot_be_changed(client, followup, partner):
    headers = bearer(partner)
    pk = _open(client, headers).json()["id"]
    client.put(f"/api/v1/submissions/{pk}/values", VALUES, "application/json", **headers)
    client.post(f"/api/v1/submissions/{pk}/submit", **headers)
    response = client.put(f"/api/v1/submissions/{pk}/values", VALUES, "application/json", **headers)
    assert response.status_code == 403


def test_no_token_is_401(client, followup):
    assert _open(client, {}).status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_a_revoked_token_is_401(client, followup, partner):
    from trygplan.api.models import ApiToken
    from trygplan.api.services import token_revoke

    headers = bearer(partner)
    token_revoke(token=ApiToken.private_objects.get(), user=partner)
    assert client.get("/api/v1/me", **headers).status_code == 401
    assert client.get("/api/v1/partnerships", **headers).status_code == 401  # not anonymous


def test_someone_who_reports_for_no_organisation_is_refused(client, followup, styregruppe):
    assert _open(client, bearer(styregruppe)).status_code == 403


def test_another_partnerships_user_cannot_open_one(client, followup, outsider):
    assert _open(client, bearer(outsider)).status_code == 404
