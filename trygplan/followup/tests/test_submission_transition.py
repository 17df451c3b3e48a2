from trygplan.followup.models import IndicatorValue, Submission


def _url(submission, action):
    return f"/p/amager/followup/submissions/{submission.pk}/{action}/"


def _with_value(submission, indicator):
    IndicatorValue.private_objects.create(submission=submission, indicator=indicator, value=3)
    return submission


def test_the_reporter_submits_and_the_coordinator_approves_and_locks(
    client, draft_submission, ssp_cases, partner, koordinator
):
    _with_value(draft_submission, ssp_cases)
    client.force_login(partner)
    client.post(_url(draft_submission, "submit"))
    client.force_login(koordinator)
    client.post(_url(draft_submission, "approve"))
    response = client.post(_url(draft_submission, "lock"), follow=True)
    assert "Indberetningen er nu: låst." in response.content.decode()
    draft_submission.refresh_from_db()
    assert draft_submission.status == Submission.Status.LOCKED


def test_the_reporter_cannot_approve(client, draft_submission, ssp_cases, partner):
    Submission.private_objects.filter(pk=draft_submission.pk).update(status="submitted")
    client.force_login(partner)
    assert client.post(_url(draft_submission, "approve")).status_code == 403


def test_a_read_only_member_cannot_submit(client, draft_submission, ssp_cases, styregruppe):
    _with_value(draft_submission, ssp_cases)
    client.force_login(styregruppe)
    assert client.post(_url(draft_submission, "submit")).status_code == 403


def test_a_refused_step_is_explained(client, draft_submission, koordinator):
    client.force_login(koordinator)
    response = client.post(_url(draft_submission, "lock"), follow=True)
    assert "kan ikke det" in response.content.decode()


def test_an_unknown_action_is_404(client, draft_submission, koordinator):
    client.force_login(koordinator)
    assert client.post(_url(draft_submission, "publish")).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, draft_submission):
    assert client.post(_url(draft_submission, "submit")).status_code == 302


def test_users_of_another_partnership_get_404(client, draft_submission, outsider):
    client.force_login(outsider)
    assert client.post(_url(draft_submission, "approve")).status_code == 404


def test_it_refuses_get(client, draft_submission, koordinator):
    client.force_login(koordinator)
    assert client.get(_url(draft_submission, "approve")).status_code == 405
