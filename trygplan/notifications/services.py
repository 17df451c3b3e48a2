"""Making and sending notices. Every mail goes through `notice_queue` (made in the caller's
transaction, in Danish, skipping who does not want it) and is sent after commit by the task
`tasks.deliver_notice`, which calls `notice_send`. Nothing here talks to SMTP in a request.

Other modules call the small public functions at the end (`report_waiting_notify`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from .models import (
    USER_KINDS,
    Notice,
    OrganisationContact,
    Preference,
    StoppedRecipient,
)

logger = logging.getLogger("trygplan.notifications")

STOP_SALT = "trygplan.notifications.stop"
MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Recipient:
    """Who a notice goes to: `key` is stable ("user:5", "application:12", "contact:3"), the
    address may change or be erased; `user` is set for people with an account."""

    key: str
    email: str
    name: str = ""
    user: object | None = None

    @property
    def has_account(self) -> bool:
        return self.user is not None


def absolute_url(path: str) -> str:
    """A link for a mail: `TRYGPLAN_BASE_URL` + the path."""
    return settings.TRYGPLAN_BASE_URL.rstrip("/") + path


def stop_token(recipient_key: str) -> str:
    return signing.dumps(recipient_key, salt=STOP_SALT, compress=True)


def recipient_from_stop_token(token: str) -> str | None:
    try:
        return signing.loads(token, salt=STOP_SALT)
    except signing.BadSignature:
        return None


def change_url(recipient: Recipient) -> str:
    """Where the footer sends the reader to change what they get."""
    if recipient.has_account:
        return absolute_url(reverse("notifications:preferences"))
    return absolute_url(reverse("notifications:stop", args=[stop_token(recipient.key)]))


def wants(recipient: Recipient, kind: str) -> bool:
    if not recipient.email:
        return False
    if recipient.has_account:
        return kind not in Preference.objects.turned_off(recipient.user)
    return not StoppedRecipient.objects.filter(recipient=recipient.key).exists()


def _render(kind: str, context: dict) -> tuple[str, str]:
    text = render_to_string(f"notifications/mail/{kind}.txt", context)
    html = render_to_string(f"notifications/mail/{kind}.html", context)
    return text.strip() + "\n", html


def _create(notice: Notice) -> Notice | None:
    """Save a new notice; None if the same (kind, key, recipient) exists (a job run twice)."""
    same = Notice.objects.filter(kind=notice.kind, key=notice.key, recipient=notice.recipient)
    if same.exists():
        return None
    try:
        with transaction.atomic():
            notice.full_clean()
            notice.save()
    except (IntegrityError, ValidationError):  # made at the same moment by another runner
        if same.exists():
            return None
        raise
    return notice


def notice_queue(
    *,
    kind: str,
    key: str,
    recipients,
    subject: str,
    context: dict,
    why: str,
    partnership=None,
) -> list[Notice]:
    """Make one notice per recipient who wants it and has an address, and send each after
    the current transaction commits. `why` is the footer's reason ("Du får denne e-mail,
    fordi …"); `key` what the notice is about, so the same notice is never made twice."""
    made = []
    with translation.override("da"):
        for recipient in recipients:
            if not wants(recipient, kind):
                continue
            full = {
                **context,
                "subject": subject,
                "recipient": recipient,
                "why": why,
                "change_url": change_url(recipient),
                "change_label": _("Skift hvilke e-mails du får")
                if recipient.has_account
                else _("Frameld disse e-mails"),
            }
            text, html = _render(kind, full)
            notice = _create(
                Notice(
                    kind=kind,
                    key=key[:120],
                    recipient=recipient.key,
                    partnership=partnership,
                    email=recipient.email,
                    subject=subject[:250],
                    body_text=text,
                    body_html=html,
                )
            )
            if notice is not None:
                made.append(notice)
                transaction.on_commit(lambda pk=notice.pk: _enqueue(pk))
    return made


def _enqueue(notice_id: int) -> None:
    from .tasks import deliver_notice

    deliver_notice.enqueue(notice_id)


# --- sending (in the worker) ----------------------------------------------------------------


def _reachable(notice: Notice) -> bool:
    """Checked again when sending: an applicant's contact details may have been erased, a
    recipient may have stopped or turned the kind off since the notice was made."""
    kind, _sep, pk = notice.recipient.partition(":")
    if kind == "application":
        from trygplan.pools.models import Application

        found = Application.private_objects.filter(pk=pk, contacts_erased_at__isnull=True)
        if not found.exists():
            return False
    if kind == "user":
        return notice.kind not in set(
            Preference.objects.filter(user_id=pk, enabled=False).values_list("kind", flat=True)
        )
    return not StoppedRecipient.objects.filter(recipient=notice.recipient).exists()


