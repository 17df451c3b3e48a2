"""Nothing private reaches anyone it does not belong to, on any page or export.

Two partnerships get planted private markers (a draft's activity and money, an applicant's
name, an unfunded application, a police-only and a members-only finding, a send-back comment,
an unapproved figure, an internal event, another partnership's draft). A city administrator's
crawl finds the site's pages by following links; every page found is then fetched as each
actor, and no marker may appear where it does not belong. The routes come from Django's
resolver: a new page must be reached by the crawl or named below with a reason, so it is
covered without editing this test.
"""

import datetime
import io
import re
import uuid
import zipfile
from collections import defaultdict
from html import unescape
from urllib.parse import urldefrag, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.utils import timezone

from trygplan.followup.models import (
    DeliverableProgress,
    Event,
    EventAttendance,
    Indicator,
    IndicatorValue,
    Reporter,
    Submission,
)
from trygplan.partnerships.models import Membership, Role
from trygplan.plans import services as plan_services
from trygplan.plans.models import Activity, BudgetLine, Deliverable, Effect, Plan, Result
from trygplan.pools import services as pool_services
from trygplan.pools.demo import standard_pools
from trygplan.walks.models import Finding, Walk

DRAFT = "Kladdeaktivitet-7788"
DRAFT_MONEY = "123.456"
APPLICANT = "Hemmelig Ansøgersen"
APPLICATION = "Uafgjort-ansøgning-4411"
POLICE = "Politiets-fund-5522"
INTERNAL = "Internt-fund-3344"
COMMENT = "Sendt-tilbage-kommentar-9911"
UNAPPROVED = "777,77"
MEETING = "Internt-møde-6633"
TINGBJERG = "Tingbjergs-kladde-1234"
REPORT = "Beboer-melding-2299"
REPORTER = "Beboer Kontaktsen"
REPORT_NOTE = "Intern-rapportnote-8181"
DRAFT_STORY = "Kladdehistorie-5151"
DRAFT_ISSUE = "Kladdeblad-nyt-6262"

MEMBERS = {"partner", "styregruppe", "arbejdsgruppe", "koordinator"}
WORKING_GROUP = {"arbejdsgruppe", "koordinator"}
ACTORS = [None, "partner", "styregruppe", "arbejdsgruppe", "koordinator", "tingbjerg-ag"]
# marker -> the actors who may see it (the city administrator sees everything)
ALLOWED = {
    DRAFT: MEMBERS,
    DRAFT_MONEY: MEMBERS,
    APPLICANT: WORKING_GROUP,
    APPLICATION: MEMBERS,
    POLICE: set(),
    INTERNAL: MEMBERS,
    COMMENT: MEMBERS,
    UNAPPROVED: MEMBERS,
    MEETING: MEMBERS,
    TINGBJERG: {"tingbjerg-ag"},
    REPORT: WORKING_GROUP,
    REPORTER: WORKING_GROUP,
    REPORT_NOTE: MEMBERS,
    DRAFT_STORY: MEMBERS,
    DRAFT_ISSUE: MEMBERS,
}

