"""Recording changes. Call these from services, inside the same transaction as the change."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry

# One log line per recorded change (plan edits, transitions, money, decisions), for the
# operators' log collector; the audit log itself stays the record people read.
logger = logging.getLogger("trygplan.audit")


def _readable(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(sorted(str(item) for item in items)) or "–"
    return str(value)


def form_changes(form) -> dict[str, list[str]]:
    """{label: [old, new]} for the fields a bound, valid ModelForm changed."""
    changes = {}
    for name in form.changed_data:
        field = form.fields[name]
        old = form.initial.get(name)
        if hasattr(field, "queryset") and old is not None and not hasattr(old, "all"):
            ids = old if isinstance(old, list | tuple) else [old]
            ids = [getattr(item, "pk", item) for item in ids]
            old = list(field.queryset.filter(pk__in=ids))
        changes[str(field.label)] = [_readable(old), _readable(form.cleaned_data.get(name))]
    return changes


def audit_record(
    *,
    user,
    obj: models.Model,
    action: str,
    changes: dict | None = None,
    reason: str = "",
    partnership=None,
    plan=None,
    activity_key: str = "",
) -> AuditEntry:
    entry = AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        partnership=partnership,
        plan=plan,
        activity_key=activity_key,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        changes=changes or {},
        reason=reason,
    )
    logger.info(
        "change",
        extra={
            "action": action,
            "model": entry.content_type.model,
            "object_id": entry.object_id,
            "user_id": entry.user_id,
            "partnership_id": getattr(partnership, "pk", None),
            "plan_id": getattr(plan, "pk", None),
        },
    )
    return entry
