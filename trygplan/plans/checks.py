"""Plan checks: a small rules engine that reads a plan once and reports what is wrong.

Each rule is a function `(data) -> iterable of CheckResult`, registered in RULES with a
code. Rules work on `PlanData`, loaded in a fixed number of queries, so checking a plan
never costs a query per activity.

Severities, chosen so that the seed's 2016 plan has no errors:
- errors: money does not add up to the frame (or no frame), too little co-financing of the
  housing plan, negative amounts, money on an ended activity in the plan's year, a "new"
  activity with money in earlier years, an activity without a responsible organisation,
  an incomplete typed deliverable, a footnote reference that does not resolve;
- warnings: an activity that contributes to no result (row 17 Særmåling in the seed
  measures the results rather than contributing to one), a result that no funded
  activity contributes to.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trygplan.lib.money import format_kroner
from trygplan.lib.text import footnote_keys

from .history import History, history_differences, plan_history
from .models import Activity, ActivityDescription, BudgetLine, Plan, Result

ERROR = "error"
WARNING = "warning"

PLAN_TEXT_FIELDS = ["introduction", "theory_of_change_intro", "overview_intro"]


@dataclass
class CheckResult:
    code: str
    severity: str
    message: str
    targets: list[tuple[str, str]] = field(default_factory=list)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


@dataclass
class PlanData:
    """Everything the rules read, loaded once."""

    plan: Plan
    activities: list[Activity]
    descriptions: list[ActivityDescription]
    results: list[Result]
    footnote_keys: set[str]
    history: History

    def url(self, name: str, *args) -> str:
        return reverse(f"plans:{name}", args=[self.plan.partnership.slug, self.plan.year, *args])

    def activity_target(self, activity: Activity) -> tuple[str, str]:
        return (str(activity), self.url("activity", activity.key))

    def description_target(self, description: ActivityDescription) -> tuple[str, str]:
        shown = next((a for a in self.activities if a.description_id == description.pk), None)
        if shown is None and description.parent_id:
            shown = next(
                (a for a in self.activities if a.description_id == description.parent_id), None
            )
        url = self.url("activity", shown.key) if shown else self.url("overview")
        return (description.title, url)

    def settings_target(self) -> tuple[str, str]:
        return (_("Planens indstillinger"), self.url("settings"))


def load_plan_data(plan: Plan, activities=None, history: History | None = None) -> PlanData:
    """`activities` may be given when already loaded with their budget lines
    (`overview.plan_activities`), to save the queries."""
    if activities is None:
        activities = plan.activities.prefetch_related(
            Prefetch("budget_lines", queryset=BudgetLine.private_objects.order_by("year", "pk"))
        )
    activities = list(activities)
    descriptions = list(
        plan.descriptions.prefetch_related("results", "responsible_organisations", "deliverables")
    )
    by_pk = {description.pk: description for description in descriptions}
    for activity in activities:
        if activity.description_id:
            activity.description = by_pk[activity.description_id]
    return PlanData(
        plan=plan,
        activities=activities,
        descriptions=descriptions,
        results=list(Result.objects.filter(partnership_id=plan.partnership_id)),
        footnote_keys=set(plan.footnotes.exclude(key="").values_list("key", flat=True)),
        history=history or plan_history(plan, activities),
    )


def _money(activity: Activity, year: int, source: str | None = BudgetLine.Source.PARTNERSHIP):
    return sum(
        line.amount
        for line in activity.budget_lines.all()
        if line.year == year and (source is None or line.source == source)
    )


def check_frame(data: PlanData):
    plan = data.plan
    if plan.frame is None:
        yield CheckResult(
            "FRAME_MISSING",
            ERROR,
            _("Rammen for %(year)s er ikke fastsat. Skriv rammen under planens indstillinger.")
            % {"year": plan.year},
            [data.settings_target()],
        )
        return
    total = sum(_money(activity, plan.year) for activity in data.activities)
    if total != plan.frame:
        difference = total - plan.frame
        yield CheckResult(
            "FRAME_SUM",
            ERROR,
            _(
                "Partnerskabsmidlerne i %(year)s er i alt %(total)s, men rammen er %(frame)s "
                "(%(difference)s %(direction)s)."
            )
            % {
                "year": plan.year,
                "total": format_kroner(total),
                "frame": format_kroner(plan.frame),
                "difference": format_kroner(abs(difference)),
                "direction": _("for meget") if difference > 0 else _("for lidt"),
            },
            [(_("Oversigtstabellen"), data.url("overview") + "#overview-table")],
        )


def check_co_financing(data: PlanData):
    plan = data.plan
    rows = [a for a in data.activities if a.co_finances_housing_plan]
    supplied = sum(_money(activity, plan.year) for activity in rows)
    if supplied < plan.co_financing_required:
        yield CheckResult(
            "CO_FINANCING",
            ERROR,
            _(
                "Aktiviteterne, der medfinansierer helhedsplanen, giver %(supplied)s i "
                "%(year)s, men der kræves mindst %(required)s."
            )
            % {
                "supplied": format_kroner(supplied),
                "year": plan.year,
                "required": format_kroner(plan.co_financing_required),
            },
            [data.activity_target(a) for a in rows] or [data.settings_target()],
        )


def check_responsible(data: PlanData):
    missing = [
        a
        for a in data.activities
        if not a.has_ended
        and (a.description is None or not a.description.responsible_organisations.all())
    ]
    if missing:
        yield CheckResult(
            "RESPONSIBLE_MISSING",
            ERROR,
            ngettext(
                "%(count)s aktivitet har ingen ansvarlig organisation i beskrivelsen.",
                "%(count)s aktiviteter har ingen ansvarlig organisation i beskrivelsen.",
                len(missing),
            )
            % {"count": len(missing)},
            [data.activity_target(a) for a in missing],
        )


def check_contributes(data: PlanData):
    missing = [
        a
        for a in data.activities
        if not a.has_ended and (a.description is None or not a.description.results.all())
    ]
    if missing:
        yield CheckResult(
            "RESULT_MISSING",
            WARNING,
            ngettext(
                "%(count)s aktivitet bidrager ikke til noget resultat i forandringsteorien.",
                "%(count)s aktiviteter bidrager ikke til noget resultat i forandringsteorien.",
                len(missing),
            )
            % {"count": len(missing)},
            [data.activity_target(a) for a in missing],
        )


def check_results_funded(data: PlanData):
    year = data.plan.year
    funded: set[int] = set()
    for activity in data.activities:
        if activity.description is not None and _money(activity, year, source=None) > 0:
            funded.update(result.pk for result in activity.description.results.all())
    for result in data.results:
        if result.pk not in funded:
            yield CheckResult(
                "RESULT_UNFUNDED",
                WARNING,
                _("Resultat %(result)s har ingen aktivitet med penge i %(year)s.")
                % {"result": result, "year": year},
                [(str(result), data.url("theory"))],
            )


def check_negative(data: PlanData):
    for activity in data.activities:
        for line in activity.budget_lines.all():
            if line.amount < 0:
                yield CheckResult(
                    "NEGATIVE_AMOUNT",
                    ERROR,
                    _("Beløbet %(amount)s for %(year)s er negativt.")
                    % {"amount": format_kroner(line.amount), "year": line.year},
                    [data.activity_target(activity)],
                )


def check_ended(data: PlanData):
    for activity in data.activities:
        if activity.has_ended and _money(activity, data.plan.year, source=None):
            yield CheckResult(
                "ENDED_HAS_MONEY",
                ERROR,
                _("Aktiviteten er afsluttet, men har penge i %(year)s.") % {"year": data.plan.year},
                [data.activity_target(activity)],
            )


def check_new(data: PlanData):
    for activity in data.activities:
        earlier = [year for year in data.history.years if data.history.amount(activity.key, year)]
        if activity.is_new and earlier:
            yield CheckResult(
                "NEW_HAS_HISTORY",
                ERROR,
                _("Aktiviteten er markeret som ny i %(year)s, men har penge i %(earlier)s.")
                % {"year": data.plan.year, "earlier": ", ".join(str(y) for y in earlier)},
                [data.activity_target(activity)],
            )


def check_deliverables(data: PlanData):
    for description in data.descriptions:
        for deliverable in description.deliverables.all():
            typed = deliverable.quantity is not None or deliverable.unit or deliverable.period
            if typed and not (
                deliverable.quantity is not None and deliverable.unit and deliverable.period
            ):
                yield CheckResult(
                    "DELIVERABLE_INCOMPLETE",
                    ERROR,
                    _("Leverancen “%(text)s” mangler antal, enhed eller periode.")
                    % {"text": deliverable.text[:80]},
                    [data.description_target(description)],
                )


def check_history(data: PlanData):
    """A line this plan carries for an earlier year must say what that year's approved plan
    says: history is what was approved, and only an amendment of that year changes it."""
    for activity, year, mine, approved in history_differences(
        data.plan, data.activities, data.history
    ):
        yield CheckResult(
            "HISTORY_DIFFERS",
            ERROR,
            _(
                "%(activity)s: %(year)s står til %(mine)s, men den godkendte plan for "
                "%(year)s siger %(approved)s. Tidligere år ændres kun med et tillæg til det "
                "års plan."
            )
            % {
                "activity": activity,
                "year": year,
                "mine": format_kroner(mine),
                "approved": format_kroner(approved),
            },
            [data.activity_target(activity)],
        )


def check_footnotes(data: PlanData):
    plan = data.plan
    texts = [(data.settings_target(), getattr(plan, name)) for name in PLAN_TEXT_FIELDS]
    texts += [
        (data.description_target(d), getattr(d, name))
        for d in data.descriptions
        for name in ActivityDescription.TEXT_FIELDS
    ]
    for target, text in texts:
        for key in footnote_keys(text):
            if key not in data.footnote_keys:
                yield CheckResult(
                    "FOOTNOTE_UNRESOLVED",
                    ERROR,
                    _("Fodnoten [^%(key)s] findes ikke.") % {"key": key},
                    [target],
                )


RULES = [
    check_frame,
    check_co_financing,
    check_negative,
    check_ended,
    check_new,
    check_history,
    check_responsible,
    check_deliverables,
    check_footnotes,
    check_contributes,
    check_results_funded,
]


# Rules other modules add in their AppConfig.ready() (the pools module checks that no pool's
# money falls below what it has granted), so plans need not import them.
EXTRA_RULES: list = []


def run_checks_on(data: PlanData) -> list[CheckResult]:
    found = [result for rule in RULES + EXTRA_RULES for result in rule(data)]
    return sorted(found, key=lambda result: result.severity != ERROR)


def run_checks(plan: Plan, activities=None, history: History | None = None) -> list[CheckResult]:
    """Every rule's findings for the plan, errors first (`history`: `plans.history.plan_history`
    when the caller has it already)."""
    return run_checks_on(load_plan_data(plan, activities, history))


def summary_line(results: list[CheckResult]) -> str:
    """ "1 fejl, 1 advarsel." / "0 fejl, 2 advarsler." (the command's last line)."""
    errors = sum(result.is_error for result in results)
    warnings = len(results) - errors
    return _("%(errors)s fejl, %(warnings)s.") % {
        "errors": errors,
        "warnings": ngettext("%(n)s advarsel", "%(n)s advarsler", warnings) % {"n": warnings},
    }
