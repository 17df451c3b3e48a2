"""The plan document as PDF through Typst, from the same `PlanDocument` as HTML and Word.

Typst lays out the whole 2016 plan in a fraction of WeasyPrint's time (see `make bench` and
docs/architecture.md, "Documents") and writes a tagged PDF (PDF/UA-1). The layout lives in
`typst/plan.typ`; this module only turns the document into JSON (`data.json`: every text as
blocks of runs, never as Typst markup, so nothing typed in a plan can be read as code), adds
the theory-of-change diagram as SVG (the same drawing as the web page) and the fonts.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import tempfile
from functools import cache
from pathlib import Path

from django.contrib.staticfiles import finders
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trygplan.lib.files import clean_tree
from trygplan.lib.money import format_kroner
from trygplan.lib.text import FOOTNOTE_REF, paragraphs

from .data import DescriptionSection, EconomyTable, Note, PlanDocument

TEMPLATE = Path(__file__).with_name("typst") / "plan.typ"
FONTS = [
    "vendor/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Regular.woff",
    "vendor/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Italic.woff",
    "vendor/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-SemiBold.woff",
    "vendor/dkfds/fonts/IBMPlexSans/complete/woff/IBMPlexSans-Bold.woff",
]


@cache
def font_dir() -> str:
    """The vendored IBM Plex Sans as TrueType (Typst reads no WOFF), converted once per
    process into a temporary folder named by the fonts' content."""
    from fontTools.ttLib import TTFont

    sources = [Path(finders.find(path)) for path in FONTS]
    digest = hashlib.sha256(b"".join(source.read_bytes() for source in sources)).hexdigest()
    folder = Path(tempfile.gettempdir()) / f"trygplan-fonts-{digest[:16]}"
    folder.mkdir(exist_ok=True)
    for source in sources:
        target = folder / f"{source.stem}.ttf"
        if not target.exists():
            font = TTFont(source)
            font.flavor = None
            partial = target.with_suffix(".part")
            font.save(partial)
            partial.replace(target)
    return str(folder)


def _runs(text: str, numbers: dict[str, int]) -> list[dict]:
    """Text as runs: {"t": text} and {"n": footnote number}."""
    runs, position = [], 0
    for match in FOOTNOTE_REF.finditer(text or ""):
        runs.append({"t": text[position : match.start()]})
        if match.group(1) in numbers:
            runs.append({"n": numbers[match.group(1)]})
        position = match.end()
    runs.append({"t": (text or "")[position:]})
    return [run for run in runs if run.get("t") != ""]


def _blocks(text: str, numbers) -> list[dict]:
    blocks = []
    for block in paragraphs(text):
        if block["kind"] == "p":
            blocks.append({"kind": "p", "runs": _runs(block["text"], numbers)})
        else:
            blocks.append(
                {"kind": "ul", "items": [_runs(item, numbers) for item in block["items"]]}
            )
    return blocks


def _cell(text="", marks=()) -> list[dict]:
    return (
        [{"t": str(text)}, *({"n": mark} for mark in marks)]
        if text != ""
        else [{"n": mark} for mark in marks]
    )


def _amount(value) -> str:
    return format_kroner(value, unit=False)


def _notes(notes: list[Note]) -> list[dict]:
    return [{"number": note.number, "text": note.text} for note in notes]


def _overview(doc: PlanDocument) -> dict:
    overview = doc.overview
    rows = []
    for row in overview.rows:
        name = row.activity.name
        label = f"{row.activity.number}. {name}" if row.activity.number else name
        rows.append(
            {
                "ended": row.activity.has_ended,
                "cells": [
                    _cell(row.focus_area_label),
                    _cell(label, row.footnote_marks.get(None, [])),
                    *[
                        _cell(_amount(row.amounts[year]), row.footnote_marks.get(year, []))
                        for year in overview.years
                    ],
                ],
            }
        )
    return {
        "header": [
            _("Indsatsområde"),
            _("Aktivitet"),
            *[_("Finansiering %(year)s/kr.") % {"year": year} for year in overview.years],
        ],
        "rows": rows,
        "total": ["", _("I alt"), *[_amount(overview.totals[year]) for year in overview.years]],
    }


def _economy(economy: EconomyTable | None) -> dict | None:
    if economy is None:
        return None
    return {
        "header": [_("Udgift"), *[f"{year}/kr." for year in economy.years]],
        "rows": [
            [_cell(row.label, row.marks), *[_cell(_amount(cell)) for cell in row.cells]]
            for row in economy.rows
        ],
        "total": [_("I alt"), *[_amount(total) for total in economy.totals]]
        if economy.totals
        else None,
    }