# Routes a crawl cannot reach by following links, and why they are safe.
NOT_LINKED = {
    "healthz": "machine probe, no data",
    "set_language": "POST only",
    "logout": "POST only",
    "next_year": "POST only",
    "amendment_create": "POST only",
    "activity_delete": "POST only",
    "budget_line_delete": "POST only",
    "applicant_withdraw": "POST only, the applicant's private link",
    "applicant": "reached only through the applicant's private link (tested below)",
    "transition": "POST only for applications; plan steps are linked",
    "ratify": "POST only",
    "cancel": "POST only",
    "walk_advance": "POST only",
    "participants_add": "POST only",
    "participants_remove": "POST only",
    "finding_create": "POST only (the phone's capture script)",
    "rerating_save": "POST only",
    "finding_step": "POST only",
    "submission_import": "POST only",
    "submission_transition": "POST only",
    "attachment": "no attachment planted; access tested in pools",
    "receipt": "no receipt planted; access tested in pools",
    "photo": "no photo planted; access tested in walks and magazine (test_photo.py)",
    "capture_worker": "a service worker script (static asset URLs, no data); registered by JS",
    "event_photo": "no event photo planted; access tested in followup (test_event_photo)",
    "frozen": "reached by editing an approved plan (redirect)",
    "area": "the area's public geometry, read by the map script (a data attribute)",
    "login": "linked for anonymous visitors only; no data",
    "password_reset_done": "after a reset request; no data",
    "password_reset_confirm": "needs the e-mailed token; tested in accounts",
    "password_reset_complete": "after a reset; no data",
    "import_mapping": "needs an uploaded survey file; tested in surveys",
    "survey_publish": "POST only",
    "story_publish": "POST only (magazine; tested in magazine/tests/test_story_publish.py)",
    "issue_publish": "POST only (magazine; tested in magazine/tests/test_issue.py)",
    "subactivity_create": "POST only (the description editor's form)",
    "stop": "the signed link in a mail to someone without an account; tested in notifications",
    "figures_request": "POST only",
    "contacts_save": "POST only",
    "create": "a partnership's first plan: linked from its home while it has no plan, for its "
    "editors only; tested in plans",
    "oversigt": "redirects to the city overview (/sikker-by/)",
    "partnerships_index": "redirects to the city overview (/sikker-by/)",
    # residents' reports (trygplan/residents)
    "status": "reached only through the reporter's private link (tested in residents)",
    "report_photo": "no photo planted; access tested in residents",
    "report_accept": "POST only",
    "report_merge": "POST only",
    "report_reject": "POST only",
    # Open311 (the lists are linked from the API's documentation page)
    "request": "one public finding's Open311 view; tested in residents/tests/test_open311.py",
    "token": "needs a report's private token; tested in residents/tests/test_open311.py",
    # the REST API: its GET lists are linked from the documentation page; operations with an
    # id or a body are fetched as every actor, with a token each, by
    # trygplan/api/tests/test_privacy.py
    "token_revoke": "POST only",
    "api-root": "django-ninja's root of /api/v1/: a 404 (the documentation is linked instead)",
    "api_submission_open": "API, POST only",
    "api_partnership": "API, needs an id: trygplan/api/tests/test_privacy.py",
    "api_plan": "API, needs an id: trygplan/api/tests/test_privacy.py",
    "api_pool": "API, needs an id: trygplan/api/tests/test_privacy.py",
    "api_finding": "API, needs an id: trygplan/api/tests/test_privacy.py",
    "api_indicator": "API, needs an id: trygplan/api/tests/test_privacy.py",
    "api_finding_create": "API, POST only",
    "api_submission_values": "API, PUT only",
    "api_submission_submit": "API, POST only",
    "api_progress_add": "API, POST only",
    "theory_item_delete": "POST only",
    "body_delete": "POST only",
    "member_delete": "POST only",
    "membership_remove": "POST only",
    "invitation_resend": "POST only",
    "invitation_confirm": "needs the e-mailed token; tested in accounts",
    "indicator_delete": "POST only",
    "reporter_delete": "POST only",
    # reports to the steering group (trygplan/reporting)
    "round_open": "POST only (the form on the reports' index)",
    "round_step": "POST only",
    "part_step": "POST only",
    "recommendation_delete": "POST only",
    "spending_delete": "POST only",
    "chart_note_delete": "POST only",
    "footnote_delete": "POST only",
}
START = [
    "/",
    "/start/",
    "/p/amager/",
    "/p/tingbjerg/",
    "/sikker-by/tryghed/",
    "/sikker-by/tryghed/indlaes/",
    "/p/amager/tryghed/",
    "/accounts/password-reset/",
]
# URL parameters that name one row: the crawl keeps a few of each route per combination of
# the other parameters (partnership, year, pool kind, format).
ROW_PARAMETERS = {"pk", "key", "token", "number", "row", "finding"}
MAX_PER_ROUTE = 3
BINARY = ("application/pdf",)


