"""The walk protocol's map always fits its page: scaled to the route and the findings, every
pin inside the drawing, the drawing inside the page (on a page of its own when needed).
Checked on the demo's walks and on a walk with a long route and many findings."""

import datetime
import re
import uuid

import pytest
from django.utils import timezone

from trygplan.lib.files import _BASE_URL, _local_url_fetcher, html_from_template
from trygplan.walks.models import Finding, Walk
from trygplan.walks.protocol import protocol_context, route_map_svg

PIN_RADIUS = 10


def _pins(svg: str) -> list[tuple[float, float]]:
    return [
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    ]


def _size(svg: str) -> tuple[float, float]:
    width, height = re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', svg).groups()
    return float(width), float(height)


def _assert_pins_inside(svg: str, count: int) -> None:
    width, height = _size(svg)
    pins = _pins(svg)
    assert len(pins) == count
    for x, y in pins:
        assert PIN_RADIUS <= x <= width - PIN_RADIUS, (x, width)
        assert PIN_RADIUS <= y <= height - PIN_RADIUS, (y, height)


def _map_on_its_page(walk, findings) -> list:
    """Lay the protocol out (WeasyPrint) and return the page of the map's heading
    ("heading", page) and, for the map's drawing, (page, inside the page's content area,
    height)."""
    from weasyprint import HTML

    html = html_from_template("walks/protocol.html", protocol_context(walk, findings))
    document = HTML(string=html, base_url=_BASE_URL, url_fetcher=_local_url_fetcher()).render()
    placed = []
    for number, page in enumerate(document.pages, start=1):
        page_box = page._page_box
        bottom = page_box.content_box_y() + page_box.height
        right = page_box.content_box_x() + page_box.width
        for box in page_box.descendants():
            if getattr(box, "text", None) == "Rute og fund":
                placed.append(("heading", number))
            replacement = getattr(box, "replacement", None)
            if replacement is None or "SVG" not in type(replacement).__name__:
                continue
            inside = (
                box.content_box_y() >= page_box.content_box_y() - 0.5
                and box.content_box_y() + box.height <= bottom + 0.5
                and box.content_box_x() + box.width <= right + 0.5
            )
            placed.append((number, inside, box.height))
    return placed


def _long_walk(amager) -> tuple[Walk, list[Finding]]:
    """A 4 km route from Urbanplanen to Kastrup with 24 findings along it."""
    route = [[12.595 + i * 0.004, 55.653 - i * 0.0035] for i in range(16)]
    walk = Walk.private_objects.create(
        partnership=amager,
        title="Lang vandring til Kastrup",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19, 0)),
        light=Walk.Light.DARK,
        season=Walk.Season.AUTUMN,
        route={"type": "LineString", "coordinates": route},
        status=Walk.Status.WALKED,
        pre_meeting_notes="Formøde i beboerhuset.\n" * 12,
    )
    findings = [
        Finding.private_objects.create(
            walk=walk,
            number=n,
            client_uuid=uuid.uuid4(),
            lon=route[n % 16][0] + 0.0003,
            lat=route[n % 16][1] - 0.0002,
            category=Finding.Category.LIGHTING,
            place=f"Sted {n}",
            description="Mørkt og utrygt om aftenen.",
        )
        for n in range(1, 25)
    ]
    return walk, findings


def test_a_long_route_s_pins_are_all_inside_the_map(amager):
    walk, findings = _long_walk(amager)
    svg = route_map_svg(walk, findings)
    _assert_pins_inside(svg, len(findings))
    width, height = _size(svg)
    assert width <= 640 and height <= 830  # 169 × 220 mm: fits an A4 page with its heading


def test_the_map_is_scaled_to_the_route_and_findings_not_the_whole_area(amager, walk):
    """A short route in a corner of Urbanplanen fills the picture; the area is cut."""
    finding = Finding.private_objects.create(
        walk=walk, number=1, lon=12.5975, lat=55.654, category="lighting"
    )
    svg = route_map_svg(walk, [finding])
    (x1, y1), (x2, y2) = [
        tuple(float(v) for v in pair.split(","))
        for pair in re.search(r'<polyline points="([^"]+)"', svg).group(1).split(" ")
    ]
    width, height = _size(svg)
    assert abs(y2 - y1) > height * 0.5  # the route spans most of the picture


def test_a_long_route_s_map_fits_inside_its_page(amager):
    walk, findings = _long_walk(amager)
    (_heading, heading_page), (page, inside, _height) = _map_on_its_page(walk, findings)
    assert inside, f"the map runs off page {page}"
    assert heading_page == page


@pytest.fixture
def demo(amager, plan2016):
    from trygplan.walks.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    return Walk.private_objects.for_partnership(amager).filter(kind=Walk.Kind.WALK)


def test_every_demo_walk_s_map_shows_every_pin_inside_its_page(demo):
    assert demo.count() >= 6
    for walk in demo:
        findings = list(walk.findings.all())
        _assert_pins_inside(route_map_svg(walk, findings), len(findings))
        (_heading, heading_page), (page, inside, _height) = _map_on_its_page(walk, findings)
        assert inside and heading_page == page, (walk.title, heading_page, page)
