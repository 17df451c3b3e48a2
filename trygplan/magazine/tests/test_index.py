"""The magazine's page: published issues for everyone; drafts and stories for members; the
source chooser for the coordinator and the working group."""

from trygplan.magazine.models import Issue, Story

URL = "/p/amager/magazine/"


def _draft(magazine):
    return Issue.private_objects.create(
        partnership=magazine, year=2016, number=3, issue_date="2016-10-01"
    )


def test_anyone_sees_the_published_issues(client, magazine, django_assert_max_num_queries):
    _draft(magazine)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Beboerblad nr. 2, 2016" in text
    assert "Beboerblad nr. 3, 2016" not in text
    assert "Historier" not in text


def test_members_see_drafts_and_stories_but_partner_staff_cannot_write(client, magazine, partner):
    _draft(magazine)
    client.force_login(partner)
    text = client.get(URL).content.decode()
    assert "Beboerblad nr. 3, 2016" in text
    assert "Lys på stierne i Hørgården" in text
    assert "Skriv historie" not in text


def test_the_working_group_gets_the_source_chooser(client, magazine, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    text = client.get(URL).content.decode()
    assert "Lysfest 2016" in text  # a source to choose
    assert "Nyt beboerblad" in text


def test_another_partnerships_user_sees_only_what_is_public(client, magazine, outsider):
    _draft(magazine)
    client.force_login(outsider)
    text = client.get(URL).content.decode()
    assert "Beboerblad nr. 3, 2016" not in text
    assert "Lys på stierne i Hørgården" not in text


def test_the_page_refuses_post(client, magazine):
    assert client.post(URL).status_code == 405


def test_the_demo_labels_its_invented_issues(magazine):
    assert Issue.public_objects.filter(partnership=magazine, is_invented=True).count() == 2
    assert Story.private_objects.filter(partnership=magazine, issues__isnull=True).count() == 2
