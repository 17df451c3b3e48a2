import datetime

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Organisation
from trygplan.walks.models import Finding


def _url(finding):
    return f"/p/amager/walks/findings/{finding.pk}/edit/"


def _data(finding, **overrides):
    data = {
        "place": finding.place,
        "lon": finding.lon,
        "lat": finding.lat,
        "category": finding.category,
        "priority": 2,
        "visibility": "public",
        "owner": "housing",
        "owner_organisation": Organisation.objects.get(key="3b").pk,
        "deadline": "2016-12-01",
        "proposed_measure": "Nye LED-lamper.",
    }
    data.update(overrides)
    return data


def test_the_working_group_sets_owner_deadline_and_it_is_audited(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding))
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.owner_label == "3B"
    assert finding.deadline == datetime.date(2016, 12, 1)
    entry = AuditEntry.objects.get(object_id=finding.pk, action="update")
    assert changes_by_label(entry)["Frist"] == ["–", "1. december 2016"]


def test_a_deadline_before_the_walk_is_refused_in_danish(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, deadline="2016-10-01"))
    assert response.status_code == 200
    assert "Fristen kan ikke ligge før vandringen (12. oktober 2016)." in response.content.decode()
    finding.refresh_from_db()
    assert finding.deadline is None


def test_only_police_users_can_choose_police_only(client, arbejdsgruppe, police, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = client.post(_url(finding), _data(finding, visibility="police_only"))
    assert response.status_code == 200
    finding.refresh_from_db()
    assert finding.visibility == "public"
    client.force_login(police)
    client.post(_url(finding), _data(finding, visibility="police_only"))
    finding.refresh_from_db()
    assert finding.visibility == "police_only"


def test_read_only_roles_cannot_edit(client, partner, findings):
    client.force_login(partner)
    assert client.get(_url(findings["public"])).status_code == 403


def test_anonymous_and_outsiders_are_refused(client, outsider, findings):
    assert client.get(_url(findings["public"])).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(findings["public"])).status_code == 403


def test_it_refuses_delete(client, koordinator, findings):
    client.force_login(koordinator)
    assert client.delete(_url(findings["public"])).status_code == 405


def test_the_funding_route_links_a_byrumspulje_grant(client, arbejdsgruppe, findings, urban_grant):
    finding = findings["public"]
    grant, expense = urban_grant
    client.force_login(arbejdsgruppe)
    response = client.post(
        _url(finding), _data(finding, funding="", grant=grant.pk, expense=expense.pk)
    )
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.grant == grant and finding.expense == expense
    assert finding.funding == Finding.Funding.BYRUMSPULJE
    assert list(grant.findings.all()) == [finding]
