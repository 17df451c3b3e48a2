"""The plan's overview table and theory-of-change matrix, computed once from live data.

Both the web page and the plan document (PDF, Word, Excel) read these, so the
numbers can never drift apart the way the seed's hand-typed tables did.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .history import earlier_lines, plan_history
from .models import Activity, BudgetLine, Plan


def join_danish(items: list[str]) -> str:
    """["1", "2", "3"] -> "1, 2 og 3"."""
    items = [str(item) for item in items]
    if not items:
        return "-"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {_('og')} {items[-1]}"


@dataclass
class OverviewRow:
    activity: Activity
    focus_area_label: str
    amounts: dict[int, int | None]
    # footnote numbers per cell: year, or None for the activity's name
    footnote_marks: dict[int | None, list[int]] = field(default_factory=dict)
    # an activity of an earlier approved plan that this plan no longer has (ended, removed):
    # shown so that the earlier years' totals are what was approved
    is_gone: bool = False

    @property
    def has_ended(self) -> bool:
        return self.is_gone or self.activity.has_ended


@dataclass
class Overview:
    plan: Plan
    years: list[int]
    rows: list[OverviewRow]
    totals: dict[int, int]
    footnotes: list[tuple[int, str]]

    @property
    def plan_year_total(self) -> int:
        return self.totals.get(self.plan.year, 0)


def new_activity_text(year: int) -> str:
    return _("Aktiviteten er ny i %(year)s") % {"year": year}


def plan_activities(plan: Plan):
    """The plan's activities with what the overview needs, in a bounded number of queries."""
    return (
        plan.activities.select_related("description__focus_area")
        .prefetch_related(
            "focus_areas",
            "footnotes",
            Prefetch("budget_lines", queryset=BudgetLine.private_objects.select_related("funder")),
        )
        .order_by("number", "name")
    )


def build_overview(plan: Plan, activities=None, history=None) -> Overview:
    """The overview: this plan's activities with its own years' money, and the earlier years
    as the approved plans of those years said (`plans.history`), including activities those
    plans had that this one no longer has, so that every earlier total is as approved.
    `history` may be given when the caller has computed it already (`plan_history`)."""
    activities = list(activities if activities is not None else plan_activities(plan))
    history = history or plan_history(plan, activities)
    current = {plan.year}
    for activity in activities:
        current.update(line.year for line in activity.budget_lines.all() if line.year >= plan.year)
    years = history.years + sorted(current)

    rows, totals, footnotes = [], dict.fromkeys(years, 0), []
    everything = [(a, False) for a in activities] + [(a, True) for a in history.gone]
    for activity, gone in sorted(
        everything, key=lambda pair: (pair[0].number or 999, pair[0].name)
    ):
        amounts = _amounts(activity, plan, history, years, gone)
        for year, amount in amounts.items():
            totals[year] += amount or 0
        row = OverviewRow(
            activity=activity,
            focus_area_label=join_danish([fa.number for fa in activity.focus_areas.all()]),
            amounts=amounts,
            is_gone=gone,
        )
        if not gone:
            _footnotes(row, activity, plan, footnotes)
        rows.append(row)
    return Overview(plan=plan, years=years, rows=rows, totals=totals, footnotes=footnotes)


def _amounts(activity, plan, history, years, gone) -> dict[int, int | None]:
    amounts: dict[int, int | None] = dict.fromkeys(years)
    for year in history.years:
        amounts[year] = history.amount(activity.key, year)
    if not gone:
        for line in activity.budget_lines.all():
            if line.year >= plan.year and line.source == BudgetLine.Source.PARTNERSHIP:
                amounts[line.year] = (amounts[line.year] or 0) + line.amount
    return amounts


def _footnotes(row, activity, plan, footnotes) -> None:
    texts_by_cell = defaultdict(list)
    for note in activity.footnotes.all():
        texts_by_cell[note.year].append(note.text.strip())
    if activity.is_new:
        texts_by_cell[plan.year].append(new_activity_text(plan.year) + ".")
    for cell in sorted(texts_by_cell, key=lambda year: (year is not None, year or 0)):
        footnotes.append((len(footnotes) + 1, " ".join(texts_by_cell[cell])))
        row.footnote_marks.setdefault(cell, []).append(len(footnotes))


@dataclass
class MatrixRow:
    activity: Activity
    contributes: list[bool]


def build_result_matrix(plan: Plan, results: list, activities) -> list[MatrixRow]:
    """Activity x result: does the activity (through its description or one of its
    sub-activities' descriptions) contribute? Prefetch `description__results` and
    `description__children__results`."""
    matrix = []
    for activity in activities:
        linked = set()
        if activity.description is not None:
            linked = {result.pk for result in activity.description.results.all()}
            for child in activity.description.children.all():
                linked.update(result.pk for result in child.results.all())
        matrix.append(MatrixRow(activity, [result.pk in linked for result in results]))
    return matrix


@dataclass
class EconomyRow:
    line: BudgetLine  # the group's first line: its label, source and funder
    cells: list[int | None]
    notes: list[str] = field(default_factory=list)  # the group's lines' notes, each once

    @property
    def label(self) -> str:
        return self.line.label


@dataclass
class Economy:
    """An activity description's own economy table."""

    years: list[int]
    rows: list[EconomyRow]

    @property
    def totals(self) -> list[int]:
        return [sum(row.cells[i] or 0 for row in self.rows) for i in range(len(self.years))]


def build_economy_table(activities, plan: Plan | None = None, earlier=None) -> Economy:
    """One row per (label, source, funder), one column per year, from the activities' budget
    lines (prefetch `budget_lines__funder`). The page and the plan document both use it.
    With `plan`, its earlier years come from the lines of the plans that approved them
    (`plans.history.earlier_lines`, given as `earlier` when already loaded), as in the
    overview; a year no approved plan states keeps this plan's own lines."""
    activities = list(activities)
    lines = [line for activity in activities for line in activity.budget_lines.all()]
    if plan is not None:
        if earlier is None:
            earlier = earlier_lines(plan, plan_history(plan, activities))
        approved_years = {line.year for key in earlier for line in earlier[key]}
        lines = [
            line for line in lines if line.year >= plan.year or line.year not in approved_years
        ]
        lines += [line for activity in activities for line in earlier.get(activity.key, [])]
    groups: dict[tuple, tuple[BudgetLine, dict[int, int], list[str]]] = {}
    years: set[int] = set()
    for line in lines:
        years.add(line.year)
        key = (line.label, line.source, line.funder_id)
        first, amounts, notes = groups.setdefault(key, (line, {}, []))
        amounts[line.year] = amounts.get(line.year, 0) + line.amount
        if line.note and line.note not in notes:
            notes.append(line.note)
    ordered = sorted(years)
    rows = [
        EconomyRow(first, [amounts.get(year) for year in ordered], notes)
        for first, amounts, notes in groups.values()
    ]
    return Economy(ordered, rows)


def activities_by_chapter(activities) -> list[tuple]:
    """[(focus_area or None, [activities])]: the chapter each activity is described in, in
    the plan's order; activities without a description (ended rows) are left out."""
    chapters: dict = {}
    for activity in activities:
        if activity.description is not None:
            chapters.setdefault(activity.description.focus_area, []).append(activity)
    return sorted(chapters.items(), key=lambda item: item[0].number if item[0] else 99)
