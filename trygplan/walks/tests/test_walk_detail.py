from trygplan.walks.models import Participants


def _url(walk):
    return f"/p/amager/walks/{walk.pk}/"


def test_members_see_the_walk_its_participants_and_findings(client, partner, walk, findings):
    Participants.objects.create(walk=walk, group="residents", count=11)
    client.force_login(partner)
    response = client.get(_url(walk))
    content = response.content.decode()
    assert "Aftenvandring i Urbanplanen" in content
    assert "Beboere" in content and ">11<" in content
    assert "Stien ved Remiseparken" in content
    assert "Kælderskakten" in content
    assert "Narkohjørnet" not in content
    assert "Tilføj fund på telefonen" not in content  # partner staff read only


def test_police_users_see_police_only_findings_on_the_walk(client, police, walk, findings):
    client.force_login(police)
    assert "Narkohjørnet" in client.get(_url(walk)).content.decode()


def test_it_lists_earlier_findings_near_the_route_to_re_rate(client, koordinator, walk, findings):
    from trygplan.walks.models import Walk

    later = Walk.private_objects.create(
        partnership=walk.partnership,
        title="Opfølgningsvandring",
        starts_at=walk.starts_at.replace(year=2017),
        light="dark",
        season="autumn",
        route=walk.route,
    )
    client.force_login(koordinator)
    response = client.get(_url(later))
    rows = response.context["recheck"]
    assert {row["finding"].place for row in rows} == {"Stien ved Remiseparken", "Kælderskakten"}
    assert all(row["distance"] < 60 for row in rows)


def test_anonymous_visitors_get_404(client, walk):
    assert client.get(_url(walk)).status_code == 404


def test_users_of_another_partnership_are_refused(client, outsider, walk):
    client.force_login(outsider)
    assert client.get(_url(walk)).status_code == 403


def test_it_refuses_post(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.post(_url(walk)).status_code == 405
