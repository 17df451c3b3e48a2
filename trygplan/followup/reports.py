"""Read-only follow-up views of the data: the status board, money to results, indicator series.

Pages, CSV exports and (later) PDF reports all read these, so a figure is computed once and
the small-number rule is applied in one place (`shown_value`).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.lib import drawing
from trygplan.lib.money import format_kroner
from trygplan.lib.numbers import format_number
from trygplan.lib.small_numbers import is_small, small_label, suppress, suppress_difference
from trygplan.plans.models import ActivityDescription, BudgetLine, Deliverable, Plan, Result
from trygplan.plans.overview import plan_activities

from . import status as rules
from .models import ChartNote, Event, Indicator, IndicatorValue, Submission


def shown_value(indicator: Indicator, value):
    """The value as it may be shown: "<5" for a small count about young people."""
    if value is None:
        return None
    if indicator.counts_young_people and is_small(value):
        return small_label()
    return format_number(value)


# ---- Status board ---------------------------------------------------------------------------


@dataclass
class DeliverableRow:
    deliverable: Deliverable
    result: rules.DeliverableStatus
    rule: str
    entries: list
    counted: int = 0  # walks or events held that count toward it (`Deliverable.counts_from`)
    part_of: str = ""  # the sub-activity it belongs to, when not the row's own description

    @property
    def done_shown(self):
        """What was delivered, as it may be shown: "<5" for a small count of people."""
        done = self.result.done
        return suppress(done) if self.deliverable.counts_people else done

    @property
    def shown_entries(self) -> list[tuple]:
        """(entry, its count as it may be shown)."""
        people = self.deliverable.counts_people
        return [(e, suppress(int(e.count)) if people else e.count) for e in self.entries]


@dataclass
class BoardRow:
    activity: object
    amount: int
    deliverables: list[DeliverableRow] = field(default_factory=list)
    untyped: int = 0  # deliverables without a number: listed on the activity's page


@dataclass
class _Held:
    """What the partnership held in the plan's year, up to the board's day: the dates of
    safety walks walked and of events by kind (two queries)."""

    walks: list[date]
    events: list[tuple[str, date]]
    magazines: list[date] = field(default_factory=list)  # published issues' dates

    def count(self, deliverable: Deliverable, window: rules.Window, on: date) -> int:
        def inside(day: date) -> bool:
            return window.start <= day <= min(window.end, on)

        if deliverable.counts_from == Deliverable.CountsFrom.SAFETY_WALKS:
            return sum(1 for day in self.walks if inside(day))
        if deliverable.counts_from == Deliverable.CountsFrom.EVENTS:
            kind = deliverable.counts_event_kind
            return sum(1 for k, day in self.events if inside(day) and (not kind or k == kind))
        if deliverable.counts_from == Deliverable.CountsFrom.MAGAZINE:
            return sum(1 for day in self.magazines if inside(day))
        return 0


def _held(partnership, years: range) -> _Held:
    from trygplan.walks.models import Walk

    walked = [Walk.Status.WALKED, Walk.Status.PROTOCOL_SENT, Walk.Status.FOLLOW_UP_HELD]
    walks = Walk.private_objects.filter(
        partnership=partnership, status__in=walked, starts_at__year__in=years
    )
    from trygplan.magazine.models import Issue

    events = Event.private_objects.filter(partnership=partnership, starts_at__year__in=years)
    issues = Issue.public_objects.filter(partnership=partnership, year__in=years)
    return _Held(
        walks=[timezone.localdate(moment) for moment in walks.values_list("starts_at", flat=True)],
        events=[
            (kind, timezone.localdate(moment))
            for kind, moment in events.values_list("kind", "starts_at")
        ],
        magazines=list(issues.values_list("issue_date", flat=True)),
    )


def _deliverable_row(deliverable, plan, on, held, part_of="") -> DeliverableRow:
    partnership = plan.partnership
    window = rules.window_for(
        deliverable.period, plan.year, partnership.period_start, partnership.period_end
    )
    entries = [e for e in deliverable.progress_entries.all() if e.date <= on]
    counted = held.count(deliverable, window, on)
    result = rules.deliverable_status(
        comparator=deliverable.comparator,
        target=rules.target_for_window(deliverable.quantity, deliverable.period),
        target_max=rules.target_for_window(deliverable.quantity_max, deliverable.period),
        done=counted + sum(int(e.count) for e in entries if window.start <= e.date <= window.end),
        window=window,
        on=on,
    )
    rule = rules.rule_text(deliverable.comparator)
    return DeliverableRow(deliverable, result, rule, entries, counted, part_of)


def build_status_board(plan: Plan, on: date) -> list[BoardRow]:
    """One row per activity of the overview, with the typed deliverables of its description
    and of the description's sub-activities (shown under the row, named)."""
    deliverables = Prefetch(
        "deliverables", queryset=Deliverable.objects.prefetch_related("progress_entries")
    )
    activities = plan_activities(plan).prefetch_related(
        Prefetch("description__deliverables", queryset=deliverables.queryset),
        Prefetch(
            "description__children",
            queryset=ActivityDescription.objects.prefetch_related(deliverables),
        ),
    )
    partnership = plan.partnership
    held = _held(
        partnership, range(partnership.period_start, max(partnership.period_end, plan.year) + 1)
    )
    rows, seen_descriptions = [], set()
    for activity in activities:
        amount = sum(
            line.amount
            for line in activity.budget_lines.all()
            if line.year == plan.year and line.source == BudgetLine.Source.PARTNERSHIP
        )
        row = BoardRow(activity, amount)
        description = activity.description
        # a description covering several rows (the pools) is shown once, at its first row
        if description is not None and description.pk not in seen_descriptions:
            seen_descriptions.add(description.pk)
            parts = [(description, "")] + [(c, c.title) for c in description.children.all()]
            for part, title in parts:
                for deliverable in part.deliverables.all():
                    if not deliverable.is_typed:
                        row.untyped += 1
                        continue
                    row.deliverables.append(_deliverable_row(deliverable, plan, on, held, title))
        rows.append(row)
    return rows


