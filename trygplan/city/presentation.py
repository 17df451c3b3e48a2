"""The city overview as a map and as a table (the page's table and the Excel file)."""

import json
from functools import lru_cache

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from trygplan.lib import drawing

from .overview import CityOverview, districts


def city_map(city: CityOverview):
    """Every partnership's area, numbered as in the table, on the city's districts.

    Drawing the districts' outlines costs ~0.3 s, the same on every request, so the SVG is
    kept per process for the exact areas, district and language it was drawn for (`_drawn`):
    an area that changes is a new key, never a stale map."""
    areas = tuple(
        (str(n), row.partnership.name, json.dumps(row.partnership.area))
        for n, row in enumerate(city.rows, start=1)
        if row.partnership.area
    )
    return _drawn(areas, city.district, get_language())


@lru_cache(maxsize=64)
def _drawn(areas: tuple, district: str, language: str):
    background = [
        drawing.Region(name, geometry, None)
        for name, geometry, _box in districts()
        if not district or name == district
    ]
    if not areas and not background:
        return ""
    return drawing.areas_map(
        [drawing.Area(label, name, json.loads(area)) for label, name, area in areas],
        background=background,
        title=_("Kort over partnerskabernes områder"),
        desc=_("%(n)s partnerskaber, nummereret som i tabellen.") % {"n": len(areas)},
    )


def _status(row) -> str:
    if row.plan is None:
        return _("Ingen plan")
    return str(row.plan.get_status_display())


def table(city: CityOverview) -> tuple[list[str], list[list]]:
    header = [
        _("Partnerskab"),
        _("Bydel"),
        _("År"),
        _("Plan"),
        _("Status"),
        _("Ramme (kr.)"),
        _("Partnerskabsmidler (kr.)"),
        _("Medfinansiering (kr.)"),
        _("Leverancer på sporet"),
        _("Leverancer i risiko"),
        _("Leverancer ikke på sporet"),
        _("Åbne fund"),
        _("Fund over frist"),
        _("Puljer: bevilling (kr.)"),
        _("Puljer: disponeret (kr.)"),
        _("Puljer: forbrugt (kr.)"),
        _("Hovedindikatorer"),
    ]
    rows = []
    for row in city.rows:
        rows.append(
            [
                row.partnership.name,
                row.district,
                city.year,
                row.plan.title if row.plan else "",
                _status(row),
                row.money.frame,
                row.money.partnership,
                row.money.co_financing,
                row.on_track,
                row.at_risk,
                row.off_track,
                row.findings_open,
                row.findings_overdue,
                row.pools.allocation,
                row.pools.committed,
                row.pools.spent,
                "; ".join(
                    f"{indicator.name}: {value if value is not None else '–'} {indicator.unit}"
                    for indicator, value in row.indicators
                ),
            ]
        )
    return header, rows
