"""A walk's course and a finding's follow-up, declared once.

Walk: planned → walked → protocol sent → follow-up meeting held; a planned walk may be
cancelled (with a reason) instead of deleted.

Finding: while open (new, assigned, planned, waiting for money, in progress) it may move to any
other open status, and is closed as fixed, not possible (with a public reason), sent on (to
whom) or a duplicate (of which finding); a closed finding can only be reopened, with a comment.
Steps may be dated to the day the work was done: never in the future, never before the finding
(the walk's day, or the day a resident's report was accepted).
The working group (working group, coordinator, city administrator) takes the steps.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.workflows.engine import Transition, Workflow

from . import access
from .models import CLOSED_STATUSES, OPEN_STATUSES, Finding, Walk

W = Walk.Status
F = Finding.Status
OPEN = frozenset(OPEN_STATUSES)
CLOSED = frozenset(CLOSED_STATUSES)
EDITORS_ONLY = gettext_lazy("Kun arbejdsgruppen kan ændre tryghedsvandringer.")


def _edits_walk(user, walk) -> bool:
    return access.can_edit_walks(user, walk.partnership)


def _edits_finding(user, finding) -> bool:
    return access.can_edit_walks(user, finding.walk.partnership)


WALK = Workflow(
    name="walk",
    model=Walk,
    context=lambda walk: {"partnership": walk.partnership},
    transitions=[
        Transition(
            "walk", {W.PLANNED}, W.WALKED, gettext_lazy("Gennemført"), _edits_walk, EDITORS_ONLY
        ),
        Transition(
            "send_protocol",
            {W.WALKED},
            W.PROTOCOL_SENT,
            gettext_lazy("Referat sendt"),
            _edits_walk,
            EDITORS_ONLY,
        ),
        Transition(
            "hold_follow_up",
            {W.PROTOCOL_SENT},
            W.FOLLOW_UP_HELD,
            gettext_lazy("Opfølgningsmøde holdt"),
            _edits_walk,
            EDITORS_ONLY,
        ),
        Transition(
            "cancel",
            {W.PLANNED},
            W.CANCELLED,
            gettext_lazy("Aflys vandringen"),
            _edits_walk,
            EDITORS_ONLY,
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv hvorfor vandringen aflyses."),
        ),
    ],
)

# The one step forward from each status, for the walk page's button.
WALK_FORWARD = {W.PLANNED: "walk", W.WALKED: "send_protocol", W.PROTOCOL_SENT: "hold_follow_up"}


def _not_before_walk(finding, *, at, **_data) -> None:
    """A step is never dated before the finding was made (the walk, or a resident's report)."""
    found_on = finding.found_on
    if timezone.localdate(at) < found_on:
        raise ValidationError(
            {
                "done_on": _("Datoen kan ikke ligge før fundet blev gjort (%(date)s).")
                % {"date": date_format(found_on, "j. F Y")}
            },
            code="at",
        )


def _needs(field: str, message):
    def prepare(finding, *, at, **data) -> None:
        _not_before_walk(finding, at=at)
        if not getattr(finding, field):
            raise ValidationError({field: str(message)})

    return prepare


def _fixed(finding, *, at, **_data) -> None:
    _not_before_walk(finding, at=at)
    finding.fixed_at = at


def _reopened(finding, **_data) -> None:
    finding.fixed_at = None


def _finding_step(action, sources, target, label, prepare=_not_before_walk, **options):
    return Transition(
        action,
        sources=sources,
        target=target,
        label=label,
        allowed=_edits_finding,
        refusal=EDITORS_ONLY,
        prepare=prepare,
        **options,
    )


FINDING = Workflow(
    name="finding",
    model=Finding,
    context=lambda finding: {"partnership": finding.walk.partnership},
    transitions=[
        _finding_step(
            "assign",
            OPEN - {F.ASSIGNED},
            F.ASSIGNED,
            gettext_lazy("Tildelt"),
            prepare=_needs("owner_organisation_id", gettext_lazy("Vælg hvem fundet tildeles.")),
        ),
        _finding_step("plan", OPEN - {F.PLANNED}, F.PLANNED, gettext_lazy("Planlagt")),
        _finding_step(
            "wait_for_money",
            OPEN - {F.WAITING_FOR_MONEY},
            F.WAITING_FOR_MONEY,
            gettext_lazy("Afventer penge"),
        ),
        _finding_step("start", OPEN - {F.IN_PROGRESS}, F.IN_PROGRESS, gettext_lazy("I gang")),
        _finding_step("fix", OPEN, F.FIXED, gettext_lazy("Udbedret"), prepare=_fixed),
        _finding_step(
            "not_possible",
            OPEN,
            F.NOT_POSSIBLE,
            gettext_lazy("Ikke muligt"),
            prepare=_needs(
                "public_reason",
                gettext_lazy("Skriv en offentlig begrundelse for, hvorfor det ikke er muligt."),
            ),
        ),
        _finding_step(
            "forward",
            OPEN,
            F.NOT_OURS,
            gettext_lazy("Sendt videre"),
            prepare=_needs("forwarded_to", gettext_lazy("Skriv hvem fundet er sendt videre til.")),
        ),
        _finding_step(
            "duplicate",
            OPEN,
            F.DUPLICATE,
            gettext_lazy("Dublet"),
            prepare=_needs("duplicate_of_id", gettext_lazy("Vælg det fund, det er en dublet af.")),
        ),
        _finding_step(
            "reopen",
            CLOSED,
            F.NEW,
            gettext_lazy("Genåbn"),
            prepare=_reopened,
        ),
    ],
)


def finding_action_to(finding, target: str) -> str:
    """The action that moves the finding from its status to `target`."""
    for transition in FINDING.from_state(finding.status):
        if transition.target == target:
            return transition.action
    raise ValidationError(
        _("Fundet kan ikke flyttes fra “%(status)s” til “%(to)s”.")
        % {"status": finding.get_status_display(), "to": F(target).label},
        code="wrong_state",
    )
