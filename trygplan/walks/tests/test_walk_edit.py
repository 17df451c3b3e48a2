from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry


def _url(walk):
    return f"/p/amager/walks/{walk.pk}/edit/"


def test_the_coordinator_edits_notes_and_it_is_audited(client, koordinator, walk):
    client.force_login(koordinator)
    response = client.post(
        _url(walk),
        {
            "title": walk.title,
            "starts_at": "2016-10-12T19:00",
            "light": "dark",
            "season": "autumn",
            "closing_meeting_notes": "3B tager lyset; kommunen stien.",
        },
    )
    assert response.status_code == 302
    walk.refresh_from_db()
    assert walk.closing_meeting_notes == "3B tager lyset; kommunen stien."
    entry = AuditEntry.objects.get(object_id=walk.pk, action="update")
    assert "Noter fra det afsluttende møde" in changes_by_label(entry)


def test_the_edit_form_shows_the_existing_route(client, koordinator, walk):
    client.force_login(koordinator)
    assert "12.596" in client.get(_url(walk)).content.decode()


def test_partner_staff_cannot_edit_a_walk(client, partner, walk):
    client.force_login(partner)
    assert client.get(_url(walk)).status_code == 403


def test_anonymous_and_outsiders_are_refused(client, outsider, walk):
    assert client.get(_url(walk)).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(walk)).status_code == 403


def test_it_refuses_delete(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.delete(_url(walk)).status_code == 405
