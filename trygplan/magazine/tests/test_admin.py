"""The admin is audited, and a published issue is read-only there."""

from trygplan.audit.models import AuditEntry
from trygplan.magazine.models import Issue


def test_a_published_issue_is_read_only_in_the_admin(client, city_admin, magazine):
    issue = Issue.public_objects.get(partnership=magazine, number=2)
    client.force_login(city_admin)
    url = f"/admin/magazine/issue/{issue.pk}/change/"
    response = client.post(url, {"news": "Ændret", "year": 2016, "number": 2})
    issue.refresh_from_db()
    assert response.status_code in (200, 403)
    assert issue.news != "Ændret"


def test_a_story_changed_in_the_admin_is_audited(client, city_admin, magazine):
    from trygplan.magazine.models import Story

    story = Story.private_objects.filter(partnership=magazine).first()
    client.force_login(city_admin)
    url = f"/admin/magazine/story/{story.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form.initial.get(name) or "" for name in form.fields}
    data.update(
        title="Ny overskrift",
        status="published",
        **{"photos-TOTAL_FORMS": 0, "photos-INITIAL_FORMS": 0},
    )
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert AuditEntry.objects.filter(object_id=story.pk, source="admin").exists()
