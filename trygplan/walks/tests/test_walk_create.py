import json

from trygplan.audit.models import AuditEntry
from trygplan.walks.models import Walk

from .conftest import ROUTE

URL = "/p/amager/walks/new/"


def _data(**overrides):
    data = {
        "title": "Forårsvandring",
        "starts_at": "2017-04-20T17:00",
        "light": "daylight",
        "season": "",
        "theme": "Ældre",
        "route": json.dumps(ROUTE),
    }
    data.update(overrides)
    return data


def test_the_working_group_plans_a_walk_with_a_route(client, arbejdsgruppe, amager):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, _data())
    walk = Walk.private_objects.get()
    assert response.status_code == 302
    assert response.url == walk.get_absolute_url()
    assert walk.route["coordinates"] == ROUTE["coordinates"]
    assert walk.season == "spring"  # from the date
    assert walk.status == Walk.Status.PLANNED
    assert AuditEntry.objects.filter(object_id=walk.pk, action="create").exists()


def test_a_walk_without_a_route_is_fine(client, arbejdsgruppe, amager):
    client.force_login(arbejdsgruppe)
    client.post(URL, _data(route=""))
    assert Walk.private_objects.get().route is None


def test_a_route_outside_denmark_is_refused_in_danish(client, arbejdsgruppe, amager):
    client.force_login(arbejdsgruppe)
    route = {"type": "LineString", "coordinates": [[2.35, 48.85], [2.36, 48.86]]}
    response = client.post(URL, _data(route=json.dumps(route)))
    assert response.status_code == 200
    assert "Ruten skal ligge i Danmark." in response.content.decode()
    assert not Walk.private_objects.exists()


def test_missing_date_and_title_are_explained(client, arbejdsgruppe, amager):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, _data(title="", starts_at=""))
    content = response.content.decode()
    assert "Giv vandringen en titel" in content
    assert "Skriv dato og tidspunkt for vandringen." in content


def test_the_form_page_has_the_route_map(client, koordinator):
    client.force_login(koordinator)
    response = client.get(URL)
    assert 'id="route-map"' in response.content.decode()


def test_read_only_roles_may_not_plan_walks(client, styregruppe, partner):
    for user in (styregruppe, partner):
        client.force_login(user)
        assert client.post(URL, _data()).status_code == 403
    assert not Walk.private_objects.exists()


def test_anonymous_and_outsiders_are_refused(client, outsider, amager):
    assert client.get(URL).status_code == 404
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_refuses_put(client, koordinator):
    client.force_login(koordinator)
    assert client.put(URL).status_code == 405
