"""A story's photo is served only after the access check: to everyone once its story is in a
published issue and the photo may still be shown; consent withdrawn makes it a 404."""

import pytest

from trygplan.magazine.models import Issue, IssueStory, Story, StoryPhoto


@pytest.fixture
def in_draft(magazine, lysfest, consented):
    story = Story.private_objects.create(
        partnership=magazine, event=lysfest, title="Lys", text="Lanterner."
    )
    issue = Issue.private_objects.create(
        partnership=magazine, year=2016, number=3, issue_date="2016-12-01"
    )
    IssueStory.objects.create(issue=issue, story=story, order=1)
    return StoryPhoto.objects.create(story=story, event_photo=consented)


def _url(photo):
    return f"/p/amager/magazine/photos/{photo.pk}/"


def test_members_see_a_photo_of_a_draft(client, partner, in_draft):
    client.force_login(partner)
    response = client.get(_url(in_draft))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"


def test_anonymous_and_other_partnerships_see_it_only_once_published(client, outsider, in_draft):
    assert client.get(_url(in_draft)).status_code == 404
    client.force_login(outsider)
    assert client.get(_url(in_draft)).status_code == 404
    Issue.private_objects.filter(number=3).update(status="published")
    assert client.get(_url(in_draft)).status_code == 200


def test_withdrawn_consent_hides_the_photo_everywhere(client, koordinator, in_draft):
    in_draft.event_photo.consent = False
    in_draft.event_photo.save()
    client.force_login(koordinator)
    assert client.get(_url(in_draft)).status_code == 404
    page = client.get("/p/amager/magazine/2016/3/").content.decode()
    assert _url(in_draft) not in page


def test_the_photo_refuses_post(client, koordinator, in_draft):
    client.force_login(koordinator)
    assert client.post(_url(in_draft)).status_code == 405
