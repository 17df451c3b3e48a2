"""Recording changes. Call these from services, inside the same transaction as the change.

Values are stored raw (`raw_value`), never as display text: the reader's language and the
money format are applied when the entry is read (`audit.display`).
"""

import contextlib
import contextvars
import datetime
import logging
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from trygplan.lib.small_numbers import PeopleCount

from .models import AuditEntry

# One log line per recorded change (plan edits, transitions, money, decisions), for the
# operators' log collector; the audit log itself stays the record people read.
logger = logging.getLogger("trygplan.audit")

# Models whose changes are plan content (public once that plan version is published);
# everything else is case handling, for the partnership's members only.
PLAN_CONTENT = {
    "plans.plan",
    "plans.activity",
    "plans.activitydescription",
    "plans.budgetline",
    "plans.deliverable",
    "plans.footnote",
}


# Where the changes of the current request come from when a service does not say: the API
# sets it once around its calls (`audit_source`), so services need no `source` argument.
_SOURCE = contextvars.ContextVar("audit_source", default=AuditEntry.Source.WEB)


@contextlib.contextmanager
def audit_source(source: str):
    """Record every change made inside the block as coming from `source` (e.g. the API)."""
    token = _SOURCE.set(source)
    try:
        yield
    finally:
        _SOURCE.reset(token)


def raw_value(value):
    """A JSON-safe value that keeps its kind: numbers stay numbers, dates ISO text, objects
    their id and name, lists and querysets lists of those; a count of people as it may be
    shown ("<5")."""
    if isinstance(value, PeopleCount):
        return value.shown  # the history never keeps a small count of people exactly
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return {"id": value.pk, "repr": str(value)[:200]}
    if hasattr(value, "all") or isinstance(value, list | tuple | set | frozenset):
        items = value.all() if hasattr(value, "all") else value
        return sorted((raw_value(item) for item in items), key=repr)
    if isinstance(value, dict):
        return {str(key): raw_value(item) for key, item in value.items()}
    if hasattr(value, "name") and hasattr(value, "url"):  # a stored file
        return str(value.name or "")
    return str(value)


def form_changes(form) -> dict[str, list]:
    """{field name: [old, new]} (raw values) for the fields a bound, valid form changed."""
    changes = {}
    for name in form.changed_data:
        field = form.fields[name]
        old = form.initial.get(name)
        if hasattr(field, "queryset") and old is not None and not hasattr(old, "all"):
            ids = old if isinstance(old, list | tuple) else [old]
            ids = [getattr(item, "pk", item) for item in ids]
            found = list(field.queryset.filter(pk__in=ids))
            old = found if isinstance(old, list | tuple) else (found[0] if found else None)
        changes[name] = [raw_value(old), raw_value(form.cleaned_data.get(name))]
    return changes


def scope_of(obj) -> str:
    label = f"{obj._meta.app_label}.{obj._meta.model_name}"
    return AuditEntry.Scope.PLAN if label in PLAN_CONTENT else AuditEntry.Scope.CASE


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
    code: str = "",
    scope: str = "",
    source: str = "",
) -> AuditEntry:
    person = user if getattr(user, "is_authenticated", False) else None
    entry = AuditEntry.objects.create(
        user=person,
        user_name=(person.get_full_name() or person.username)[:300] if person else "",
        partnership=partnership,
        plan=plan,
        activity_key=activity_key,
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        action=action,
        code=code or f"{obj._meta.model_name}.{action}",
        changes={
            str(key): [raw_value(old), raw_value(new)]
            for key, (old, new) in (changes or {}).items()
        },
        reason=reason,
        scope=scope or scope_of(obj),
        source=source or _SOURCE.get(),
    )
    logger.info(
        "change",
        extra={
            "code": entry.code,
            "action": action,
            "model": entry.content_type.model,
            "object_id": entry.object_id,
            "user_id": entry.user_id,
            "partnership_id": getattr(partnership, "pk", None),
            "plan_id": getattr(plan, "pk", None),
        },
    )
    return entry
