from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.followup.models import IndicatorValue

GOOD = "indikator;værdi;status\r\nssp-enkeltsager;3;endelig\r\nnetvaerksmoeder;8;\r\n"
BAD = "indikator;værdi\r\nssp-enkeltsager;3\r\nnetvaerksmoeder;otte\r\n"


def _url(submission):
    return f"/p/amager/followup/submissions/{submission.pk}/import/"


def _upload(client, submission, text):
    upload = SimpleUploadedFile("tal.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(_url(submission), {"file": upload})


def test_a_bad_row_is_shown_and_nothing_is_saved(client, draft_submission, partner):
    client.force_login(partner)
    text = _upload(client, draft_submission, BAD).content.decode()
    assert "Række 3, kolonne “værdi”: “otte” er ikke et tal." in text
    assert "Gem værdierne" not in text
    assert not IndicatorValue.private_objects.filter(submission=draft_submission).exists()


def test_a_good_file_is_previewed_then_saved(client, draft_submission, partner):
    client.force_login(partner)
    text = _upload(client, draft_submission, GOOD).content.decode()
    assert "Gem værdierne" in text
    assert not draft_submission.values.exists()
    signed = text.split('name="rows" value="')[1].split('"')[0]
    response = client.post(_url(draft_submission), {"rows": signed, "reason": ""})
    assert response.status_code == 302
    assert draft_submission.values.count() == 2


def test_tampered_rows_are_refused(client, draft_submission, partner):
    client.force_login(partner)
    response = client.post(_url(draft_submission), {"rows": "forged", "reason": ""})
    assert "Forhåndsvisningen er udløbet" in response.content.decode()
    assert not draft_submission.values.exists()


def test_a_read_only_member_cannot_import(client, draft_submission, styregruppe):
    client.force_login(styregruppe)
    assert _upload(client, draft_submission, GOOD).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, draft_submission):
    assert _upload(client, draft_submission, GOOD).status_code == 302


def test_users_of_another_partnership_get_404(client, draft_submission, outsider):
    client.force_login(outsider)
    assert _upload(client, draft_submission, GOOD).status_code == 404


def test_it_refuses_get(client, draft_submission, partner):
    client.force_login(partner)
    assert client.get(_url(draft_submission)).status_code == 405
