"""Issues of the magazine: made with stories in order, published (with their stories),
shown as a web page and a print-ready PDF; the published issue counts on the status board."""

import io

import pytest
from pypdf import PdfReader

from trygplan.audit.models import AuditEntry
from trygplan.magazine.models import Issue, Story, StoryPhoto

NEW = "/p/amager/magazine/issues/new/"
ISSUE3 = "/p/amager/magazine/2016/3/"


def _data(stories, **changes):
    data = {"year": 2016, "number": 3, "issue_date": "2016-10-15", "news": "Nyt om puljerne."}
    data.update({f"story_{story.pk}": place for place, story in enumerate(stories, start=1)})
    data.update(changes)
    return data


@pytest.fixture
def three(magazine, lysfest):
    lys = Story.private_objects.create(
        partnership=magazine, event=lysfest, title="Lys i Remiseparken", text="Mange gik med."
    )
    others = list(
        Story.private_objects.filter(partnership=magazine, issues__isnull=True).exclude(pk=lys.pk)
    )
    return [lys, *others]


@pytest.fixture
def issue3(client, koordinator, three):
    client.force_login(koordinator)
    assert client.post(NEW, _data(three)).status_code == 302
    client.logout()
    return Issue.private_objects.get(year=2016, number=3)


def test_the_coordinator_makes_an_issue_with_three_stories_in_order(client, koordinator, three):
    client.force_login(koordinator)
    response = client.post(NEW, _data(three))
    assert response.status_code == 302
    issue = Issue.private_objects.get(year=2016, number=3)
    assert issue.ordered_stories() == three
    assert not issue.is_published
    assert AuditEntry.objects.filter(object_id=issue.pk, code="issue.create").exists()


def test_a_number_taken_gets_a_message(client, koordinator, three):
    client.force_login(koordinator)
    response = client.post(NEW, _data(three, number=2))
    assert response.status_code == 200
    assert (
        "Der er allerede et beboerblad nr. 2 i 2016." in response.context["form"].errors["number"]
    )


def test_a_date_outside_the_year_and_a_place_used_twice_get_messages(client, koordinator, three):
    client.force_login(koordinator)
    data = _data(three, issue_date="2017-01-05", **{f"story_{three[1].pk}": 1})
    response = client.post(NEW, data)
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert "issue_date" in errors
    assert f"story_{three[1].pk}" in errors
    assert not Issue.private_objects.filter(number=3).exists()


def test_publishing_publishes_its_stories_and_moves_the_deliverable(client, koordinator, issue3):
    client.force_login(koordinator)
    board = "/p/amager/followup/2016/status/"
    before = client.get(board).context["rows"]
    response = client.post(f"{ISSUE3}publish/")
    assert response.status_code == 302
    issue3.refresh_from_db()
    assert issue3.is_published
    assert all(story.is_published for story in issue3.ordered_stories())
    assert AuditEntry.objects.filter(object_id=issue3.pk, code="issue.publish").exists()

    def done(rows):
        return next(
            d.result.done
            for r in rows
            for d in r.deliverables
            if d.deliverable.unit == "beboerblade"
        )

    assert (done(before), done(client.get(board).context["rows"])) == (2, 3)


def test_a_draft_issue_is_for_members_only(client, issue3, partner, outsider):
    assert client.get(ISSUE3).status_code == 404
    client.force_login(outsider)
    assert client.get(ISSUE3).status_code == 404
    client.force_login(partner)
    response = client.get(ISSUE3)
    assert response.status_code == 200
    assert "Udgiv bladet" not in response.content.decode()  # partner staff read only


def test_anyone_reads_a_published_issue(client, magazine, django_assert_max_num_queries):
    with django_assert_max_num_queries(15):
        response = client.get("/p/amager/magazine/2016/2/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sol og fællesspisning på Urbanpladsen" in text
    assert "Opdigtede demodata" in text


def test_the_issue_page_refuses_post(client, magazine):
    assert client.post("/p/amager/magazine/2016/2/").status_code == 405


def test_partner_staff_cannot_publish(client, partner, issue3):
    client.force_login(partner)
    assert client.post(f"{ISSUE3}publish/").status_code == 403
    issue3.refresh_from_db()
    assert not issue3.is_published


def test_publish_refuses_get(client, koordinator, issue3):
    client.force_login(koordinator)
    assert client.get(f"{ISSUE3}publish/").status_code == 405


def test_the_pdf_holds_the_stories_in_order(client, koordinator, issue3, consented):
    lys = issue3.ordered_stories()[0]
    StoryPhoto.objects.create(story=lys, event_photo=consented)
    client.force_login(koordinator)
    response = client.get(f"{ISSUE3}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    titles = [story.title for story in issue3.ordered_stories()]
    positions = [text.find(title) for title in titles]
    assert -1 not in positions and positions == sorted(positions)
    assert "Beboerblad nr. 3, 2016" in text
    assert "Lanterner i Remiseparken" in text  # the photo's caption


def test_the_pdf_of_a_draft_is_not_public(client, issue3):
    assert client.get(f"{ISSUE3}pdf/").status_code == 404


def test_editing_an_issue_changes_its_stories(client, koordinator, issue3, three):
    client.force_login(koordinator)
    data = _data(three[:1])
    response = client.post(f"{ISSUE3}edit/", data)
    assert response.status_code == 302
    assert issue3.ordered_stories() == three[:1]
    assert AuditEntry.objects.filter(object_id=issue3.pk, code="issue.update").exists()


def test_another_partnerships_user_cannot_edit(client, outsider, issue3):
    client.force_login(outsider)
    assert client.get(f"{ISSUE3}edit/").status_code == 404
