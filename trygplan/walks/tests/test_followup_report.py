import datetime

from django.utils import timezone

from trygplan.partnerships.models import Organisation
from trygplan.walks.models import Finding, ReRating, Walk

from .conftest import make_finding

URL = "/p/amager/walks/report/"


def _later_walk(walk, year):
    return Walk.private_objects.create(
        partnership=walk.partnership,
        title=f"Vandring {year}",
        starts_at=walk.starts_at.replace(year=year),
        light="dark",
        season="autumn",
        route=walk.route,
    )


def test_open_overdue_and_fixed_by_owner_and_median_days(client, koordinator, walk):
    b3 = Organisation.objects.get(key="3b")
    tmf = Organisation.objects.get(key="tmf")
    make_finding(walk, 1, owner_organisation=b3, deadline=datetime.date(2016, 11, 1))
    make_finding(
        walk,
        2,
        owner_organisation=b3,
        status="fixed",
        fixed_at=walk.starts_at + datetime.timedelta(days=30),
    )
    make_finding(
        walk,
        3,
        owner_organisation=tmf,
        status="fixed",
        fixed_at=walk.starts_at + datetime.timedelta(days=90),
    )
    make_finding(
        walk, 4, owner_organisation=tmf, deadline=timezone.localdate() + datetime.timedelta(days=9)
    )
    make_finding(walk, 5, is_good_place=True)
    client.force_login(koordinator)
    response = client.get(URL)
    report = response.context["report"]
    rows = {
        row["owner"]: (row["open"], row["overdue"], row["fixed"], row["median_days"])
        for row in report["rows"]
    }
    assert rows == {"3B": (1, 1, 1, 30), "TMF": (1, 0, 1, 90)}
    assert report["median_days"] == 60
    assert "2 åbne fund, heraf 1 over fristen. 2 udbedret." in response.content.decode()


def test_places_where_the_same_category_comes_back(client, koordinator, walk):
    make_finding(walk, 1, place="Tunnelen")
    make_finding(_later_walk(walk, 2017), 1, lon=12.59752, lat=55.65402)
    make_finding(_later_walk(walk, 2018), 1, category="litter")
    client.force_login(koordinator)
    recurring = client.get(URL).context["report"]["recurring"]
    assert len(recurring) == 1
    assert recurring[0]["place"] == "Tunnelen" and len(recurring[0]["findings"]) == 2


def test_the_change_in_feeling_per_place_and_in_total(client, koordinator, walk):
    first = make_finding(walk, 1, score_feeling=0)
    second = make_finding(walk, 2, score_feeling=2)
    later = _later_walk(walk, 2017)
    ReRating.objects.create(finding=first, walk=later, fixed="yes", feeling=3)
    ReRating.objects.create(finding=second, walk=later, fixed="no", feeling=1)
    client.force_login(koordinator)
    summary = client.get(URL).context["summary"]
    assert [row["change"] for row in summary["rows"]] == [3, -1]
    assert summary["average_change"] == 1.0 and summary["safer"] == 1


def test_police_only_findings_are_left_out_for_members_without_police_access(
    client, koordinator, walk
):
    make_finding(walk, 1, visibility=Finding.Visibility.POLICE_ONLY)
    client.force_login(koordinator)
    assert client.get(URL).context["report"]["rows"] == []


def test_anonymous_outsiders_and_post_are_refused(client, outsider, koordinator, amager):
    assert client.get(URL).status_code == 404
    client.force_login(outsider)
    assert client.get(URL).status_code == 403
    client.force_login(koordinator)
    assert client.post(URL).status_code == 405


def test_a_read_only_partner_sees_the_report(client, partner, walk):
    make_finding(walk, 1)
    client.force_login(partner)
    assert "1 åbne fund" in client.get(URL).content.decode()