@pytest.fixture
def planted(amager, plan2016, draft2017, arbejdsgruppe, koordinator, styregruppe, tingbjerg):
    """The markers, planted through the services where there is one."""
    recommended = plan_services.plan_recommend(plan=draft2017, user=arbejdsgruppe)
    plan_services.plan_send_back(plan=recommended, user=styregruppe, comment=COMMENT)
    activity = Activity.objects.create(plan=draft2017, key="kladde", number=99, name=DRAFT)
    BudgetLine.private_objects.create(
        activity=activity, year=2017, amount=123_456, label="Kladdepenge"
    )
    pools = pool_services.pools_create_year(
        partnership=amager, year=2016, templates=standard_pools()
    )
    case, _created = pool_services.application_submit(
        pool=pools[0],
        data={"title": "Lys i passagen", "purpose": "Lys.", "addresses": "Mørkt."},
        lines=[("Lamper", 8_000)],
        files=[],
        submission_key=uuid.uuid4(),
    )
    for to in ("screening", "assessed", "recommended"):
        pool_services.application_transition(application=case, to=to, user=arbejdsgruppe)
    granted, _created = pool_services.application_submit(
        pool=pools[0],
        data={"title": "Beskæring", "purpose": "Buske.", "addresses": "Udsyn."},
        lines=[("Gartner", 6_000)],
        files=[],
        submission_key=uuid.uuid4(),
    )
    for to in ("screening", "assessed", "recommended"):
        pool_services.application_transition(application=granted, to=to, user=arbejdsgruppe)
    pool_services.grant_create(application=granted, amount=6_000, reason="", user=arbejdsgruppe)
    deliverable = Deliverable.objects.filter(
        description__plan=plan2016, quantity__isnull=False, description__activities__isnull=False
    )
    DeliverableProgress.objects.create(
        deliverable=deliverable.first(), date=datetime.date(2016, 6, 15), count=12
    )
    pool_services.application_submit(
        pool=pools[0],
        data={
            "title": APPLICATION,
            "purpose": "Bænke.",
            "addresses": "Utryghed.",
            "applicant_name": APPLICANT,
            "applicant_email": "hemmelig@example.org",
        },
        lines=[("Bænke", 5_000)],
        files=[],
        submission_key=uuid.uuid4(),
    )
    walk = Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
        status=Walk.Status.WALKED,
    )
    for number, (text, visibility) in enumerate(
        [(POLICE, "police_only"), (INTERNAL, "partnership"), ("Offentligt fund", "public")], 1
    ):
        Finding.private_objects.create(
            walk=walk,
            number=number,
            lon=12.5975,
            lat=55.6540,
            category="lighting",
            description=text,
            visibility=visibility,
        )
    indicator = Indicator.objects.create(
        partnership=amager,
        key="hemmelig-indikator",
        name="Deltagere i netværksmøder",
        result=amager.results.first(),
        kind="population",
        definition="Antal.",
        source="partnership",
        reported_by=amager.parties.first().organisation,
        unit="møder",
        higher_is_better=True,
    )
    submission = Submission.private_objects.create(
        partnership=amager, organisation=indicator.reported_by, year=2016
    )
    IndicatorValue.private_objects.create(
        submission=submission, indicator=indicator, value="777.77"
    )
    Event.private_objects.create(
        partnership=amager,
        kind="dialogue",
        title=MEETING,
        starts_at=timezone.make_aware(datetime.datetime(2016, 5, 3, 17)),
        place="Beboerhuset",
        is_public=False,
    )
    lysfest = Event.private_objects.create(
        partnership=amager,
        kind="lysfest",
        title="Lysfest",
        starts_at=timezone.make_aware(datetime.datetime(2016, 11, 18, 17)),
        place="Remiseparken",
    )
    EventAttendance.objects.create(event=lysfest, group="young", count=3)
    EventAttendance.objects.create(event=lysfest, group="adults", count=37)
    user = get_user_model().objects.create_user("tingbjerg-ag", password="x")
    Membership.objects.create(user=user, partnership=tingbjerg, role=Role.WORKING_GROUP)
    Plan.private_objects.create(partnership=tingbjerg, year=2017, title=TINGBJERG)
    # Tingbjerg's theory of change is still open (no approved plan), so its editor is crawled.
    for number in (1, 2):
        effect = Effect.objects.create(
            partnership=tingbjerg, number=number, name=f"Effekt {number}"
        )
        Result.objects.create(partnership=tingbjerg, number=number, name=f"Resultat {number}")
    Result.objects.get(partnership=tingbjerg, number=1).effects.add(effect)
    Reporter.objects.create(
        user=koordinator, partnership=amager, organisation=indicator.reported_by
    )
    from trygplan.residents.models import Report

    Report.private_objects.create(
        partnership=amager,
        source="web",
        category="lighting",
        lon=12.5975,
        lat=55.6540,
        description=REPORT,
        first_name=REPORTER,
    )
    from trygplan.surveys.demo import load_demo as load_surveys

    load_surveys(partnership=amager, plan=plan2016)
    _plant_reports(amager, koordinator, arbejdsgruppe)
    from trygplan.followup.models import ChartNote

    ChartNote.objects.create(partnership=amager, year=2016, text="Ny nærbetjent")
    _plant_magazine(amager, lysfest)
    return amager


