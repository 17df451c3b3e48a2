"""ONE data structure for a plan document, built from live data in a fixed number of queries.

Every renderer (HTML/PDF template tree, Word, Excel, CSV) reads a `PlanDocument`; none of them
queries the database or computes money. The overview table and its numbered footnotes come from
`trygplan.plans.overview.build_overview`; in-text footnotes (`[^key]`) are numbered in document
order, continuing after the overview's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trygplan.lib.text import FOOTNOTE_REF, footnote_keys
from trygplan.plans.diagram import Diagram, build_diagram
from trygplan.plans.history import earlier_lines, plan_history
from trygplan.plans.models import ActivityDescription, BudgetLine, Plan, Result
from trygplan.plans.overview import (
    Overview,
    build_economy_table,
    build_overview,
    join_danish,
    new_activity_text,
    plan_activities,
)


@dataclass
class Note:
    number: int
    text: str
    key: str = ""  # in-text notes; overview notes have none

    @property
    def anchor(self) -> str:
        return f"fn-{self.key}" if self.key else f"overview-fn-{self.number}"


@dataclass
class EconomyRow:
    label: str
    cells: list[int | None]
    marks: list[int] = field(default_factory=list)
    note: str = ""  # the budget lines' notes (the særmåling's 36.000 / 30.000), as on the page


@dataclass
class EconomyTable:
    years: list[int]
    rows: list[EconomyRow]
    totals: list[int] | None  # only when there is more than one row


@dataclass
class DescriptionSection:
    description: ActivityDescription
    anchor: str
    activity_numbers: list[int]
    new_text: str  # "Aktiviteten er ny i 2016", or ""
    deliverables: list[str]
    results: list[Result]
    children: list[DescriptionSection]
    economy: EconomyTable | None
    economy_text: str  # shown below the economy table unless it only labels a row
    responsible: str

    @property
    def title(self) -> str:
        return self.description.title

    @property
    def numbers_label(self) -> str:
        return join_danish(self.activity_numbers) if self.activity_numbers else ""


@dataclass
class Chapter:
    """A focus area (or, for descriptions without one, "Øvrige aktiviteter")."""

    anchor: str
    title: str
    text: str
    sections: list[DescriptionSection]
    notes: list[Note]


@dataclass
class PlanDocument:
    plan: Plan
    title: str
    partnership_name: str
    about: str
    version: str
    approval: str
    generated: date
    overview: Overview
    overview_title: str
    effects: list
    results: list[Result]
    diagram: Diagram
    front_notes: list[Note]
    chapters: list[Chapter]
    footnote_numbers: dict[str, int]
    checks: list | None = None

    @property
    def numbered_rows(self):
        return [row for row in self.overview.rows if row.activity.number is not None]

    @property
    def overview_notes(self) -> list[Note]:
        return [Note(number, text) for number, text in self.overview.footnotes]

    @property
    def all_notes(self) -> list[Note]:
        notes = self.overview_notes + self.front_notes
        for chapter in self.chapters:
            notes += chapter.notes
        return notes

    def toc(self) -> list[tuple[str, str, int]]:
        """(anchor, title, level) of the document's headings, for both HTML and Word."""
        entries = [
            ("about", _("Om %(name)s") % {"name": self.partnership_name}, 1),
            ("theory", _("Forandringsteori for %(name)s") % {"name": self.partnership_name}, 1),
            ("plan", self.title, 1),
            ("overview", self.overview_title, 1),
        ]
        for chapter in self.chapters:
            entries.append((chapter.anchor, chapter.title, 1))
            entries += [(section.anchor, section.title, 2) for section in chapter.sections]
        if self.checks is not None:
            entries.append(("checks", _("Bilag: Kontrol af planen"), 1))
        return entries


class _Footnotes:
    """Numbers `[^key]` references in the order the document reads them."""

    def __init__(self, plan: Plan, start: int):
        self.texts = {note.key: note.text for note in plan.footnotes.all() if note.key}
        self.numbers: dict[str, int] = {}
        self.next = start
        self.pending: list[Note] = []

    def read(self, *texts: str) -> None:
        for text in texts:
            for key in footnote_keys(text):
                if key in self.texts and key not in self.numbers:
                    self.numbers[key] = self.next
                    self.pending.append(Note(self.next, self.texts[key], key))
                    self.next += 1

    def take(self) -> list[Note]:
        notes, self.pending = self.pending, []
        return notes


def _economy(activities, marks_for_label: dict[str, list[int]], plan, earlier):
    """The economy table of `plans.overview.build_economy_table`, labelled for the document
    (None when the activities have no money)."""
    economy = build_economy_table(activities, plan, earlier)
    if not economy.rows:
        return None
    table_rows = []
    for row in economy.rows:
        line = row.line
        label = line.label
        if line.source != BudgetLine.Source.PARTNERSHIP:
            funder = f", {line.funder.short_name}" if line.funder else ""
            label = f"{label} ({line.get_source_display().lower()}{funder})"
        marks = marks_for_label.get(line.label.strip(), [])
        table_rows.append(EconomyRow(label, row.cells, marks, " ".join(row.notes)))
    totals = economy.totals if len(table_rows) > 1 else None
    return EconomyTable(economy.years, table_rows, totals)


def _row_marks(economy_text: str, numbers: dict[str, int]) -> dict[str, list[int]]:
    """The seed writes a row's footnote as economy text "<row label>[^key]": such a text gives
    the row its footnote marks instead of repeating the label under the table."""
    plain = FOOTNOTE_REF.sub("", economy_text or "").strip()
    if plain and "\n" not in plain and FOOTNOTE_REF.search(economy_text):
        return {plain: [numbers[key] for key in footnote_keys(economy_text) if key in numbers]}
    return {}