def _section(section: DescriptionSection, numbers) -> dict:
    description = section.description
    meta = []
    if section.numbers_label:
        meta.append(_("Nr. %(numbers)s i oversigten") % {"numbers": section.numbers_label})
    fields = [
        (_("Effekt"), description.effect_text),
        (_("Målgruppe"), description.target_group),
        (_("Tidsplan"), description.timeline),
    ]
    return {
        "title": _("Aktivitet:") + " " + section.title,
        "meta": " ".join(meta),
        "new": section.new_text,
        "text": _blocks(description.description, numbers)
        + _blocks(description.measurements, numbers),
        "fields": [
            {"label": label, "text": _blocks(text, numbers)} for label, text in fields if text
        ],
        "deliverables_label": _("Leverancer"),
        "deliverables": [_runs(text, numbers) for text in section.deliverables],
        "results_label": _("Aktiviteten bidrager til følgende resultater fra forandringsteorien"),
        "results": [f"{result.number}. {result.name}" for result in section.results],
        "children": [_section(child, numbers) for child in section.children],
        "economy_label": _("Økonomi") if section.economy or section.economy_text else "",
        "economy": _economy(section.economy),
        "economy_text": _blocks(section.economy_text, numbers),
        "responsible_label": _("Ansvarlig for implementering") if section.responsible else "",
        "responsible": _blocks(section.responsible, numbers),
    }


def _checks(doc: PlanDocument) -> dict | None:
    if doc.checks is None:
        return None
    rows = [
        [
            _("Fejl") if check.severity == "error" else _("Advarsel"),
            check.code,
            check.message
            + (f" ({', '.join(label for label, _url in check.targets)})" if check.targets else ""),
        ]
        for check in doc.checks
    ]
    return {
        "title": _("Bilag: Kontrol af planen"),
        "header": [_("Alvor"), _("Kode"), _("Besked")],
        "rows": rows,
        "empty": _("Kontrollen fandt ingen fejl eller advarsler."),
    }


def _facts(doc: PlanDocument) -> list[list[str]]:
    facts = [
        [_("År"), str(doc.plan.year)],
        [_("Version"), doc.version],
        [_("Godkendelse"), doc.approval],
        [
            _("Dannet"),
            date_format(doc.generated, "j. F Y") + " " + _("af Trygplan ud fra planens data"),
        ],
    ]
    return [fact for fact in facts if fact[1]]


def plan_data(doc: PlanDocument) -> dict:
    numbers = doc.footnote_numbers
    name = doc.partnership_name
    return {
        "title": doc.title,
        "partnership": name,
        "facts": _facts(doc),
        "labels": {
            "contents": _("Indhold"),
            "page": _("Side"),
            "of": _("af"),
            "results": _("Resultater"),
            "effects": _("Effekter"),
            "focus_areas": _("Indsatsområder"),
            "total": _("I alt"),
        },
        "about_title": _("Om %(name)s") % {"name": name},
        "about": _blocks(doc.about, numbers),
        "theory_title": _("Forandringsteori for %(name)s") % {"name": name},
        "theory": _blocks(doc.plan.theory_of_change_intro, numbers),
        "results": [{"number": r.number, "name": r.name} for r in doc.results],
        "effects": [{"number": e.number, "name": e.name} for e in doc.effects],
        "diagram_title": _("Fra aktiviteter til resultater og effekter"),
        "diagram_alt": doc.diagram.description,
        "diagram_caption": _("Linjernes farve viser aktivitetens indsatsområde:")
        + " "
        + ", ".join(label for _colour, label in doc.diagram.legend),
        "introduction": _blocks(doc.plan.introduction, numbers),
        "chapter_titles": [chapter.title for chapter in doc.chapters],
        "overview_title": doc.overview_title,
        "overview_intro": _blocks(doc.plan.overview_intro, numbers),
        "overview": _overview(doc),
        "overview_notes": _notes(doc.overview_notes + doc.front_notes),
        "chapters": [
            {
                "title": chapter.title,
                "text": _blocks(chapter.text, numbers),
                "sections": [_section(section, numbers) for section in chapter.sections],
                "notes": _notes(chapter.notes),
            }
            for chapter in doc.chapters
        ],
        "checks": _checks(doc),
    }


def diagram_svg(doc: PlanDocument) -> str:
    """The diagram as the web page draws it (`plans.diagram`, lib/drawing)."""
    return str(doc.diagram.svg)


def render_pdf_typst(doc: PlanDocument) -> bytes:
    import typst

    files = {
        "main.typ": TEMPLATE.read_bytes(),
        "data.json": json.dumps(clean_tree(plan_data(doc)), ensure_ascii=False).encode(),
        "diagram.svg": diagram_svg(doc).encode(),
    }
    return typst.compile(
        files,
        font_paths=[font_dir()],
        ignore_system_fonts=True,
        pdf_standards=["ua-1"],
        # The document's date (noon UTC), so the same plan gives the same file.
        timestamp=int(
            datetime.datetime.combine(
                doc.generated, datetime.time(12), tzinfo=datetime.UTC
            ).timestamp()
        ),
    )