def _plant_magazine(amager, lysfest):
    """A published issue with one story (public), a draft story and a draft issue whose
    news is members only."""
    from trygplan.magazine.models import Issue, IssueStory, Story

    public = Story.private_objects.create(
        partnership=amager, event=lysfest, title="Lys", text="Lanterner.", status="published"
    )
    Story.private_objects.create(
        partnership=amager, event=lysfest, title=DRAFT_STORY, text="Kladde."
    )
    issue = Issue.private_objects.create(
        partnership=amager,
        year=2016,
        number=1,
        issue_date=datetime.date(2016, 5, 1),
        status="published",
    )
    IssueStory.objects.create(issue=issue, story=public, order=1)
    draft = Issue.private_objects.create(
        partnership=amager,
        year=2016,
        number=2,
        issue_date=datetime.date(2016, 9, 1),
        news=DRAFT_ISSUE,
    )
    IssueStory.objects.create(issue=draft, story=public, order=1)


def _plant_reports(amager, koordinator, arbejdsgruppe):
    """A mid-year report sent to the steering group with an internal note (members only; its
    residents' version is public), and a May report still being written."""
    from trygplan.reporting import services as reporting
    from trygplan.reporting.models import ReportPart, ReportRecommendation, ReportRound

    for kind in ("midyear", "annual"):
        reporting.round_open(
            partnership=amager,
            year=2016,
            kind=kind,
            deadline=datetime.date(2016, 8, 15),
            user=koordinator,
        )
    midyear = ReportRound.private_objects.get(partnership=amager, year=2016, kind="midyear")
    for round_ in ReportRound.private_objects.filter(partnership=amager):
        ReportRecommendation._default_manager.create(
            round=round_, title="Mere lys", text="Styregruppen indstilles til at se på lyset."
        )
    for part in midyear.parts.all():
        part.status_text = "Aktiviteten går som planlagt."
        part.save(update_fields=["status_text"])
        reporting.part_transition(part=part, action="submit", user=koordinator)
        reporting.part_transition(part=part, action="accept", user=koordinator)
    ReportRound.private_objects.filter(pk=midyear.pk).update(
        summary="Halvåret er gået godt.", internal_note=REPORT_NOTE
    )
    reporting.round_transition(
        round_=ReportRound.private_objects.get(pk=midyear.pk),
        action="recommend",
        user=arbejdsgruppe,
    )
    assert ReportPart.private_objects.filter(round__kind="annual").exists()


