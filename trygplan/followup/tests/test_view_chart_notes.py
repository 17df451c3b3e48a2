"""The notes on the indicators' charts, written by the coordinator on the follow-up setup page
(`setup_views.chart_note_*`), not in the Django admin."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.followup.models import ChartNote

NEW = reverse("followup:chart_note_create", args=["amager"])
SETUP = reverse("followup:setup", args=["amager"])


def test_the_coordinator_writes_a_note_that_every_chart_shows(client, followup, koordinator):
    client.force_login(koordinator)
    assert NEW in client.get(SETUP).content.decode()
    data = {"year": 2016, "text": "Ny nærbetjent i Urbanplanen", "source": "Politiet"}
    response = client.post(NEW, data)
    assert response.status_code == 302 and response.url == SETUP
    note = ChartNote.objects.get(text="Ny nærbetjent i Urbanplanen")
    assert note.year == 2016 and note.partnership.slug == "amager"
    entry = AuditEntry.objects.filter(object_id=str(note.pk), action="create").get()
    assert entry.user == koordinator
    assert "Ny nærbetjent i Urbanplanen" in client.get(SETUP).content.decode()


def test_a_bad_year_and_an_empty_text_are_told_in_danish_and_nothing_is_saved(
    client, followup, koordinator
):
    client.force_login(koordinator)
    before = ChartNote.objects.count()
    html = client.post(NEW, {"year": 1200, "text": ""}).content.decode()
    assert "Året skal være 2000 eller senere." in html and "Skriv noten." in html
    assert ChartNote.objects.count() == before


def test_the_coordinator_changes_and_deletes_a_note_with_the_history(
    client, followup, koordinator, amager
):
    note = ChartNote.objects.create(partnership=amager, year=2015, text="Skudepisode")
    client.force_login(koordinator)
    edit = reverse("followup:chart_note_edit", args=["amager", note.pk])
    client.post(edit, {"year": 2015, "text": "Skudepisode i Hørgården", "source": ""})
    note.refresh_from_db()
    assert note.text == "Skudepisode i Hørgården"
    delete = reverse("followup:chart_note_delete", args=["amager", note.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not ChartNote.objects.filter(pk=note.pk).exists()
    actions = set(
        AuditEntry.objects.filter(
            object_id=str(note.pk), code__startswith="chartnote."
        ).values_list("action", flat=True)
    )
    assert actions == {"update", "delete"}


@pytest.mark.parametrize("who", ["arbejdsgruppe", "partner"])
def test_other_roles_may_not_write_notes(client, followup, who, request, amager):
    client.force_login(request.getfixturevalue(who))
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"year": 2016, "text": "x"}).status_code == 403
    assert not ChartNote.objects.filter(text="x").exists()


def test_another_partnerships_user_and_anonymous_are_kept_out(client, followup, outsider, amager):
    note = ChartNote.objects.create(partnership=amager, year=2015, text="Skudepisode")
    assert client.get(NEW).status_code == 302
    client.force_login(outsider)
    edit = reverse("followup:chart_note_edit", args=["amager", note.pk])
    assert client.post(edit, {"year": 2015, "text": "Ændret"}).status_code == 404
    note.refresh_from_db()
    assert note.text == "Skudepisode"