def _forget(notice: Notice, **fields) -> None:
    """The address and the body (with private links) are not kept once the notice is done."""
    for name, value in {"email": "", "body_text": "", "body_html": "", **fields}.items():
        setattr(notice, name, value)
    notice.save()


def notice_send(*, notice_id: int) -> str:
    """Send one notice through Django's mail backend; say what happened. A failure is
    recorded and retried by the `retry-notices` job (at most MAX_ATTEMPTS times)."""
    with transaction.atomic():
        notice = Notice.objects.select_for_update().filter(pk=notice_id).first()
        if notice is None or notice.sent_at or notice.skipped:
            return "nothing to send"
        if not notice.email or not _reachable(notice):
            _forget(notice, skipped=True)
            return "skipped"
        notice.attempts += 1
        message = EmailMultiAlternatives(
            subject=notice.subject,
            body=notice.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notice.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(notice.body_html, "text/html")
        try:
            message.send()
        except Exception as error:  # SMTP down, refused address: recorded, retried by a job
            notice.error = f"{type(error).__name__}: {error}"[:2000]
            if notice.attempts >= MAX_ATTEMPTS:
                _forget(notice, skipped=True)
            else:
                notice.save()
            logger.warning("notice_failed", extra={"notice": notice.pk, "kind": notice.kind})
            return "failed"
        _forget(notice, sent_at=timezone.now(), error="")
    logger.info("notice_sent", extra={"notice": notice_id, "kind": notice.kind})
    return "sent"


def notices_retry(*, older_than) -> int:
    """Queue again the notices that are not sent (a failed SMTP, a lost task)."""
    waiting = list(
        Notice.objects.unsent().filter(created_at__lt=older_than).values_list("pk", flat=True)
    )
    for pk in waiting:
        _enqueue(pk)
    return len(waiting)


# --- choices ---------------------------------------------------------------------------------


@transaction.atomic
def preferences_save(*, user, kinds, enabled: set[str]) -> None:
    """The user's choice for the kinds on their page: on for `enabled`, off for the rest."""
    for kind in kinds:
        if kind not in USER_KINDS:
            raise ValueError(f"{kind!r} is not chosen by users")
        Preference.objects.update_or_create(
            user=user, kind=kind, defaults={"enabled": kind in enabled}
        )


@transaction.atomic
def recipient_stop(*, recipient_key: str) -> None:
    """No more mails to this recipient without an account (an applicant, a contact)."""
    StoppedRecipient.objects.get_or_create(recipient=recipient_key)
    Notice.objects.unsent().filter(recipient=recipient_key).update(
        skipped=True, email="", body_text="", body_html=""
    )


@transaction.atomic
def contact_save(*, partnership, organisation, email: str, user) -> None:
    """The coordinator sets (or with an empty address removes) where an organisation's
    findings are notified. Audited: it decides where information about findings goes."""
    email = email.strip()
    current = OrganisationContact.objects.filter(
        partnership=partnership, organisation=organisation
    ).first()
    old = current.email if current else ""
    if old == email:
        return
    if email:
        contact = current or OrganisationContact(partnership=partnership, organisation=organisation)
        contact.email = email
        contact.full_clean()
        contact.save()
        obj, action = contact, AuditEntry.Action.UPDATE if current else AuditEntry.Action.CREATE
    else:
        obj, action = current, AuditEntry.Action.DELETE
        StoppedRecipient.objects.filter(recipient=f"contact:{current.pk}").delete()
    audit_record(
        user=user,
        obj=obj,
        action=action,
        code="notifications.contact.save",
        changes={"organisation": [None, organisation], "email": [old, email]},
        partnership=partnership,
    )
    if not email:
        current.delete()
    elif old:  # a new address is a new person: an earlier stop was theirs, not the new one's
        StoppedRecipient.objects.filter(recipient=f"contact:{obj.pk}").delete()


# --- for other modules -----------------------------------------------------------------------


def report_waiting_notify(*, partnership, title: str, path: str, key: str) -> list[Notice]:
    """Tell the steering group a report waits for them (call inside the transaction that
    makes it wait). `path` is the report's page, `key` identifies it ("report:17"): the
    same key notifies once."""
    from .notices import report_waiting

    return report_waiting(partnership=partnership, title=title, path=path, key=key)


def figures_request(*, partnership, year: int, organisations, message: str, user) -> int:
    """The coordinator's "bed om tal": a mail to the reporters of each organisation (once a
    day per organisation and year; a second click the same day sends nothing). Returns how
    many mails were made."""
    from .notices import figures_requested

    key = f"figures:{year}:{timezone.localdate().isoformat()}"
    with transaction.atomic():
        made = figures_requested(
            partnership=partnership,
            year=year,
            organisations=organisations,
            message=message.strip(),
            key=key,
        )
    logger.info("figures_requested", extra={"partnership": partnership.slug, "mails": len(made)})
    return len(made)
