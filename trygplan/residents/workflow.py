"""A resident's report in moderation, declared once.

received → accepted (it became a finding: `finding` is set on the way), merged (into an
existing finding of the same partnership) or rejected (the reason is required and shown to
the reporter). A decision is final: a mistake is corrected on the finding, not on the report.
The working group (working group, coordinator, city administrator) moderates.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.walks import access as walk_access
from trygplan.workflows.engine import Transition, Workflow

from .models import Report

S = Report.Status
MODERATORS_ONLY = gettext_lazy("Kun arbejdsgruppen kan behandle beboernes meldinger.")


def _moderates(user, report) -> bool:
    return walk_access.can_edit_walks(user, report.partnership)


def _decided(report, *, user, comment, at, **_data) -> None:
    if report.finding_id and report.finding.walk.partnership_id != report.partnership_id:
        raise ValidationError(_("Fundet hører til et andet partnerskab."))
    report.decided_at = timezone.now()
    report.decided_by = user if getattr(user, "is_authenticated", False) else None


def _rejected(report, *, comment, **data) -> None:
    report.reason = comment
    _decided(report, comment=comment, **data)


REPORT = Workflow(
    name="resident_report",
    model=Report,
    context=lambda report: {"partnership": report.partnership},
    wrong_state=gettext_lazy("Meldingen er allerede behandlet (%(status)s)."),
    transitions=[
        Transition(
            "accept",
            {S.RECEIVED},
            S.ACCEPTED,
            gettext_lazy("Opret som fund"),
            allowed=_moderates,
            refusal=MODERATORS_ONLY,
            prepare=_decided,
        ),
        Transition(
            "merge",
            {S.RECEIVED},
            S.MERGED,
            gettext_lazy("Læg sammen med et fund"),
            allowed=_moderates,
            refusal=MODERATORS_ONLY,
            prepare=_decided,
        ),
        Transition(
            "reject",
            {S.RECEIVED},
            S.REJECTED,
            gettext_lazy("Afvis"),
            allowed=_moderates,
            refusal=MODERATORS_ONLY,
            comment_required=True,
            comment_prompt=gettext_lazy("Skriv en begrundelse, som beboeren kan se."),
            prepare=_rejected,
        ),
    ],
)
