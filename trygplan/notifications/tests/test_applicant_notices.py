"""Pool applicants are told, with their private link: received, asked for more, decided, paid."""

import datetime

from trygplan.notifications.jobs import notify_expenses
from trygplan.notifications.models import Notice
from trygplan.pools import services as pool_services
from trygplan.pools.services import contacts_erase_expired

from .conftest import S, advance, submit


def only(mailoutbox):
    assert len(mailoutbox) == 1, [mail.subject for mail in mailoutbox]
    return mailoutbox[0]


def test_an_applicant_is_told_their_application_was_received_with_their_link(
    urban, deliver, mailoutbox
):
    with deliver():
        application = submit(urban)
    mail = only(mailoutbox)
    assert mail.to == ["tove@example.org"]
    assert mail.subject == "Vi har modtaget din ansøgning: Lys i passagen"
    assert f"https://trygplan.test/p/amager/pools/link/{application.token}/" in mail.body
    html = mail.alternatives[0][0]
    assert "https://trygplan.test" + application.get_applicant_url() in html


def test_nothing_is_sent_before_the_transaction_commits(urban, mailoutbox):
    submit(urban)  # the test's transaction never commits
    assert mailoutbox == []
    assert Notice.objects.unsent().count() == 1


def test_a_request_for_more_information_carries_the_question(
    urban, arbejdsgruppe, deliver, mailoutbox
):
    application = submit(urban)
    with deliver():
        advance(application, arbejdsgruppe, S.SCREENING)
        advance(
            application, arbejdsgruppe, S.MORE_INFO_REQUESTED, comment="Send et tilbud på lamperne."
        )
    mail = only(mailoutbox)
    assert "mangler oplysninger" in mail.subject
    assert "Send et tilbud på lamperne." in mail.body
    assert application.get_applicant_url() in mail.body


def test_an_applicant_gets_the_amount_and_the_link_when_the_application_is_granted(
    urban, arbejdsgruppe, deliver, mailoutbox
):
    application = advance(submit(urban), arbejdsgruppe, S.SCREENING, S.ASSESSED, S.RECOMMENDED)
    with deliver():
        pool_services.grant_create(
            application=application,
            amount=8_000,
            reason="Vi dækker lamperne, ikke monteringen.",
            user=arbejdsgruppe,
            decided_on=datetime.date(2016, 3, 1),
        )
    mail = only(mailoutbox)
    assert mail.subject == "Din ansøgning er bevilget: Lys i passagen"
    assert "8.000 kr." in mail.body
    assert "Vi dækker lamperne, ikke monteringen." in mail.body
    assert "https://trygplan.test" + application.get_applicant_url() in mail.body


def test_a_rejection_gives_the_reason(urban, arbejdsgruppe, deliver, mailoutbox):
    application = advance(submit(urban), arbejdsgruppe, S.SCREENING)
    with deliver():
        advance(
            application, arbejdsgruppe, S.REJECTED, comment="Projektet ligger uden for området."
        )
    mail = only(mailoutbox)
    assert mail.subject == "Din ansøgning er afslået: Lys i passagen"
    assert "Projektet ligger uden for området." in mail.body


def test_an_expense_on_the_grant_is_told_once_however_often_the_job_runs(
    urban, arbejdsgruppe, deliver, mailoutbox
):
    application = advance(submit(urban), arbejdsgruppe, S.SCREENING, S.ASSESSED, S.RECOMMENDED)
    grant = pool_services.grant_create(
        application=application,
        amount=10_000,
        reason="",
        user=arbejdsgruppe,
        decided_on=datetime.date(2016, 3, 1),
    )
    pool_services.expense_add(
        grant=grant, user=arbejdsgruppe, date=datetime.date(2016, 5, 2), amount=4_000, supplier="El"
    )
    mailoutbox.clear()
    with deliver():
        notify_expenses()
        notify_expenses()
    mail = only(mailoutbox)
    assert mail.subject == "Der er betalt fra din bevilling: Lys i passagen"
    assert "4.000 kr." in mail.body and "El" in mail.body
    assert application.get_applicant_url() in mail.body


def test_an_application_whose_contact_details_were_erased_gets_nothing(
    urban, arbejdsgruppe, deliver, mailoutbox, settings
):
    settings.TRYGPLAN_POOLS_CONTACT_RETENTION_DAYS = 0
    with deliver():  # the queued mails are sent at the end, after the erasure
        application = advance(submit(urban), arbejdsgruppe, S.SCREENING)
        advance(application, arbejdsgruppe, S.REJECTED, comment="Nej.")
        contacts_erase_expired(now=application.closed_at + datetime.timedelta(days=1))
    assert mailoutbox == []
    assert not Notice.objects.exclude(email="").exists()


def test_an_invented_demo_application_is_never_mailed(urban, deliver, mailoutbox):
    with deliver():
        submit(urban, is_invented=True)
    assert mailoutbox == []


def test_every_applicant_mail_says_why_and_how_to_stop(urban, deliver, mailoutbox):
    with deliver():
        submit(urban)
    body = only(mailoutbox).body
    assert "fordi du har søgt byrumspulje 2016 i amager partnerskab" in body.lower()
    assert "Frameld disse e-mails: https://trygplan.test/notifications/stop/" in body


def test_the_body_and_address_are_not_kept_after_sending(urban, deliver, mailoutbox):
    with deliver():
        submit(urban)
    notice = Notice.objects.get()
    assert notice.sent_at is not None
    assert (notice.email, notice.body_text, notice.body_html) == ("", "", "")
    assert notice.recipient.startswith("application:")
