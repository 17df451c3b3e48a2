"""Editing and publishing a story: the writers only, audited."""

import pytest

from trygplan.audit.models import AuditEntry
from trygplan.magazine.models import Story


@pytest.fixture
def draft(magazine, lysfest):
    return Story.private_objects.create(
        partnership=magazine, event=lysfest, title="Lys", text="Lanterner."
    )


def test_the_coordinator_publishes_a_story(client, koordinator, draft):
    client.force_login(koordinator)
    response = client.post(f"/p/amager/magazine/stories/{draft.pk}/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published
    assert AuditEntry.objects.filter(object_id=draft.pk, code="story.publish").exists()


def test_publish_refuses_get(client, koordinator, draft):
    client.force_login(koordinator)
    assert client.get(f"/p/amager/magazine/stories/{draft.pk}/publish/").status_code == 405


def test_anonymous_cannot_publish(client, draft):
    response = client.post(f"/p/amager/magazine/stories/{draft.pk}/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.is_published


def test_another_partnerships_user_gets_a_404(client, outsider, draft):
    client.force_login(outsider)
    assert client.post(f"/p/amager/magazine/stories/{draft.pk}/publish/").status_code == 404
    assert client.get(f"/p/amager/magazine/stories/{draft.pk}/").status_code == 404


def test_partner_staff_cannot_edit_or_publish(client, partner, draft):
    client.force_login(partner)
    assert client.get(f"/p/amager/magazine/stories/{draft.pk}/").status_code == 403
    assert client.post(f"/p/amager/magazine/stories/{draft.pk}/publish/").status_code == 403


def test_editing_a_story_is_audited_with_its_changes(client, arbejdsgruppe, draft):
    client.force_login(arbejdsgruppe)
    url = f"/p/amager/magazine/stories/{draft.pk}/"
    response = client.post(url, {"title": "Lys i mørket", "text": "Lanterner."})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(object_id=draft.pk, code="story.update")
    assert entry.changes["title"] == ["Lys", "Lys i mørket"]
