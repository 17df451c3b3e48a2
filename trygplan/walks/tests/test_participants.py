from trygplan.partnerships.models import Organisation
from trygplan.walks.models import Participants


def _url(walk):
    return f"/p/amager/walks/{walk.pk}/participants/"


def test_participants_are_counted_by_group_and_organisation(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    org = Organisation.objects.get(key="3b")
    client.post(_url(walk), {"group": "housing_staff", "organisation": org.pk, "count": 2})
    client.post(_url(walk), {"group": "housing_staff", "organisation": org.pk, "count": 1})
    client.post(_url(walk), {"group": "residents", "count": 9})
    rows = {(p.group, p.organisation_id): p.count for p in walk.participants.all()}
    assert rows == {("housing_staff", org.pk): 3, ("residents", None): 9}
    assert walk.participant_total() == 12


def test_a_count_below_one_is_refused(client, arbejdsgruppe, walk):
    client.force_login(arbejdsgruppe)
    response = client.post(_url(walk), {"group": "residents", "count": 0}, follow=True)
    assert "Antallet skal være mindst 1." in response.content.decode()
    assert not Participants.objects.exists()


def test_a_row_can_be_removed(client, arbejdsgruppe, walk):
    row = Participants.objects.create(walk=walk, group="police", count=2)
    client.force_login(arbejdsgruppe)
    client.post(f"/p/amager/walks/{walk.pk}/participants/{row.pk}/remove/")
    assert not Participants.objects.exists()


def test_read_only_roles_anonymous_and_outsiders_cannot_add(client, partner, outsider, walk):
    assert client.post(_url(walk), {"group": "residents", "count": 3}).status_code == 404
    for user, status in ((partner, 403), (outsider, 403)):
        client.force_login(user)
        assert client.post(_url(walk), {"group": "residents", "count": 3}).status_code == status
    assert not Participants.objects.exists()


def test_it_refuses_get(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.get(_url(walk)).status_code == 405