def _held_for(deliverables, by_pk) -> dict:
    """The walks, events and magazine issues that deliverables counting them need, only for
    the partnerships whose deliverables count them (others cost no query, load no history)."""
    from trygplan.magazine.models import Issue
    from trygplan.walks.models import Walk

    def partnerships(source):
        return {
            by_pk[d.description.plan_id].partnership_id
            for d in deliverables
            if d.counts_from == source
        }

    held = defaultdict(lambda: _Held([], []))
    plans = list(by_pk.values())
    years = {plan.year for plan in plans}
    years |= {
        y for plan in plans for y in (plan.partnership.period_start, plan.partnership.period_end)
    }
    span = range(min(years), max(years) + 1)
    walked = [Walk.Status.WALKED, Walk.Status.PROTOCOL_SENT, Walk.Status.FOLLOW_UP_HELD]
    if walking := partnerships(Deliverable.CountsFrom.SAFETY_WALKS):
        for pid, moment in Walk.private_objects.filter(
            partnership_id__in=walking, status__in=walked, starts_at__year__in=span
        ).values_list("partnership_id", "starts_at"):
            held[pid].walks.append(timezone.localdate(moment))
    if meeting := partnerships(Deliverable.CountsFrom.EVENTS):
        for pid, kind, moment in Event.private_objects.filter(
            partnership_id__in=meeting, starts_at__year__in=span
        ).values_list("partnership_id", "kind", "starts_at"):
            held[pid].events.append((kind, timezone.localdate(moment)))
    if publishing := partnerships(Deliverable.CountsFrom.MAGAZINE):
        for pid, day in Issue.public_objects.filter(
            partnership_id__in=publishing, year__in=span
        ).values_list("partnership_id", "issue_date"):
            held[pid].magazines.append(day)
    return held


def status_counts(plans: list[Plan], on: date) -> dict[int, Counter]:
    """plan id → how many typed deliverables are on track, at risk, off track (and met,
    missed, not started), for many plans at once in at most five queries: the city overview's
    counts, by the same rules as the status board."""

    if not plans:
        return {}
    by_pk = {plan.pk: plan for plan in plans}
    deliverables = list(
        Deliverable.objects.filter(description__plan__in=list(by_pk), quantity__isnull=False)
        .select_related("description")
        .prefetch_related("progress_entries")
    )
    held = _held_for(deliverables, by_pk)
    counts: dict[int, Counter] = defaultdict(Counter)
    for deliverable in deliverables:
        if not deliverable.is_typed:
            continue
        plan = by_pk[deliverable.description.plan_id]
        row = _deliverable_row(deliverable, plan, on, held[plan.partnership_id])
        counts[plan.pk][row.result.status] += 1
    return counts


# ---- Money to results -----------------------------------------------------------------------


@dataclass
class Contribution:
    result: Result
    amounts: dict[int, Decimal]
    activities: list

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


