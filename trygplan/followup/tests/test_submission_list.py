from trygplan.followup.models import Submission

URL = "/p/amager/followup/submissions/"


def test_members_see_all_submissions(client, followup, styregruppe, django_assert_max_num_queries):
    client.force_login(styregruppe)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    text = response.content.decode()
    assert "SSP København" in text and "Københavns Politi" in text
    assert "Indsendt" in text
    assert "Åbn indberetning" not in text  # not a reporter


def test_a_reporter_opens_a_submission_for_their_organisation(client, followup, partner):
    client.force_login(partner)
    assert "Indberet for SSP København" in client.get(URL).content.decode()
    response = client.post(URL, {"year": "2017"})
    submission = Submission.private_objects.get(year=2017)
    assert submission.organisation.key == "ssp"
    assert response.url == submission.get_absolute_url()
    client.post(URL, {"year": "2017"})
    assert Submission.private_objects.filter(year=2017).count() == 1


def test_a_non_reporter_cannot_open_a_submission(client, followup, styregruppe):
    client.force_login(styregruppe)
    assert client.post(URL, {"year": "2017"}).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, followup):
    assert client.get(URL).status_code == 302


def test_users_of_another_partnership_get_404(client, followup, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_it_refuses_put(client, followup, partner):
    client.force_login(partner)
    assert client.put(URL).status_code == 405


def test_the_year_to_open_defaults_to_the_newest_year_not_the_oldest(client, followup, partner):
    client.force_login(partner)
    text = client.get(URL).content.decode()
    assert '<option value="2017" selected>' in text
