"""Reporters are told when their submission is sent back (with the reason) and approved."""

from trygplan.followup import services as followup_services
from trygplan.followup.models import Submission
from trygplan.notifications.models import Preference


def _submitted(amager, organisation, koordinator):
    submission = Submission.private_objects.create(
        partnership=amager, organisation=organisation, year=2016, status=Submission.Status.SUBMITTED
    )
    return submission


def test_a_reporter_is_told_when_the_submission_is_sent_back_with_the_reason(
    amager, organisation, reporter, koordinator, deliver, mailoutbox
):
    submission = _submitted(amager, organisation, koordinator)
    with deliver():
        followup_services.submission_transition(
            submission=submission,
            action="return",
            user=koordinator,
            reason="Tallet for 2016 mangler.",
        )
    assert [mail.to for mail in mailoutbox] == [["indberetter@example.org"]]
    mail = mailoutbox[0]
    assert mail.subject == "Din indberetning for 2016 er sendt tilbage"
    assert "Tallet for 2016 mangler." in mail.body
    assert f"https://trygplan.test/p/amager/followup/submissions/{submission.pk}/" in mail.body
    assert "fordi du indberetter tal for Driften i Amager Partnerskab" in mail.body
    assert "Skift hvilke e-mails du får: https://trygplan.test/notifications/" in mail.body


def test_a_reporter_is_told_when_the_submission_is_approved(
    amager, organisation, reporter, koordinator, deliver, mailoutbox
):
    submission = _submitted(amager, organisation, koordinator)
    with deliver():
        followup_services.submission_transition(
            submission=submission, action="approve", user=koordinator
        )
    assert [mail.subject for mail in mailoutbox] == ["Din indberetning for 2016 er godkendt"]


def test_a_new_draft_is_not_a_submission_sent_back(
    amager, organisation, reporter, deliver, mailoutbox
):
    with deliver():
        followup_services.submission_create(
            partnership=amager, organisation=organisation, year=2016, user=reporter
        )
    assert mailoutbox == []


def test_a_reporter_who_turned_approvals_off_gets_none(
    amager, organisation, reporter, koordinator, deliver, mailoutbox
):
    Preference.objects.create(user=reporter, kind="submission_approved", enabled=False)
    submission = _submitted(amager, organisation, koordinator)
    with deliver():
        followup_services.submission_transition(
            submission=submission, action="approve", user=koordinator
        )
    assert mailoutbox == []


def test_reporters_of_another_organisation_are_not_told(
    amager, organisation, reporter, koordinator, deliver, mailoutbox
):
    from trygplan.partnerships.models import Organisation

    other = Organisation.objects.create(key="andre", short_name="Andre", name="Andre")
    submission = _submitted(amager, other, koordinator)
    with deliver():
        followup_services.submission_transition(
            submission=submission, action="approve", user=koordinator
        )
    assert mailoutbox == []