def build_contribution(plan: Plan) -> tuple[list[int], list[Contribution]]:
    """Each activity-year's partnership money spread evenly over the results it serves."""
    results = list(Result.objects.filter(partnership=plan.partnership))
    by_result = {result.pk: Contribution(result, defaultdict(Decimal), []) for result in results}
    years = set()
    activities = plan.activities.select_related("description").prefetch_related(
        "budget_lines", "description__results"
    )
    for activity in activities:
        served = list(activity.description.results.all()) if activity.description else []
        for line in activity.budget_lines.all():
            if line.source != BudgetLine.Source.PARTNERSHIP:
                continue
            years.add(line.year)
            for result in served:
                share = Decimal(line.amount) / len(served)
                by_result[result.pk].amounts[line.year] += share
                if activity not in by_result[result.pk].activities and line.amount:
                    by_result[result.pk].activities.append(activity)
    return sorted(years), list(by_result.values())


def contribution_chart(plan: Plan, year: int, contributions: list[Contribution]):
    bars = [
        drawing.Bar(
            str(item.result),
            item.amounts.get(year, 0),
            format_kroner(round(item.amounts.get(year, 0))),
            highlight=not item.amounts.get(year),
        )
        for item in contributions
    ]
    return drawing.bar_chart(
        bars,
        title=_("Partnerskabsmidler fordelt på resultater i %(year)s") % {"year": year},
        x_label=_("kr. (orange: intet finansieret)"),
    )


# ---- Indicators -----------------------------------------------------------------------------


@dataclass
class IndicatorYear:
    year: int
    value: IndicatorValue | None
    shown: str | None
    target: Decimal | None
    on_track: bool | None
    change: str = ""  # from the year before, "×" when it would reveal a hidden count


def _change(indicator: Indicator, before, now) -> str:
    if before is None or now is None:
        return ""
    if indicator.counts_young_people:
        difference = suppress_difference(before, now)
        if not isinstance(difference, Decimal | int):
            return difference or ""
    else:
        difference = now - before
    sign = "+" if difference > 0 else ""
    return sign + format_number(difference)


def statistic_values(indicator: Indicator) -> dict[int, IndicatorValue]:
    """A linked indicator's yearly values, read from the police/SSP statistics: unsaved
    IndicatorValues (final years as a locked submission), so pages and exports need no
    second code path. Nothing is copied into the follow-up tables."""
    from trygplan.surveys.figures import indicator_value, yearly_figures

    figures = yearly_figures([indicator.statistic_series]).get(indicator.statistic_series_id, [])
    found = {}
    for figure in figures:
        value = indicator_value(figure, per_1000=indicator.statistic_per_1000)
        if value is None:
            continue
        status = Submission.Status.LOCKED if figure.is_final else Submission.Status.APPROVED
        found[figure.year] = IndicatorValue(
            indicator=indicator,
            submission=Submission(year=figure.year, status=status),
            value=value,
            quality="final" if figure.is_final else "provisional",
            note=figure.status_label,
            is_invented=figure.is_invented,
        )
    return found


def indicator_values_by_year(indicator: Indicator, *, include_unapproved: bool) -> dict:
    if indicator.statistic_series_id:
        return statistic_values(indicator)
    values = indicator.values.select_related("submission")
    if not include_unapproved:
        values = values.approved()
    return {value.submission.year: value for value in values}


def values_by_indicator_and_year(indicators, *, include_unapproved: bool) -> dict[int, dict]:
    """`indicator_values_by_year` for many indicators: one query for the typed ones (those
    read from the statistics ask their series, as one indicator does)."""
    values = IndicatorValue.private_objects if include_unapproved else IndicatorValue.public_objects
    typed = [i.pk for i in indicators if not i.statistic_series_id]
    found: dict[int, dict] = {pk: {} for pk in typed}
    for value in values.filter(indicator__in=typed).select_related("submission").order_by("pk"):
        found[value.indicator_id][value.submission.year] = value
    for indicator in indicators:
        if indicator.statistic_series_id:
            found[indicator.pk] = statistic_values(indicator)
    return found


