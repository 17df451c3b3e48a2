"""The walk protocol (referat) as PDF and Word, with a route map drawn on the server
(`trygplan.lib.drawing.pin_map`): the partnership polygon, the route and numbered pins, no
background tiles; the same SVG in the PDF and, as PNG, in Word."""

import base64
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.lib.drawing import Pin, pin_map, svg_to_png
from trygplan.lib.files import (
    CONTENT_TYPES,
    Rendered,
    docx_add_table,
    docx_bytes,
    docx_document,
    docx_heading,
    docx_paragraph,
    docx_picture,
    pdf_from_template,
)
from trygplan.lib.small_numbers import suppress_row


def route_map_svg(walk, findings) -> str:
    """An SVG map of the walk: area, route, and each finding's number in a circle coloured
    by status (the number makes it readable in black and white as well)."""
    findings = list(findings)
    pins = [
        Pin(
            f.lon,
            f.lat,
            str(f.number),
            f.status_colour,
            _("Fund %(number)s: %(category)s – %(status)s")
            % {
                "number": f.number,
                "category": f.get_category_display(),
                "status": f.get_status_display(),
            },
        )
        for f in findings
    ]
    return pin_map(
        areas=[walk.partnership.area] if walk.partnership.area else [],
        route=walk.route_points,
        pins=pins,
        title=_("Kort over ruten og fundene"),
        desc=_("Området, ruten (stiplet) og %(count)s fund, nummereret som i tabellen.")
        % {"count": len(pins)},
        width=MAP_WIDTH_PX,
        max_height=MAP_MAX_HEIGHT_PX,
        fit=route_view(walk.route_points, [[p.lon, p.lat] for p in pins]),
    )


# The map on an A4 page with 18 mm margins (174 × 261 mm; CSS px are 1/96 inch): at most
# 169 mm wide and 220 mm tall, so it and its heading always fit one page (protocol.html
# keeps them together and starts a new page when the rest of the page is too short).
MAP_WIDTH_PX = 640
MAP_MAX_HEIGHT_PX = 830
# Around the route and the pins, a margin of a fifth of their extent, at least ~100 m.
VIEW_MARGIN = 0.2
VIEW_MIN_MARGIN_DEG = 0.001


def route_view(route: list, pins: list) -> list | None:
    """The corners of the view for the route and the findings, with a margin; None (the
    whole area) when the walk has neither."""
    points = list(route) + list(pins)
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    margin_lon = max((max(lons) - min(lons)) * VIEW_MARGIN, VIEW_MIN_MARGIN_DEG * 1.8)
    margin_lat = max((max(lats) - min(lats)) * VIEW_MARGIN, VIEW_MIN_MARGIN_DEG)
    return [
        [min(lons) - margin_lon, min(lats) - margin_lat],
        [max(lons) + margin_lon, max(lats) + margin_lat],
    ]


def _photo_data_uri(photo) -> str:
    with photo.image.open("rb") as handle:
        data = base64.b64encode(handle.read()).decode("ascii")
    return f"data:image/jpeg;base64,{data}"


def protocol_context(walk, findings) -> dict:
    findings = list(findings)
    return {
        "walk": walk,
        "partnership": walk.partnership,
        "participants": list(walk.participants.select_related("organisation")),
        "findings": [
            {
                "finding": f,
                "photos": [_photo_data_uri(p) for p in f.photos.all() if p.image],
            }
            for f in findings
        ],
        "map_svg": route_map_svg(walk, findings),
        "generated": timezone.localdate(),
    }


def _filename(walk, extension: str) -> str:
    return f"Referat {walk.title} {walk.date.isoformat()}.{extension}"


def protocol_pdf(walk, findings) -> Rendered:
    content = pdf_from_template("walks/protocol.html", protocol_context(walk, findings))
    return Rendered(_filename(walk, "pdf"), CONTENT_TYPES["pdf"], content)


def protocol_docx(walk, findings) -> Rendered:
    from docx.shared import Cm

    findings = list(findings)
    document = docx_document(_("Referat: %(title)s") % {"title": walk.title})
    docx_heading(document, _("Referat: %(title)s") % {"title": walk.title}, level=1)
    docx_paragraph(
        document,
        _("%(partnership)s · %(date)s · %(light)s · %(season)s")
        % {
            "partnership": walk.partnership.name,
            "date": timezone.localtime(walk.starts_at).strftime("%d.%m.%Y %H:%M"),
            "light": walk.get_light_display(),
            "season": walk.get_season_display(),
        },
    )
    if walk.theme:
        docx_paragraph(document, _("Tema: %(theme)s") % {"theme": walk.theme})
    docx_heading(document, _("Deltagere"), level=2)
    participants = list(walk.participants.select_related("organisation"))
    safe = suppress_row([int(p.count) for p in participants])  # no small count worked out
    docx_add_table(
        document,
        [_("Organisation eller gruppe"), _("Antal")],
        [[p.label, cell] for p, cell in zip(participants, safe.cells, strict=True)],
        total_row=[_("I alt"), safe.total],
    )
    for label, text in (
        (_("Formøde"), walk.pre_meeting_notes),
        (_("Afsluttende møde"), walk.closing_meeting_notes),
    ):
        if text:
            docx_heading(document, label, level=2)
            docx_paragraph(document, text)
    docx_heading(document, _("Rute og fund"), level=2)
    docx_picture(
        document,
        svg_to_png(route_map_svg(walk, findings)),
        alt=_("Kort over ruten og fundene"),
        max_height_cm=18,
    )
    docx_heading(document, _("Fund"), level=2)
    docx_add_table(
        document,
        [
            _("Nr."),
            _("Kategori"),
            _("Sted og beskrivelse"),
            _("Forslag"),
            _("Ansvarlig"),
            _("Frist"),
            _("Status"),
        ],
        [
            [
                f.number,
                f.get_category_display() + (f" ({_('godt sted')})" if f.is_good_place else ""),
                " – ".join(x for x in (f.place, f.description) if x),
                f.proposed_measure,
                f.owner_label,
                f.deadline.strftime("%d.%m.%Y") if f.deadline else "",
                f.get_status_display(),
            ]
            for f in findings
        ],
    )
    for finding in findings:
        for photo in finding.photos.all():
            if photo.image:
                docx_paragraph(
                    document,
                    _("Fund %(number)s: %(kind)s")
                    % {"number": finding.number, "kind": photo.get_kind_display()},
                )
                with photo.image.open("rb") as handle:
                    document.add_picture(io.BytesIO(handle.read()), width=Cm(8))
    return Rendered(_filename(walk, "docx"), CONTENT_TYPES["docx"], docx_bytes(document))
