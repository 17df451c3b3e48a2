from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.walks.models import Walk


def _url(walk):
    return f"/p/amager/walks/{walk.pk}/advance/"


def test_the_walk_moves_one_step_and_the_transition_is_recorded(client, koordinator, walk):
    client.force_login(koordinator)
    client.post(_url(walk))
    walk.refresh_from_db()
    assert walk.status == Walk.Status.PROTOCOL_SENT
    entry = AuditEntry.objects.get(object_id=walk.pk, action="transition")
    assert changes_by_label(entry) == {"Status": ["Gennemført", "Referat sendt"]}
    assert entry.user == koordinator


def test_the_last_status_stays(client, koordinator, walk):
    walk.status = Walk.Status.FOLLOW_UP_HELD
    walk.save()
    client.force_login(koordinator)
    client.post(_url(walk))
    walk.refresh_from_db()
    assert walk.status == Walk.Status.FOLLOW_UP_HELD


def test_read_only_roles_cannot_move_it(client, styregruppe, walk):
    client.force_login(styregruppe)
    assert client.post(_url(walk)).status_code == 403


def test_anonymous_and_outsiders_are_refused(client, outsider, walk):
    assert client.post(_url(walk)).status_code == 404
    client.force_login(outsider)
    assert client.post(_url(walk)).status_code == 403


def test_it_refuses_get(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.get(_url(walk)).status_code == 405
