"""The one way things move through states.

A `Workflow` declares, in one place, a model's states (its `choices` field), the transitions
between them, who may take each, which need a comment, what must hold first (`guard`), what is
set on the way (`prepare`) and what happens after (`after`). `Workflow.apply` is the only code
that changes such a state: it locks the row, re-checks the state and the user's right on the
locked row, saves, and writes one `Step` and one audit entry. Services call it inside their own
transaction and add the domain's side effects through the hooks.

    PLAN = Workflow(
        name="plan", model=Plan, context=lambda plan: {...},
        transitions=[
            Transition("recommend", sources={"draft"}, target="recommended",
                       label=_("Indstil"), allowed=..., refusal=_("Kun arbejdsgruppen ...")),
        ],
    )
    PLAN.apply(plan, "recommend", user=user, comment="...")
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from .models import Step

__all__ = ["Transition", "Workflow", "registry"]

Hook = Callable[..., None]


@dataclass(frozen=True)
class Transition:
    """One arrow of a workflow: from any of `sources` to `target`, taken by whoever `allowed`
    lets take it."""

    action: str
    sources: frozenset[str] | set[str] | Iterable[str]
    target: str
    label: str | Promise
    allowed: Callable[[object, models.Model], bool]
    refusal: str | Promise = gettext_lazy("Du kan ikke tage dette skridt.")
    comment_required: bool = False
    comment_prompt: str | Promise = gettext_lazy("Skriv en begrundelse.")
    # guard(obj, user=..., **data): raise ValidationError if the step may not be taken now.
    guard: Hook | None = None
    # prepare(obj, user=..., comment=..., at=..., **data): set derived fields before saving.
    prepare: Hook | None = None
    # after(obj, user=..., step=..., **data): side effects once the new state is saved.
    after: Hook | None = None

    def __post_init__(self):
        object.__setattr__(self, "sources", frozenset(self.sources))

    def starts_from(self, state: str) -> bool:
        return state in self.sources


@dataclass
class Workflow:
    name: str
    model: type[models.Model]
    transitions: list[Transition]
    # context(obj) -> audit_record's partnership / plan / activity_key / scope for the entry.
    context: Callable[[models.Model], dict]
    state_field: str = "status"
    # The refusal of a step the state does not allow; may use %(status)s (lower case),
    # %(Status)s (as labelled) and %(to)s.
    wrong_state: str | Promise = gettext_lazy(
        "Status er “%(Status)s”, så det kan ikke lade sig gøre nu."
    )
    _by_action: dict[str, Transition] = field(init=False, repr=False)
    _listeners: dict[str, list[Hook]] = field(init=False, repr=False)
    _start_listeners: list[Hook] = field(init=False, repr=False)

    def __post_init__(self):
        self._by_action = {transition.action: transition for transition in self.transitions}
        self._listeners = {}
        self._start_listeners = []
        registry[self.name] = self

    def on_enter(self, state: str, listener: Hook) -> None:
        """Let another module react when an object enters `state`:
        listener(obj, user=..., step=...), in the same transaction. Register in
        `AppConfig.ready()`, so the module that owns the workflow need not import it."""
        if listener not in self._listeners.setdefault(state, []):
            self._listeners[state].append(listener)

    def on_start(self, listener: Hook) -> None:
        """Let another module react when a new object is recorded (`start`):
        listener(obj, user=..., step=...), in the same transaction."""
        if listener not in self._start_listeners:
            self._start_listeners.append(listener)

    # --- reading -----------------------------------------------------------------------------

    def __contains__(self, action: str) -> bool:
        return action in self._by_action

    def transition(self, action: str) -> Transition:
        return self._by_action[action]

    def state_of(self, obj) -> str:
        return getattr(obj, self.state_field)

    def state_label(self, state: str) -> str:
        choices = dict(self.model._meta.get_field(self.state_field).flatchoices)
        return str(choices.get(state, state))

    def action_label(self, action: str) -> str:
        transition = self._by_action.get(action)
        return str(transition.label) if transition else action

    def may(self, user, obj, action: str) -> bool:
        """Does the user's role allow the action at all (whatever the state)?"""
        return bool(self._by_action[action].allowed(user, obj))

    def can(self, user, obj, action: str) -> bool:
        """May the user take the action on the object now?"""
        transition = self._by_action.get(action)
        return bool(
            transition
            and transition.starts_from(self.state_of(obj))
            and transition.allowed(user, obj)
        )

    def available(self, user, obj) -> list[Transition]:
        return [t for t in self.transitions if self.can(user, obj, t.action)]

    def from_state(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if t.starts_from(state)]

    def steps(self, obj):
        return Step.objects.for_object(obj).for_workflow(self.name).select_related("user")

    # --- changing ----------------------------------------------------------------------------

    def start(self, obj, *, user, comment: str = "", at=None, changes=None) -> Step:
        """Record the state a new object starts in (the first line of its timeline); its audit
        entry also holds `changes` (what the new object says)."""
        changes = {self.state_field: [None, self.state_of(obj)], **(changes or {})}
        step = self._record(
            obj,
            action="start",
            old="",
            user=user,
            comment=comment,
            at=self._when(at),
            changes=changes,
        )
        for listener in self._start_listeners:
            listener(obj, user=user, step=step)
        return step

    def apply(self, obj, action: str, *, user, comment: str = "", at=None, fields=None, **data):
        """Take one step. Returns the object as saved (a fresh, locked instance).

        `fields` are model fields set on the way (recorded in the history, e.g. the finance
        committee's date); `data` is handed to the transition's hooks. Call inside atomic().
        """
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("Workflow.apply must run inside transaction.atomic()")
        transition = self._by_action[action]
        obj = self.model._base_manager.select_for_update().get(pk=obj.pk)
        if not transition.allowed(user, obj):
            raise PermissionDenied(str(transition.refusal))
        old = self.state_of(obj)
        if not transition.starts_from(old):
            label = self.state_label(old)
            target = self.state_label(transition.target)
            raise ValidationError(
                str(self.wrong_state) % {"status": label.lower(), "Status": label, "to": target},
                code="wrong_state",
            )
        comment = (comment or "").strip()
        if transition.comment_required and not comment:
            raise ValidationError(str(transition.comment_prompt), code="comment")
        at = self._when(at)
        if transition.guard:
            transition.guard(obj, user=user, **data)
        changes = {self.state_field: [old, transition.target]}
        for name, value in (fields or {}).items():
            changes[name] = [getattr(obj, name), value]
            setattr(obj, name, value)
        setattr(obj, self.state_field, transition.target)
        if transition.prepare:
            transition.prepare(obj, user=user, comment=comment, at=at, **data)
        obj.full_clean()
        obj.save()
        step = self._record(
            obj, action=action, old=old, user=user, comment=comment, at=at, changes=changes
        )
        if transition.after:
            transition.after(obj, user=user, step=step, **data)
        for listener in self._listeners.get(transition.target, []):
            listener(obj, user=user, step=step)
        return obj

    @staticmethod
    def _when(at):
        """Now, or when the work was done (a date means noon that day, or now if that is
        earlier: today's work entered in the morning is not in the future); never the future."""
        if at is None:
            return timezone.now()
        if isinstance(at, datetime.date) and not isinstance(at, datetime.datetime):
            noon = timezone.make_aware(datetime.datetime.combine(at, datetime.time(12, 0)))
            at = min(noon, timezone.now()) if at == timezone.localdate() else noon
        if at > timezone.now() + datetime.timedelta(minutes=1):
            raise ValidationError(_("Datoen kan ikke ligge i fremtiden."), code="at")
        return at

    def _record(self, obj, *, action, old, user, comment, at, changes=None) -> Step:
        person = user if getattr(user, "is_authenticated", False) else None
        step = Step(
            subject=obj,
            workflow=self.name,
            action=action,
            from_state=old,
            to_state=self.state_of(obj),
            user=person,
            at=at or timezone.now(),
            comment=comment,
        )
        step.full_clean()
        step.save()
        audit_record(
            user=user,
            obj=obj,
            action=AuditEntry.Action.TRANSITION if old else AuditEntry.Action.CREATE,
            code=f"{self.name}.{action}",
            changes=changes or {self.state_field: [None, self.state_of(obj)]},
            reason=comment,
            **self.context(obj),
        )
        return step


registry: dict[str, Workflow] = {}
