"""No lost updates: a save made from an old version of a row is refused, with what changed.

Forms with `core.forms.VersionedMixin` carry the version they were made from; a service calls
`require_unchanged(form)` inside its transaction before saving. The row is locked, its current
version compared, and a stale save refused with a Danish message naming who changed what.
A form posted without a version (an old page, a script) is not checked.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry


class StaleEdit(ValidationError):
    """Somebody else saved the row after this form was made."""


def _latest_change(instance) -> str:
    entry = (
        AuditEntry.objects.filter(
            content_type__app_label=instance._meta.app_label,
            content_type__model=instance._meta.model_name,
            object_id=instance.pk,
        )
        .select_related("user", "content_type")
        .newest_first()
        .first()
    )
    if entry is None:
        return _("Nogen har ændret den, mens du redigerede.")
    changes = "; ".join(f"{c.label}: {c.old} → {c.new}" for c in entry.readable_changes())
    when = date_format(timezone.localtime(entry.created_at), "j. F Y H:i")
    return _("%(who)s ændrede den %(when)s, mens du redigerede: %(changes)s.") % {
        "who": entry.who or _("En anden"),
        "when": when,
        "changes": changes or entry.get_action_display(),
    }


def require_unchanged(form) -> None:
    """Lock the form's row and refuse the save if it changed after the form was made."""
    instance = form.instance
    if instance.pk is None or "version" not in form.fields:
        return
    sent = form.cleaned_data.get("version") or ""
    if not sent:
        return
    current = type(instance)._base_manager.select_for_update().get(pk=instance.pk)
    version = form.current_version(current)
    if sent != version:
        form.renew_version(version)
        raise StaleEdit(
            _(
                "Dine ændringer er ikke gemt. %(change)s Se de nye værdier, og gem igen, hvis "
                "dine ændringer stadig skal med."
            )
            % {"change": _latest_change(current)},
            code="stale",
        )
