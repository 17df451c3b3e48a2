"""An application's case: submitted by a resident, moved on by the working group, answered
or withdrawn by the applicant. The steps are declared in `pools.workflow.APPLICATION`."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry

from ..models import Application, ApplicationLine, Attachment, Pool
from ..workflow import APPLICATION, CASE_BUTTONS
from ._common import pool_audit
from .grants import grant_finish

S = Application.Status


def allowed_steps(user, application: Application):
    """The case page's buttons: the steps the user may take now."""
    return [
        transition
        for transition in APPLICATION.available(user, application)
        if transition.action in CASE_BUTTONS
    ]


@transaction.atomic
def application_submit(
    *, pool: Pool, data: dict, lines: list[tuple[str, int]], files: list, submission_key, user=None
) -> tuple[Application, bool]:
    """Save a new application with its budget lines and attachments, all or nothing.

    `data` holds the model fields; `submission_key` is the form's one-time token, so the same
    form posted twice makes one application. A key is only ever matched within its own pool.
    Returns (application, created).
    """
    existing = Application.private_objects.filter(pool=pool, submission_key=submission_key)
    if existing.exists():
        return existing.get(), False
    person = user if getattr(user, "is_authenticated", False) else None
    application = Application(
        pool=pool,
        submission_key=submission_key,
        consent_at=timezone.now(),
        created_by=person,
        **data,
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same form, posted twice at the same moment
        return Application.private_objects.get(pool=pool, submission_key=submission_key), False
    for order, (item, amount) in enumerate(lines):
        line = ApplicationLine(application=application, order=order, item=item, amount=amount)
        line.full_clean()
        line.save()
    for upload, content_type in files:
        Attachment.objects.create(
            application=application,
            file=upload,
            original_name=upload.name[:200],
            content_type=content_type,
            size=upload.size,
        )
    requested = sum(amount for _item, amount in lines)
    APPLICATION.start(application, user=user, changes={"requested": [None, requested]})
    return application, True


def _action_to(application: Application, to: str) -> str:
    for transition in APPLICATION.from_state(application.status):
        if transition.target == to and transition.action in CASE_BUTTONS:
            return transition.action
    raise ValidationError(
        _("En ansøgning med status “%(status)s” kan ikke flyttes til “%(to)s”.")
        % {"status": application.get_status_display(), "to": S(to).label}
    )


@transaction.atomic
def application_transition(*, application: Application, to: str, user, comment: str = "") -> None:
    """Move a case one step (not to granted: see grant_create). Only the working group."""
    application = Application.private_objects.get(pk=application.pk)
    action = _action_to(application, to)
    application = APPLICATION.apply(application, action, user=user, comment=comment)
    if action == "close":
        grant_finish(grant=application.grant, action="close", user=user)


@transaction.atomic
def application_amend(*, application: Application, form) -> None:
    """The applicant adds what was asked for; the case goes back to screening."""
    application = Application.private_objects.select_for_update().get(pk=application.pk)
    if not application.awaits_applicant:
        raise ValidationError(_("Ansøgningen kan ikke ændres nu."))
    changes = {}
    for name in [name for name in form.changed_data if name in form.Meta.fields]:
        changes[name] = [getattr(application, name), form.cleaned_data[name]]
        setattr(application, name, form.cleaned_data[name])
    application.full_clean()
    application.save()
    if changes:
        pool_audit(
            user=None,
            obj=application,
            pool=application.pool,
            action=AuditEntry.Action.UPDATE,
            changes=changes,
            reason=_("Ændret af ansøgeren"),
            code="pool_application.amend",
        )
    note = form.cleaned_data.get("answer", "")
    APPLICATION.apply(application, "answer", user=None, comment=note)


@transaction.atomic
def application_withdraw_by_applicant(*, application: Application, comment: str = "") -> None:
    application = Application.private_objects.get(pk=application.pk)
    if application.status not in Application.UNDECIDED:
        raise ValidationError(_("Ansøgningen kan ikke trækkes tilbage nu."))
    APPLICATION.apply(application, "withdraw_by_applicant", user=None, comment=comment)
