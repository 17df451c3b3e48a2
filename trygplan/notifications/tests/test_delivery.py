"""Sending: through Django's mail backend from the task, a failure recorded and retried, and
once through a real SMTP server on loopback."""

import datetime
import email
import socket

import pytest
from django.utils import timezone

from trygplan.notifications.jobs import retry_notices
from trygplan.notifications.models import Notice
from trygplan.notifications.services import MAX_ATTEMPTS, notice_send

from .conftest import submit


class RefusingBackend:
    """A mail backend whose server is down."""

    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


def test_a_failed_send_is_recorded_and_sent_by_the_retry_job(urban, deliver, mailoutbox, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with deliver():
        submit(urban)
    notice = Notice.objects.get()
    assert notice.sent_at is None and notice.attempts == 1
    assert "SMTP is down" in notice.error
    assert notice.email == "tove@example.org"  # kept until it is sent
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    Notice.objects.filter(pk=notice.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with deliver():
        assert retry_notices() == "1 notice(s) queued again"
    assert [mail.to for mail in mailoutbox] == [["tove@example.org"]]
    notice.refresh_from_db()
    assert notice.sent_at is not None and notice.email == ""


def test_a_notice_is_given_up_after_the_last_attempt(urban, settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    submit(urban)
    notice = Notice.objects.get()
    for _attempt in range(MAX_ATTEMPTS):
        notice_send(notice_id=notice.pk)
    notice.refresh_from_db()
    assert notice.skipped and notice.email == "" and notice.attempts == MAX_ATTEMPTS
    assert notice_send(notice_id=notice.pk) == "nothing to send"


def test_a_notice_is_sent_once_even_if_its_task_runs_twice(urban, mailoutbox):
    submit(urban)
    notice = Notice.objects.get()
    assert notice_send(notice_id=notice.pk) == "sent"
    assert notice_send(notice_id=notice.pk) == "nothing to send"
    assert len(mailoutbox) == 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives."""
    from aiosmtpd.controller import Controller

    class Keep:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(envelope)
            return "250 OK"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


def test_a_notice_goes_through_django_s_smtp_backend_to_a_real_server(
    urban, deliver, settings, smtp_server
):
    controller, handler = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "Trygplan <trygplan@kk.example>"
    with deliver():
        application = submit(urban)
    assert len(handler.messages) == 1
    envelope = handler.messages[0]
    assert envelope.rcpt_tos == ["tove@example.org"]
    assert envelope.mail_from == "trygplan@kk.example"
    message = email.message_from_bytes(envelope.content)
    assert message.get_content_type() == "multipart/alternative"
    assert str(email.header.make_header(email.header.decode_header(message["Subject"]))) == (
        "Vi har modtaget din ansøgning: Lys i passagen"
    )
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert application.get_applicant_url() in text and application.get_applicant_url() in html
    assert Notice.objects.get().sent_at is not None
