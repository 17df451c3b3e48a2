"""The report as a Word file from the same dict as the page and the PDF (`lib.files` writers,
so every text is sanitised; the charts as PNG from `lib.drawing.svg_to_png`)."""

from __future__ import annotations

from django.utils import translation

from trygplan.lib.drawing import svg_to_png
from trygplan.lib.files import (
    docx_add_table,
    docx_bytes,
    docx_document,
    docx_heading,
    docx_paragraph,
    docx_picture,
    docx_run,
)

from .typeset import labels

__all__ = ["report_docx"]


def _blocks(document, blocks) -> None:
    for block in blocks:
        if block["kind"] == "p":
            docx_paragraph(document, block["text"])
        else:
            for item in block["items"]:
                docx_paragraph(document, item, style="List Bullet")


def _facts(document, facts) -> None:
    for name, value in facts:
        paragraph = docx_paragraph(document)
        docx_run(paragraph, f"{name}: ", bold=True)
        docx_run(paragraph, value)


def _table(document, header, rows, total=None) -> None:
    if rows:
        docx_add_table(document, header, rows, total_row=total)


def _activities(document, data, text) -> None:
    docx_heading(document, text["activities"], level=1)
    for activity in data["activities"]:
        docx_heading(document, activity["title"], level=2)
        docx_paragraph(document, f"{activity['chapter']} · {activity['numbers']}")
        if activity.get("part_status"):
            docx_paragraph(
                document,
                f"{text['reported_by']}: {activity['reported_by']} · "
                f"{text['part_status']}: {activity['part_status']}",
            )
        docx_heading(document, text["status"], level=3)
        if activity["status"]:
            _blocks(document, activity["status"])
        else:
            docx_paragraph(document, text["no_status"])
        if activity["deliverables"]:
            docx_heading(document, text["deliverables"], level=3)
            _table(document, data["deliverable_header"], activity["deliverables"])
        if activity["money"]:
            docx_heading(document, text["money"], level=3)
            _table(document, data["money"]["header"], activity["money"])
        for key in ("obstacles", "proposals", "comment"):
            if activity[key]:
                docx_heading(document, text[key], level=3)
                _blocks(document, activity[key])


def _pools(document, data, text) -> None:
    pools = data["pools"]
    docx_heading(document, text["pools"], level=1)
    docx_paragraph(document, pools["note"])
    if not pools["rows"]:
        docx_paragraph(document, text["no_pools"])
        return
    _table(document, pools["header"], pools["rows"], pools["total"])
    for pool in pools["pools"]:
        if pool["grants"] or pool["proposal"]:
            docx_heading(document, pool["name"], level=2)
        _table(document, pools["grant_header"], pool["grants"])
        if pool["proposal"]:
            docx_heading(document, text["proposal"], level=3)
            _blocks(document, pool["proposal"])


def _indicators(document, data, text) -> None:
    docx_heading(document, text["indicators"], level=1)
    for indicator in data["indicators"]:
        docx_heading(document, indicator["name"], level=2)
        docx_paragraph(document, f"{indicator['group']} · {indicator['latest']}")
        docx_picture(
            document,
            svg_to_png(indicator["svg"]),
            alt=f"{indicator['name']}. {indicator['definition']}",
            width_cm=14,
        )
        _table(document, indicator["table"]["header"], indicator["table"]["rows"])


def _recommendations(document, data, text) -> None:
    docx_heading(document, text["recommendations"], level=1)
    if not data["recommendations"]:
        docx_paragraph(document, text["no_recommendations"])
    for recommendation in data["recommendations"]:
        docx_heading(document, recommendation["title"], level=2)
        _blocks(document, recommendation["text"])
        if recommendation["move"]:
            docx_run(docx_paragraph(document), recommendation["move"], bold=True)
        for decision in data.get("decisions", []):
            if decision["id"] != recommendation["id"]:
                continue
            docx_heading(
                document, f"{text['decision']}: {decision['status']} ({decision['on']})", level=3
            )
            _blocks(document, decision["text"])
            for line in (decision["amount"], decision["amendment"]):
                if line:
                    docx_paragraph(document, line)


def report_docx(data: dict) -> bytes:
    with translation.override("da"):
        text = labels()
    document = docx_document(data["title"])
    docx_paragraph(document, data["title"], style="Title")
    _facts(document, data["facts"])
    for line in (data["figures_note"], data["public_note"]):
        if line:
            docx_paragraph(document, line)
    if data["invented"]:
        docx_run(docx_paragraph(document), text["invented"], bold=True)
    docx_heading(document, text["summary"], level=1)
    _blocks(document, data["summary"])
    docx_heading(document, text["key_figures"], level=2)
    _facts(document, data["key_figures"])
    money = data["money"]
    docx_heading(document, text["money"], level=1)
    _table(document, money["header"], [row["cells"] for row in money["rows"]], money["total"])
    for note in money["notes"]:
        docx_paragraph(document, note)
    _activities(document, data, text)
    _pools(document, data, text)
    for key, section, empty in (
        ("walks", data["walks"], "no_findings"),
        ("events", data["events"], "no_events"),
    ):
        docx_heading(document, text[key], level=1)
        docx_paragraph(document, section["note"])
        if section["rows"]:
            _table(document, section["header"], section["rows"], section["total"])
        else:
            docx_paragraph(document, text[empty])
    _indicators(document, data, text)
    _recommendations(document, data, text)
    if data["internal_note"]:
        docx_heading(document, text["internal_note"], level=1)
        _blocks(document, data["internal_note"])
    return docx_bytes(document)