def latest_values(indicators, *, include_unapproved: bool) -> dict[int, IndicatorValue]:
    """Each indicator's newest value (by indicator pk), typed or read from the statistics."""
    values = IndicatorValue.private_objects if include_unapproved else IndicatorValue.public_objects
    values = values.filter(indicator__in=[i.pk for i in indicators])
    # the newest year per indicator first, then only those years' values: two queries whose
    # size follows the number of indicators, not the years of history
    newest = values.values("indicator_id").annotate(year=Max("submission__year")).order_by()
    wanted = Q(pk__in=[])
    for row in newest:
        wanted |= Q(indicator_id=row["indicator_id"], submission__year=row["year"])
    latest = {}
    for value in values.filter(wanted).select_related("submission").order_by("pk"):
        latest[value.indicator_id] = value
    for indicator in indicators:
        if indicator.statistic_series_id:
            linked = statistic_values(indicator)
            latest[indicator.pk] = linked[max(linked)] if linked else None
    return latest


def indicator_years(
    indicator: Indicator, *, include_unapproved: bool, by_year: dict | None = None
) -> list[IndicatorYear]:
    """The indicator's years; `by_year` when the caller read it already
    (`values_by_indicator_and_year`)."""
    if by_year is None:
        by_year = indicator_values_by_year(indicator, include_unapproved=include_unapproved)
    targets = {target.year: target.value for target in indicator.targets.all()}
    rows, before = [], None
    for year in sorted(set(by_year) | set(targets)):
        value = by_year.get(year)
        number = value.value if value else None
        # a hidden value gets no on-track verdict either: it would narrow the value down
        hidden = shown_value(indicator, number) == small_label()
        rows.append(
            IndicatorYear(
                year=year,
                value=value,
                shown=shown_value(indicator, number),
                target=targets.get(year),
                on_track=None
                if hidden
                else rules.indicator_on_track(
                    number, targets.get(year), higher_is_better=indicator.higher_is_better
                ),
                change=_change(indicator, before, number),
            )
        )
        before = number
    return rows


def curve_forecast(indicator: Indicator, years: list[IndicatorYear], ahead: int = 2):
    """Turn the Curve's "if nothing changes": the straight-line trend of the shown values.

    Fitted by least squares on the values shown (hidden small counts are left out); None
    with fewer than two. Starts at the last shown value so the lines join.
    """
    known = [
        (row.year, float(row.value.value))
        for row in years
        if row.value is not None and row.shown != small_label()
    ]
    if len(known) < 2:
        return None
    n = len(known)
    mean_x = sum(x for x, _ in known) / n
    mean_y = sum(y for _, y in known) / n
    slope = sum((x - mean_x) * (y - mean_y) for x, y in known) / sum(
        (x - mean_x) ** 2 for x, _ in known
    )
    last_year, last_value = known[-1]
    points = [drawing.Point(str(last_year), Decimal(str(last_value)))]
    for step in range(1, ahead + 1):
        value = Decimal(str(round(max(last_value + slope * step, 0), 1)))
        shown = shown_value(indicator, value)
        hidden = shown == small_label()
        points.append(drawing.Point(str(last_year + step), None if hidden else value, shown))
    return drawing.Series(_("Prognose hvis intet ændres"), points, dashed=True)


def indicator_chart(
    indicator: Indicator, years: list[IndicatorYear], annotations=None, forecast=None
):
    points = [
        drawing.Point(
            str(row.year),
            None if row.value is None or row.shown == small_label() else row.value.value,
            row.shown or "",
        )
        for row in years
    ]
    target = [drawing.Point(str(r.year), r.target) for r in years if r.target is not None]
    band = [drawing.Band(str(r.year), *rules.band_around(r.target)) for r in years if r.target]
    baseline = None
    if indicator.baseline_value is not None:
        baseline = drawing.Reference(
            indicator.baseline_value,
            _("Basislinje %(period)s: %(value)s")
            % {
                "period": indicator.baseline_label,
                "value": shown_value(indicator, indicator.baseline_value),
            },
        )
    series = [drawing.Series(indicator.unit.capitalize(), points)]
    if forecast is not None:
        series.append(forecast)
    svg = drawing.line_chart(
        series,
        title=indicator.name,
        y_label=indicator.unit,
        baseline=baseline,
        target=target,
        band=band,
        annotations=annotations if annotations is not None else chart_notes(indicator.partnership),
        desc=indicator.definition,
    )
    return svg, drawing.chart_table(series, x_label=_("År"), target=target)


def coming_events(partnership, now):
    return Event.public_objects.filter(partnership=partnership).coming(now)


def chart_notes(partnership) -> list[drawing.Annotation]:
    notes = ChartNote.objects.filter(partnership=partnership)
    return [drawing.Annotation(str(note.year), note.text) for note in notes]
