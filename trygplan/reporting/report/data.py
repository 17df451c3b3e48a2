"""The report to the steering group as ONE plain data structure, built from live data.

`build_report(round_, public=...)` answers the steering group's questions from what the
system already holds: is each activity delivering (the status board on the report's day, the
partners' status texts), is the money used (budget against spent for every overview row, the
three pools as the pools' memos count them), do results and effects move (the indicators'
charts), what must we decide (the recommendations); and the safety walks' follow-up and the
events held. Every text is a string, every figure already written as it may be shown (the
small-number rule is applied here, once), every chart an SVG string with its table: the page,
the Typst PDF and the Word file read the same dict, and a sent report stores it as it was sent
(`snapshot`), so nothing in a sent report changes afterwards.

The public version (`public=True`) leaves out the internal notes, the partners' obstacles,
proposals and comments, the parts' workflow states and the pools' grant lists; it counts only
public findings, public events and approved indicator values.
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from trygplan.followup.reports import build_status_board
from trygplan.lib.money import format_kroner
from trygplan.lib.numbers import format_number
from trygplan.lib.small_numbers import is_small
from trygplan.lib.text import paragraphs
from trygplan.plans.overview import activities_by_chapter, join_danish, plan_activities

from ..money import MoneyRow, budget_and_spent
from .sections import events_section, indicators_section, pools_section, walks_section

FORMAT_VERSION = 1

__all__ = ["build_report", "day_text", "kroner", "report_title"]


def day_text(day: datetime.date) -> str:
    return formats.date_format(day, "j. F Y")


def kroner(value: int | None, *, dash_zero: bool = False) -> str:
    if value is None or (dash_zero and value == 0):
        return "-"
    return format_kroner(value, unit=False)


def report_title(round_) -> str:
    if round_.kind == round_.Kind.MIDYEAR:
        return _("Halvårsstatus %(year)s til styregruppen") % {"year": round_.year}
    return _("Årsrapport %(year)s til styregruppen") % {"year": round_.year}


def _facts(round_, day, public: bool) -> list[list[str]]:
    facts = [
        [_("Partnerskab"), round_.partnership.name],
        [
            _("Periode"),
            _("%(start)s – %(end)s")
            % {"start": day_text(round_.period_start), "end": day_text(round_.as_of)},
        ],
        [_("Tryghedsplan"), f"{round_.plan.title} ({round_.plan.version_label()})"],
        [_("Status"), round_.get_status_display()],
    ]
    if round_.sent_at:
        facts.append([_("Sendt til styregruppen"), day_text(timezone.localdate(round_.sent_at))])
    if round_.meeting_on:
        facts.append([_("Styregruppemøde"), day_text(round_.meeting_on)])
    facts.append(
        [
            _("Dannet"),
            _("%(day)s af Trygplan ud fra partnerskabets data")
            % {"day": day_text(timezone.localdate())},
        ]
    )
    if public:
        facts.append([_("Version"), _("Beboerversion")])
    return facts


def _figures_note(round_, day) -> str:
    if day < round_.as_of:
        return _("Foreløbige tal opgjort %(day)s. Rapporten opgøres pr. %(as_of)s.") % {
            "day": day_text(day),
            "as_of": day_text(round_.as_of),
        }
    return _("Tallene er opgjort pr. %(day)s.") % {"day": day_text(day)}


# ---- money ----------------------------------------------------------------------------------


def _money_cells(row: MoneyRow) -> list[str]:
    share = row.share_spent
    return [
        kroner(row.budget, dash_zero=True),
        kroner(row.spent),
        kroner(row.left) if row.budget else "-",
        f"{share} %" if share is not None else "-",
        kroner(row.co_budget, dash_zero=True),
        kroner(row.co_spent, dash_zero=not row.co_budget),
    ]


def _money_header(year: int, day) -> list[str]:
    return [
        _("Budget %(year)s") % {"year": year},
        _("Brugt pr. %(day)s") % {"day": formats.date_format(day, "j/n")},
        _("Tilbage"),
        _("Brugt"),
        _("Medfinansiering"),
        _("heraf brugt"),
    ]


def _money_section(table, year: int, day) -> dict:
    rows = []
    for row in table.rows:
        activity = row.activity
        name = str(activity) + (" *" if row.from_pool else "")
        rows.append({"cells": [name, *_money_cells(row)], "muted": activity.has_ended})
    housing = table.housing_plan
    numbers = [str(r.activity.number) for r in table.rows if r.activity.co_finances_housing_plan]
    notes = [
        _(
            "Partnerskabets egne midler i planens år mod det, der er brugt til og med %(day)s. "
            "Medfinansiering (fra andre end partnerskabet) står for sig."
        )
        % {"day": day_text(day)},
    ]
    if any(row.from_pool for row in table.rows):
        notes.append(_("* Puljernes forbrug er deres udbetalinger (se puljerne nedenfor)."))
    if numbers:
        notes.append(
            _(
                "Aktivitet %(numbers)s medfinansierer helhedsplanen: budget %(budget)s, brugt "
                "%(spent)s; planen kræver %(required)s"
            )
            % {
                "numbers": join_danish(numbers),
                "budget": format_kroner(housing.budget),
                "spent": format_kroner(housing.spent),
                "required": format_kroner(table.housing_plan_required),
            }
        )
    return {
        "header": [_("Aktivitet"), *_money_header(year, day)],
        "rows": rows,
        "total": [_("I alt"), *_money_cells(table.total)],
        "notes": notes,
        "budget": table.total.budget,
        "spent": table.total.spent,
    }


# ---- activities -----------------------------------------------------------------------------


def _deliverable_cells(item) -> list[str]:
    deliverable, result = item.deliverable, item.result
    text = deliverable.text if len(deliverable.text) <= 160 else deliverable.text[:157] + "…"
    if item.part_of:
        text = f"{item.part_of}: {text}"
    hidden = deliverable.counts_people and is_small(result.done)
    expected = "-" if result.expected is None else format_number(result.expected, decimals=0)
    forecast = "-" if result.forecast is None or hidden else str(result.forecast)
    status = _("Vises ikke (under 5)") if hidden else result.label
    if result.extra and not hidden:
        status += " " + _("(%(n)s ud over målet)") % {"n": result.extra}
    return [text, deliverable.target_text(), str(item.done_shown), expected, forecast, status]


def _status_counts(board) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in board:
        for item in row.deliverables:
            counts[item.result.status] = counts.get(item.result.status, 0) + 1
    return counts


def _blocks(text: str) -> list[dict]:
    return paragraphs(text or "")


def _part_texts(part, public: bool) -> dict:
    if part is None:
        return {"status": [], "obstacles": [], "proposals": [], "comment": [], "part_status": ""}
    texts = {"status": _blocks(part.status_text)}
    if public:
        return {**texts, "obstacles": [], "proposals": [], "comment": [], "part_status": ""}
    return {
        **texts,
        "obstacles": _blocks(part.obstacles),
        "proposals": _blocks(part.proposals),
        "comment": _blocks(part.comment),
        "part_status": part.get_status_display(),
        "reported_by": part.organisation.name if part.organisation else _("Koordinatoren"),
    }


def _activity_sections(round_, activities, board, money, public: bool) -> list[dict]:
    parts = {part.description_id: part for part in round_.parts.select_related("organisation")}
    by_description = {}
    for row in board:
        if row.activity.description_id and row.activity.description_id not in by_description:
            by_description[row.activity.description_id] = row
    money_rows = money.by_key
    sections = []
    for focus_area, chapter in activities_by_chapter(activities):
        seen = set()
        for activity in chapter:
            description = activity.description
            if description.pk in seen:
                continue
            seen.add(description.pk)
            rows = [a for a in chapter if a.description_id == description.pk]
            board_row = by_description.get(description.pk)
            responsible = [org.short_name for org in description.responsible_organisations.all()]
            sections.append(
                {
                    "title": description.title,
                    "chapter": f"{focus_area.number}. {focus_area.short_name}"
                    if focus_area
                    else "",
                    "numbers": _("Nr. %(numbers)s i oversigten")
                    % {"numbers": join_danish([str(a.number) for a in rows if a.number])},
                    "responsible": ", ".join(responsible),
                    **_part_texts(parts.get(description.pk), public),
                    "deliverables": [
                        _deliverable_cells(item)
                        for item in (board_row.deliverables if board_row else [])
                    ],
                    "untyped": board_row.untyped if board_row else 0,
                    "money": [
                        [str(a), *_money_cells(money_rows[a.key])]
                        for a in rows
                        if a.key in money_rows
                    ],
                }
            )
    return sections


def _recommendations(round_) -> list[dict]:
    found = []
    for recommendation in round_.recommendations.all():
        move = ""
        if recommendation.moves_money:
            move = _("Flyt %(amount)s fra %(from)s til %(to)s.") % {
                "amount": format_kroner(recommendation.move_amount),
                "from": _activity_name(round_, recommendation.move_from_key),
                "to": _activity_name(round_, recommendation.move_to_key),
            }
        found.append(
            {
                "id": recommendation.pk,
                "title": recommendation.title,
                "text": _blocks(recommendation.text),
                "move": move,
            }
        )
    return found


def _activity_name(round_, key: str) -> str:
    activity = round_.plan.activities.filter(key=key).first()
    return str(activity) if activity else key


def _key_figures(money, board, pools, walks, events) -> list[list[str]]:
    counts = _status_counts(board)
    good = counts.get("on_track", 0) + counts.get("met", 0)
    risk = counts.get("at_risk", 0)
    bad = counts.get("off_track", 0) + counts.get("missed", 0)
    share = money.total.share_spent
    figures = [
        [
            _("Partnerskabsmidler"),
            _("%(spent)s brugt af %(budget)s (%(share)s %%)")
            % {
                "spent": format_kroner(money.total.spent),
                "budget": format_kroner(money.total.budget),
                "share": share if share is not None else 0,
            },
        ],
        [
            _("Leverancer med talmål"),
            _("%(good)s på sporet eller opfyldt, %(risk)s i risiko, %(bad)s ikke på sporet")
            % {"good": good, "risk": risk, "bad": bad},
        ],
    ]
    if pools["rows"]:
        figures.append([_("Tilbage i puljerne"), format_kroner(pools["available"])])
    figures.append(
        [
            _("Fund fra tryghedsvandringer"),
            _("%(open)s åbne, heraf %(overdue)s over fristen; %(fixed)s udbedret")
            % {"open": walks["open"], "overdue": walks["overdue"], "fixed": walks["fixed"]},
        ]
    )
    figures.append([_("Arrangementer"), str(len(events["rows"]))])
    return figures


def build_report(round_, *, public: bool) -> dict:
    """The report in Danish (its texts are Danish), as of the round's day (`figures_day`)."""
    with translation.override("da"):
        return _build(round_, public=public)


