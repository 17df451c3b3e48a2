"""What changed between two plans (two years, or two versions of one year).

Activities are matched by their stable `key`. Money is the partnership's own funds per
year, as in the overview table; each row compares the amount in each plan's own year
(2016 in the 2016 plan with 2017 in the 2017 plan), and lists changed earlier years. The
texts of an activity's description (description, target group, timeline, deliverables, ...)
are compared word by word (`text_changes`, HTML with <del> and <ins>).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trygplan.lib.money import format_kroner
from trygplan.lib.text import word_diff

from .models import ActivityDescription, Plan
from .overview import build_overview, join_danish, plan_activities

ADDED, REMOVED, CHANGED, SAME = "added", "removed", "changed", "same"

FIELDS = [
    ("number", lambda a: a.number),
    ("name", lambda a: a.name),
    ("focus_areas", lambda a: join_danish([fa.number for fa in a.focus_areas.all()])),
    ("is_new", lambda a: a.is_new),
    ("has_ended", lambda a: a.has_ended),
    ("co_finances_housing_plan", lambda a: a.co_finances_housing_plan),
    ("description", lambda a: a.description.title if a.description else None),
]


def _readable(value) -> str:
    if isinstance(value, bool):
        return _("ja") if value else _("nej")
    return "–" if value in (None, "") else str(value)


@dataclass
class DiffRow:
    key: str
    kind: str
    old: object  # Activity | None
    new: object
    old_amount: int  # in the old plan's year
    new_amount: int  # in the new plan's year
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (what, old, new)
    text_changes: list[tuple[str, str]] = field(default_factory=list)  # (what, word diff HTML)

    @property
    def activity(self):
        return self.new or self.old

    @property
    def difference(self) -> int:
        return self.new_amount - self.old_amount


@dataclass
class PlanDiff:
    old: Plan
    new: Plan
    rows: list[DiffRow]

    @property
    def old_total(self) -> int:
        return sum(row.old_amount for row in self.rows)

    @property
    def new_total(self) -> int:
        return sum(row.new_amount for row in self.rows)

    @property
    def difference(self) -> int:
        return self.new_total - self.old_total

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys([ADDED, REMOVED, CHANGED, SAME], 0)
        for row in self.rows:
            counts[row.kind] += 1
        return counts


def _field_changes(old, new) -> list[tuple[str, str, str]]:
    changes = []
    for name, read in FIELDS:
        before, after = read(old), read(new)
        if before != after:
            label = str(old._meta.get_field(name).verbose_name).capitalize()
            changes.append((label, _readable(before), _readable(after)))
    return changes


def _money_changes(old_amounts: dict, new_amounts: dict, years) -> list[tuple[str, str, str]]:
    changes = []
    for year in years:
        before, after = old_amounts.get(year), new_amounts.get(year)
        if (before or 0) != (after or 0):
            label = _("Beløb %(year)s") % {"year": year}
            changes.append((label, format_kroner(before), format_kroner(after)))
    return changes


def _description_texts(activity) -> dict[str, str]:
    description = activity.description
    if description is None:
        return {}
    texts = {str(_("Titel")): description.title}
    for name in ActivityDescription.TEXT_FIELDS:
        label = str(ActivityDescription._meta.get_field(name).verbose_name).capitalize()
        texts[label] = getattr(description, name)
    texts[str(_("Leverancer"))] = "\n".join(d.text for d in description.deliverables.all())
    return texts


def _text_changes(old, new) -> list[tuple[str, str]]:
    before, after = _description_texts(old), _description_texts(new)
    changes = []
    for label in dict.fromkeys([*before, *after]):
        html = word_diff(before.get(label, ""), after.get(label, ""))
        if html:
            changes.append((label, html))
    return changes


def _rows(plan: Plan) -> dict:
    """The plan's own activities (not the earlier plans' ended rows the overview adds)."""
    activities = plan_activities(plan).prefetch_related("description__deliverables")
    overview = build_overview(plan, activities)
    return {row.activity.key: row for row in overview.rows if not row.is_gone}


def plan_diff(old: Plan, new: Plan) -> PlanDiff:
    old_rows, new_rows = _rows(old), _rows(new)
    common_years = range(min(old.year, new.year) - 10, min(old.year, new.year) + 1)
    rows = []
    for key in list(old_rows) + [key for key in new_rows if key not in old_rows]:
        before, after = old_rows.get(key), new_rows.get(key)
        old_amount = (before.amounts.get(old.year) or 0) if before else 0
        new_amount = (after.amounts.get(new.year) or 0) if after else 0
        if before is None:
            kind, changes = ADDED, []
        elif after is None:
            kind, changes = REMOVED, []
        else:
            changes = _field_changes(before.activity, after.activity) + _money_changes(
                before.amounts, after.amounts, common_years
            )
            if old.year != new.year and old_amount != new_amount:
                changes.append(
                    (
                        _("Beløb i planens år"),
                        format_kroner(old_amount),
                        format_kroner(new_amount),
                    )
                )
            texts = _text_changes(before.activity, after.activity)
            kind = CHANGED if changes or texts else SAME
        row = DiffRow(key, kind, before and before.activity, after and after.activity,
                      old_amount, new_amount, changes)  # fmt: skip
        if before is not None and after is not None:
            row.text_changes = texts
        rows.append(row)
    rows.sort(key=lambda row: (row.activity.number is None, row.activity.number or 0, row.key))
    return PlanDiff(old=old, new=new, rows=rows)


KIND_LABELS = {
    ADDED: gettext_lazy("Tilføjet"),
    REMOVED: gettext_lazy("Fjernet"),
    CHANGED: gettext_lazy("Ændret"),
    SAME: gettext_lazy("Uændret"),
}


def diff_table(diff: PlanDiff) -> tuple[list[str], list[list]]:
    """Header and rows for the CSV export, whole kroner as numbers."""
    header = [
        _("Nr."),
        _("Aktivitet"),
        _("Nøgle"),
        _("Ændring"),
        diff.old.version_label(),
        diff.new.version_label(),
        _("Forskel"),
        _("Detaljer"),
    ]
    rows = [
        [
            row.activity.number,
            row.activity.name,
            row.key,
            str(KIND_LABELS[row.kind]),
            row.old_amount,
            row.new_amount,
            row.difference,
            "; ".join(
                [f"{what}: {old} → {new}" for what, old, new in row.changes]
                + [_("Tekst ændret: %(what)s") % {"what": what} for what, _html in row.text_changes]
            ),
        ]
        for row in diff.rows
    ]
    rows.append(
        [None, _("I alt"), None, None, diff.old_total, diff.new_total, diff.difference, None]
    )
    return header, rows
