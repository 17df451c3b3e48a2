"""The report as PDF through Typst, as the plan document is (`documents.plan_document.typeset`):
the report's dict as JSON (every text a plain string, never Typst markup), each indicator's
chart as its own SVG file (the web page's drawing), the vendored IBM Plex Sans, a tagged
PDF/UA-1. Typst lays out the annual report in well under a second (`make bench`)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _

from trygplan.documents.plan_document.typeset import font_dir
from trygplan.lib.files import clean_tree

TEMPLATE = Path(__file__).with_name("typst") / "report.typ"

__all__ = ["report_pdf", "typst_files"]


def labels() -> dict:
    return {
        "contents": _("Indhold"),
        "page": _("Side"),
        "of": _("af"),
        "invented": _("Opdigtede demodata"),
        "summary": _("Sammenfatning"),
        "key_figures": _("Nøgletal"),
        "money": _("Budget og forbrug"),
        "activities": _("Aktiviteterne"),
        "status": _("Status"),
        "no_status": _("Ingen status skrevet."),
        "obstacles": _("Udfordringer"),
        "proposals": _("Forslag til styregruppen"),
        "comment": _("Bemærkning til koordinatoren"),
        "reported_by": _("Afrapporteret af"),
        "part_status": _("Delrapport"),
        "responsible": _("Ansvarlig"),
        "deliverables": _("Leverancer mod mål"),
        "untyped": _("leverancer uden talmål"),
        "no_deliverables": _("Ingen leverancer med talmål."),
        "pools": _("Puljerne"),
        "no_pools": _("Der er ingen puljer for året."),
        "grants": _("Bevillinger"),
        "proposal": _("Arbejdsgruppens forslag til resten af puljen"),
        "walks": _("Opfølgning på tryghedsvandringer"),
        "no_findings": _("Ingen fund fra tryghedsvandringer endnu."),
        "events": _("Arrangementer og deltagere"),
        "no_events": _("Ingen arrangementer i perioden."),
        "indicators": _("Resultater og effekter"),
        "recommendations": _("Indstillinger til styregruppen"),
        "no_recommendations": _("Ingen indstillinger."),
        "decision": _("Styregruppens beslutning"),
        "internal_note": _("Interne noter"),
    }


def typst_files(data: dict) -> dict[str, bytes]:
    """The files Typst compiles: the template, data.json and one SVG per chart."""
    payload = {key: value for key, value in data.items() if key != "indicators"}
    files = {}
    indicators = []
    for number, indicator in enumerate(data.get("indicators", [])):
        name = f"chart-{number}.svg"
        files[name] = indicator["svg"].encode()
        indicators.append({**{k: v for k, v in indicator.items() if k != "svg"}, "file": name})
    with translation.override("da"):
        payload.update(indicators=indicators, labels=labels())
    files["main.typ"] = TEMPLATE.read_bytes()
    files["data.json"] = json.dumps(clean_tree(payload), ensure_ascii=False).encode()
    return files


def report_pdf(data: dict) -> bytes:
    import typst

    day = datetime.date.fromisoformat(data["day"])
    return typst.compile(
        typst_files(data),
        font_paths=[font_dir()],
        ignore_system_fonts=True,
        pdf_standards=["ua-1"],
        # The report's day (noon UTC), so the same report gives the same file.
        timestamp=int(
            datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC).timestamp()
        ),
    )