def _client(username):
    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if content[:2] == b"PK":  # Word and Excel: the text is in the zipped XML
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = " ".join(
                archive.read(name).decode("utf-8", "ignore")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
        return unescape(re.sub(r"<[^>]+>", "", xml))
    if "pdf" in kind:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return unescape(content.decode("utf-8", "ignore"))


def _links(html: str) -> set[str]:
    found = set()
    for href in re.findall(r'href="([^"#][^"]*)"', html):
        href = urldefrag(unescape(href))[0]
        parsed = urlparse(href)
        if parsed.scheme or parsed.netloc or not href.startswith("/"):
            continue
        if href.startswith(("/static/", "/media/", "/admin/")):
            continue
        found.add(href)
    return found


def _route(path: str) -> tuple[str, tuple] | None:
    try:
        match = resolve(urlparse(path).path)
    except Resolver404:
        return None
    scope = tuple(sorted((k, v) for k, v in match.kwargs.items() if k not in ROW_PARAMETERS))
    return match.view_name, scope


def _crawl(client, found: set) -> dict[tuple, list[str]]:
    """GET pages as the city administrator, following links; a few URLs per route and scope.
    Plain paths come before their ?query variants, so a variant never takes a path's place.
    `found` collects the markers the administrator saw (each must show somewhere)."""
    plain, variants = list(START), []
    seen, by_route = set(), defaultdict(list)
    while plain or variants:
        path = plain.pop(0) if plain else variants.pop(0)
        route = _route(path)
        if path in seen or route is None or len(by_route[route]) >= MAX_PER_ROUTE:
            continue
        seen.add(path)
        by_route[route].append(path)
        response = client.get(path)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            html = unescape(response.content.decode())
            found.update(marker for marker in ALLOWED if marker in html)
            for link in sorted(_links(response.content.decode())):
                (variants if "?" in link else plain).append(link)
    return by_route


def _routes() -> set[str]:
    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if "admin" not in str(pattern.pattern):
                    yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern

    names = set()
    for pattern in walk(get_resolver().url_patterns):
        names.add(pattern.name)
    return names


def test_no_private_marker_reaches_anyone_it_does_not_belong_to(planted):
    found = set()
    by_route = _crawl(_client("admin"), found)
    assert found == set(ALLOWED), f"markers never shown, so never tested: {set(ALLOWED) - found}"
    crawled = {name.rpartition(":")[2] for name, _scope in by_route}
    missing = _routes() - crawled - set(NOT_LINKED)
    assert not missing, f"routes neither crawled nor explained in NOT_LINKED: {sorted(missing)}"
    leaks = []
    for actor in ACTORS:
        client = _client(actor)
        for paths in by_route.values():
            for path in paths:
                response = client.get(path)
                if response.status_code != 200:
                    continue
                if response.get("Content-Type", "").startswith(BINARY) and actor in MEMBERS:
                    continue  # members' PDFs are the pages they may read, rendered once more
                text = _text(response)
                leaks += [
                    (actor, path, marker)
                    for marker, allowed in ALLOWED.items()
                    if marker in text and actor not in allowed
                ]
    assert not leaks, "\n".join(f"{a or 'anonymous'} sees {m!r} on {p}" for a, p, m in leaks)


def test_a_count_of_three_shows_as_under_five_on_the_public_events_page(planted, client):
    html = client.get("/p/amager/followup/events/").content.decode()
    lysfest = html.split("Lysfest", 1)[1].split("</article>", 1)[0]
    assert "Unge (13-17 år) &lt;5" in lysfest
    # The one other group is hidden too, so the total (40) does not give the small count away.
    assert "Voksne ×" in lysfest and "37" not in lysfest


def test_the_applicants_private_link_shows_their_case_to_them_only(planted, client):
    from trygplan.pools.models import Application

    application = Application.private_objects.get(title=APPLICATION)
    page = client.get(application.get_applicant_url()).content.decode()
    assert APPLICATION in page
    other = client.get(f"/p/tingbjerg/pools/link/{application.token}/")
    assert other.status_code == 404