def _build(round_, *, public: bool) -> dict:
    day = round_.figures_day()
    plan = round_.plan
    activities = list(
        plan_activities(plan).prefetch_related("description__responsible_organisations")
    )
    money = budget_and_spent(plan, day, activities)
    board = build_status_board(plan, day)
    pools = pools_section(round_, public=public)
    walks = walks_section(round_, day, public=public)
    events = events_section(round_, day, public=public)
    return {
        "format": FORMAT_VERSION,
        "title": report_title(round_),
        "partnership": round_.partnership.name,
        "year": round_.year,
        "kind": round_.kind,
        "as_of": round_.as_of.isoformat(),
        "day": day.isoformat(),
        "public": public,
        "invented": round_.is_invented,
        "facts": _facts(round_, day, public),
        "figures_note": _figures_note(round_, day),
        "public_note": _(
            "Beboerversionen: uden interne noter og partnernes bemærkninger. Tal fra 1 til 4 om "
            "personer vises som “<5”."
        )
        if public
        else "",
        "summary": _blocks(round_.summary),
        "key_figures": _key_figures(money, board, pools, walks, events),
        "money": _money_section(money, plan.year, day),
        "deliverable_header": [
            _("Leverance"),
            _("Mål"),
            _("Leveret"),
            _("Forventet nu"),
            _("Prognose"),
            _("Status"),
        ],
        "activities": _activity_sections(round_, activities, board, money, public),
        "pools": pools,
        "walks": walks,
        "events": events,
        "indicators": indicators_section(round_, public=public),
        "recommendations": _recommendations(round_),
        "internal_note": [] if public else _blocks(round_.internal_note),
    }
