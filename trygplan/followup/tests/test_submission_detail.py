def _url(submission):
    return f"/p/amager/followup/submissions/{submission.pk}/"


def test_the_reporter_sees_the_upload_form(client, draft_submission, partner):
    client.force_login(partner)
    text = client.get(_url(draft_submission)).content.decode()
    assert "Indberetning fra SSP København for 2017" in text
    assert "Upload værdier" in text
    assert "Indsend til koordinatoren" in text


def test_a_read_only_member_sees_no_forms(client, draft_submission, styregruppe):
    client.force_login(styregruppe)
    text = client.get(_url(draft_submission)).content.decode()
    assert "SSP-enkeltsager" in text
    assert "Upload værdier" not in text and "Godkend" not in text


def test_anonymous_visitors_are_sent_to_log_in(client, draft_submission):
    assert client.get(_url(draft_submission)).status_code == 302


def test_users_of_another_partnership_get_404(client, draft_submission, outsider):
    client.force_login(outsider)
    assert client.get(_url(draft_submission)).status_code == 404


def test_it_refuses_post(client, draft_submission, partner):
    client.force_login(partner)
    assert client.post(_url(draft_submission)).status_code == 405
