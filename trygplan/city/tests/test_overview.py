import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from trygplan.city.access import city_reader
from trygplan.city.overview import build_city_overview, district_of
from trygplan.partnerships.models import Membership, Role
from trygplan.plans.models import Plan
from trygplan.walks.models import PoliceAccess

URL = reverse("city:overview")


def _row(city, slug):
    return next(row for row in city.rows if row.partnership.slug == slug)


def test_the_public_sees_every_partnership_with_published_data_only(
    client, amager, draft2017, bulk
):
    bulk(1, status=Plan.Status.DRAFT)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Amager Partnerskab" in html and "Bulk 001" in html
    assert "Kladde" not in html  # neither Amager's 2017 draft nor Bulk's 2016 draft
    city = response.context["city"]
    assert city.year == 2016 and 2017 not in city.years
    assert _row(city, "bulk-1").plan is None
    assert _row(city, "amager").money.frame == 1_500_000


def test_a_city_administrator_sees_drafts_and_internal_findings(
    client, amager, draft2017, city_admin, bulk
):
    bulk(1, status=Plan.Status.DRAFT)
    client.force_login(city_admin)
    city = client.get(URL, {"aar": 2016}).context["city"]
    row = _row(city, "bulk-1")
    assert row.plan.status == Plan.Status.DRAFT and row.private
    assert row.findings_open == 3  # public, partnership and police-only
    assert 2017 in client.get(URL).context["city"].years


def test_a_member_of_one_partnership_never_sees_anothers_drafts_or_private_findings(
    client, amager, draft2017, outsider, bulk
):
    bulk(1)
    mine = bulk(2, status=Plan.Status.DRAFT)
    Membership.objects.create(user=outsider, partnership=mine, role=Role.WORKING_GROUP)
    client.force_login(outsider)
    response = client.get(URL, {"aar": 2016})
    city = response.context["city"]
    assert _row(city, "bulk-2").plan.status == Plan.Status.DRAFT  # their own draft
    assert _row(city, "bulk-2").findings_open == 2  # no police-only without a grant
    assert _row(city, "bulk-1").findings_open == 1  # another's: public findings only
    assert 2017 not in city.years  # Amager's draft year is not offered
    assert "Tryghedsplan for Amager Partnerskab 2017" not in response.content.decode()


def test_police_only_findings_count_with_a_police_grant(db, amager, outsider, bulk):
    mine = bulk(1)
    Membership.objects.create(user=outsider, partnership=mine, role=Role.PARTNER)
    PoliceAccess.objects.create(user=outsider, partnership=mine)
    city = build_city_overview(city_reader(outsider), year=2016)
    assert _row(city, "bulk-1").findings_open == 3


def test_money_deliverables_pools_and_indicators_per_row(db, amager, bulk):
    bulk(7)
    anonymous = city_reader(type("Anon", (), {"is_authenticated": False})())
    row = _row(build_city_overview(anonymous, year=2016), "bulk-7")
    assert (row.money.frame, row.money.partnership, row.money.co_financing) == (
        100_000,
        90_000,
        10_000,
    )
    assert row.pools.allocation == 90_000 and row.pools.count == 1
    assert row.off_track == 1  # 4 things promised in 2016, none delivered: missed
    assert [(i.name, value) for i, value in row.indicators] == [("Utrygge", "27")]
    assert row.findings_overdue == 1


def test_the_district_filter_keeps_the_partnerships_in_that_district(client, amager):
    assert district_of(amager.area) == "Amager Vest"
    assert client.get(URL, {"bydel": "Amager Vest"}).context["city"].rows[0].partnership == amager
    assert client.get(URL, {"bydel": "Nørrebro"}).context["city"].rows == []


def test_an_unknown_year_or_district_falls_back_to_the_default(client, amager):
    response = client.get(URL, {"aar": "1999", "bydel": "Atlantis"})
    assert response.status_code == 200
    assert response.context["city"].year == 2016


def test_the_excel_file_has_one_row_per_partnership(client, amager, bulk):
    bulk(1)
    response = client.get(reverse("city:overview_xlsx"), {"aar": 2016})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Partnerskab" and len(rows) == 3
    assert {r[0] for r in rows[1:]} == {"Amager Partnerskab", "Bulk 001"}


@pytest.mark.parametrize("path", ["/oversigt/", "/p/"])
def test_old_addresses_lead_to_the_city_overview(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == URL


def test_wrong_method_is_refused(client, db):
    assert client.post(URL).status_code == 405


def test_the_front_page_leads_to_the_city_overview_and_lists_a_members_partnerships(
    client, amager, outsider
):
    Membership.objects.create(user=outsider, partnership=amager, role=Role.PARTNER)
    client.force_login(outsider)
    html = client.get(reverse("home")).content.decode()
    assert URL in html and "Dine partnerskaber" in html
    assert "Tingbjerg Partnerskab</a>\n          – Arbejdsgruppe" in html
    assert "Amager Partnerskab</a>\n          – Partnermedarbejder" in html


def _queries(client, user=None) -> int:
    if user:
        client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"aar": 2016}).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_partnerships(client, amager, city_admin, bulk):
    bulk(0)
    one = _queries(client, city_admin)
    for n in range(1, 10):
        bulk(n)
    assert _queries(client) == one
    assert one <= 20
    client.logout()
    public_one = _queries(client)
    for n in range(10, 20):
        bulk(n)
    assert _queries(client) == public_one
