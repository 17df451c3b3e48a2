"""The walk protocol (referat) as PDF and Word, with a route map drawn on the server:
the partnership polygon, the route and numbered pins, no background tiles."""

import base64
import io
import math

from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from trygplan.lib.files import (
    CONTENT_TYPES,
    Rendered,
    docx_add_table,
    docx_bytes,
    docx_document,
    pdf_from_template,
)

MAP_WIDTH = 640
MAP_PADDING = 16


class Projection:
    """Longitude/latitude to pixels (equirectangular, fine for a neighbourhood)."""

    def __init__(self, points: list, width: int = MAP_WIDTH):
        lons = [p[0] for p in points] or [12.6]
        lats = [p[1] for p in points] or [55.66]
        self.min_lon, self.max_lon = min(lons), max(lons)
        self.min_lat, self.max_lat = min(lats), max(lats)
        self.kx = math.cos(math.radians((self.min_lat + self.max_lat) / 2))
        span_x = max((self.max_lon - self.min_lon) * self.kx, 1e-5)
        span_y = max(self.max_lat - self.min_lat, 1e-5)
        self.scale = (width - 2 * MAP_PADDING) / span_x
        self.width = width
        self.height = round(span_y * self.scale + 2 * MAP_PADDING)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        x = MAP_PADDING + (lon - self.min_lon) * self.kx * self.scale
        y = MAP_PADDING + (self.max_lat - lat) * self.scale
        return round(x, 1), round(y, 1)


def _rings(partnership) -> list:
    if not partnership.area:
        return []
    area = partnership.area
    polygons = [area["coordinates"]] if area["type"] == "Polygon" else area["coordinates"]
    return [polygon[0] for polygon in polygons]


def _projection(walk, findings) -> Projection:
    points = [pt for ring in _rings(walk.partnership) for pt in ring]
    points += walk.route_points + [[f.lon, f.lat] for f in findings]
    return Projection(points)


def route_map_svg(walk, findings) -> str:
    """An SVG map of the walk: area, route, and each finding's number in a circle coloured
    by status (the number makes it readable in black and white as well)."""
    proj = _projection(walk, findings)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {proj.width} {proj.height}" '
        f'width="{proj.width}" height="{proj.height}" role="img" '
        f'aria-label="{escape(_("Kort over ruten og fundene"))}">',
        f'<rect width="{proj.width}" height="{proj.height}" fill="#f5f5f5"/>',
    ]
    for ring in _rings(walk.partnership):
        points = " ".join("{},{}".format(*proj.xy(lon, lat)) for lon, lat in ring)
        parts.append(
            f'<polygon points="{points}" fill="#0059b3" fill-opacity="0.12" '
            'stroke="#0059b3" stroke-width="2"/>'
        )
    if walk.route_points:
        points = " ".join("{},{}".format(*proj.xy(lon, lat)) for lon, lat in walk.route_points)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="#1a1a1a" stroke-width="3" '
            'stroke-dasharray="8 4"/>'
        )
    for finding in findings:
        x, y = proj.xy(finding.lon, finding.lat)
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="10" fill="{finding.status_colour}" '
            'stroke="#fff" stroke-width="2"/>'
            f'<text x="{x}" y="{y + 4}" text-anchor="middle" font-size="11" '
            f'font-family="sans-serif" font-weight="bold" fill="#fff">{finding.number}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def route_map_png(walk, findings) -> bytes:
    """The same map as a PNG, for Word (which cannot show SVG)."""
    from PIL import Image, ImageDraw

    proj = _projection(walk, findings)
    image = Image.new("RGB", (proj.width, proj.height), "#f5f5f5")
    draw = ImageDraw.Draw(image)
    for ring in _rings(walk.partnership):
        draw.polygon([proj.xy(lon, lat) for lon, lat in ring], fill="#dbe6f2", outline="#0059b3")
    if walk.route_points:
        draw.line([proj.xy(lon, lat) for lon, lat in walk.route_points], fill="#1a1a1a", width=3)
    for finding in findings:
        x, y = proj.xy(finding.lon, finding.lat)
        draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=finding.status_colour, outline="#fff")
        draw.text((x, y), str(finding.number), fill="#fff", anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


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
    document.add_heading(_("Referat: %(title)s") % {"title": walk.title}, level=1)
    document.add_paragraph(
        _("%(partnership)s · %(date)s · %(light)s · %(season)s")
        % {
            "partnership": walk.partnership.name,
            "date": timezone.localtime(walk.starts_at).strftime("%d.%m.%Y %H:%M"),
            "light": walk.get_light_display(),
            "season": walk.get_season_display(),
        }
    )
    if walk.theme:
        document.add_paragraph(_("Tema: %(theme)s") % {"theme": walk.theme})
    document.add_heading(_("Deltagere"), level=2)
    participants = list(walk.participants.select_related("organisation"))
    docx_add_table(
        document,
        [_("Organisation eller gruppe"), _("Antal")],
        [[p.label, p.count] for p in participants],
        total_row=[_("I alt"), sum(p.count for p in participants)],
    )
    for label, text in (
        (_("Formøde"), walk.pre_meeting_notes),
        (_("Afsluttende møde"), walk.closing_meeting_notes),
    ):
        if text:
            document.add_heading(label, level=2)
            document.add_paragraph(text)
    document.add_heading(_("Rute og fund"), level=2)
    document.add_picture(io.BytesIO(route_map_png(walk, findings)), width=Cm(16))
    document.add_heading(_("Fund"), level=2)
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
                document.add_paragraph(
                    _("Fund %(number)s: %(kind)s")
                    % {"number": finding.number, "kind": photo.get_kind_display()}
                )
                with photo.image.open("rb") as handle:
                    document.add_picture(io.BytesIO(handle.read()), width=Cm(8))
    return Rendered(_filename(walk, "docx"), CONTENT_TYPES["docx"], docx_bytes(document))