class _Builder:
    def __init__(self, plan: Plan, overview: Overview, activities, earlier):
        self.plan = plan
        self.earlier = earlier
        self.notes = _Footnotes(plan, start=len(overview.footnotes) + 1)
        self.by_description: dict[int, list] = {}
        for activity in activities:
            if activity.description_id:
                self.by_description.setdefault(activity.description_id, []).append(activity)

    def section(self, description, children_of) -> DescriptionSection:
        notes = self.notes
        notes.read(
            description.description,
            description.measurements,
            description.effect_text,
            description.target_group,
            description.timeline,
        )
        deliverables = [d.text for d in description.deliverables.all()]
        notes.read(*deliverables)
        children = [self.section(child, children_of) for child in children_of(description.pk)]
        notes.read(description.economy_text, description.responsible_text)
        activities = self.by_description.get(description.pk, [])
        economy = _economy(
            activities, _row_marks(description.economy_text, notes.numbers), self.plan, self.earlier
        )
        economy_text = description.economy_text
        if economy and any(row.marks for row in economy.rows):
            economy_text = ""
        organisations = [org.name for org in description.responsible_organisations.all()]
        responsible = description.responsible_text or (
            join_danish(organisations) if organisations else ""
        )
        is_new = any(activity.is_new for activity in activities)
        return DescriptionSection(
            description=description,
            anchor=f"activity-{description.key}",
            activity_numbers=sorted(a.number for a in activities if a.number is not None),
            new_text=new_activity_text(self.plan.year) if is_new else "",
            deliverables=deliverables,
            results=list(description.results.all()),
            children=children,
            economy=economy,
            economy_text=economy_text,
            responsible=responsible,
        )


def _descriptions(plan: Plan) -> list[ActivityDescription]:
    return list(
        plan.descriptions.select_related("focus_area")
        .prefetch_related(
            "deliverables",
            Prefetch("results", queryset=Result.objects.order_by("number")),
            "responsible_organisations",
        )
        .order_by("order", "pk")
    )


def _version(plan: Plan) -> tuple[str, str]:
    version = plan.get_status_display()
    if plan.amendment:
        version += " · " + _("Tillæg nr. %(n)s") % {"n": plan.amendment}
    approval = ""
    approved = plan.status in (Plan.Status.APPROVED, Plan.Status.PUBLISHED)
    if approved and plan.finance_committee_date:
        approval = _("Godkendt af Økonomiudvalget %(date)s") % {
            "date": date_format(plan.finance_committee_date, "j. F Y")
        }
    return version, approval


def build_plan_document(plan: Plan, *, with_checks: bool = False) -> PlanDocument:
    partnership = plan.partnership
    activities = list(plan_activities(plan))
    history = plan_history(plan, activities)
    overview = build_overview(plan, activities, history)
    descriptions = _descriptions(plan)
    children: dict[int | None, list] = {}
    for description in descriptions:
        children.setdefault(description.parent_id, []).append(description)
    builder = _Builder(plan, overview, activities, earlier_lines(plan, history))
    builder.notes.read(partnership.description, plan.theory_of_change_intro)
    builder.notes.read(plan.introduction, plan.overview_intro)
    front_notes = builder.notes.take()

    results = list(Result.objects.filter(partnership=partnership).prefetch_related("effects"))
    effects = list(partnership.effects.all())
    focus_areas = list(partnership.focus_areas.all())
    chapters = []
    tops = children.get(None, [])
    groups = [(fa, [d for d in tops if d.focus_area_id == fa.pk]) for fa in focus_areas]
    groups.append((None, [d for d in tops if d.focus_area_id is None]))
    for focus_area, group in groups:
        if not group and not (focus_area and focus_area.description):
            continue
        if focus_area is not None:
            builder.notes.read(focus_area.description)
        sections = [builder.section(d, lambda pk: children.get(pk, [])) for d in group]
        chapters.append(
            Chapter(
                anchor=f"focus-area-{focus_area.number}" if focus_area else "focus-area-other",
                title=(
                    _("Indsatsområde %(number)s: %(name)s")
                    % {"number": focus_area.number, "name": focus_area.name}
                    if focus_area
                    else _("Øvrige aktiviteter")
                ),
                text=focus_area.description if focus_area else "",
                sections=sections,
                notes=builder.notes.take(),
            )
        )
    version, approval = _version(plan)
    first_year = overview.years[0] if overview.years else plan.year
    return PlanDocument(
        plan=plan,
        title=plan.title,
        partnership_name=partnership.name,
        about=partnership.description,
        version=version,
        approval=approval,
        generated=date.today(),
        overview=overview,
        overview_title=_("Oversigt over aktiviteter i %(name)s i %(year)s og frem")
        % {"name": partnership.name, "year": first_year},
        effects=effects,
        results=results,
        diagram=build_diagram(overview, results, effects, descriptions),
        front_notes=front_notes,
        chapters=chapters,
        footnote_numbers=builder.notes.numbers,
        checks=_run_checks(plan) if with_checks else None,
    )


def _run_checks(plan: Plan) -> list | None:
    """The checks appendix. `trygplan.plans.checks` is imported lazily so that this module
    works without it; without it there is no appendix (rather than a false "no findings")."""
    try:
        from trygplan.plans.checks import run_checks
    except ImportError:
        return None
    return list(run_checks(plan))
