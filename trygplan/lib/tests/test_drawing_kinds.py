"""The draw-down chart, the flow diagram, the two maps and the one SVG -> PNG conversion."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pypdf import PdfReader

from trygplan.lib.drawing import (
    Bar,
    Box,
    Column,
    LegendItem,
    Link,
    Pin,
    Region,
    bar_chart,
    drawdown_chart,
    flow_diagram,
    line_chart,
    pin_map,
    polygon_map,
    regions_table,
    svg_to_png,
)
from trygplan.lib.drawing.chart import Point, Series
from trygplan.lib.files import pdf_from_html

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
LONG = "15. Færre sager falder mellem systemer/områdets udfordringer løses i fællesskab"


def _square(lon, lat, size=0.01):
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def _diagram():
    return flow_diagram(
        [
            Column("Aktiviteter", 0, 300, [Box("a1", "1. Dialog og kommunikation", "#004d99")]),
            Column("Resultater", 370, 200, [Box("r1", LONG), Box("r2", "2. Øget dialog")]),
            Column("Effekter", 860, 140, [Box("e1", "Øget oplevet tryghed")]),
        ],
        [Link("a1", "r1", "#004d99"), Link("r1", "e1"), Link("r2", "e1"), Link("a1", "gone")],
        title="Forandringsteorien",
        desc="1 aktivitet, 2 resultater og 1 effekt.",
        legend=[LegendItem("#004d99", "1. Dialog og kommunikation")],
        legend_title="Linjernes farve viser aktivitetens indsatsområde:",
    )


def _all_kinds():
    return {
        "line": line_chart([Series("Sigtelser", [Point("2015", 3)])], title="t", y_label="n"),
        "bar": bar_chart([Bar(LONG, 5)], title="t", x_label="kr."),
        "drawdown": drawdown_chart(
            MONTHS, granted=[0, 10_000], spent=[0, 2_000], allocation=100_000, title="Træk"
        ),
        "diagram": _diagram(),
        "pins": pin_map(
            areas=[_square(12.59, 55.65)],
            route=[],
            pins=[Pin(12.595, 55.655, "1", "#b30000")],
            title="Kort",
        ),
        "polygons": polygon_map([Region("A", _square(12.5, 55.6), 3)], title="Distrikter"),
    }


@pytest.mark.parametrize("kind", sorted(_all_kinds()))
def test_every_kind_is_an_accessible_svg_without_inline_styles(kind):
    markup = _all_kinds()[kind]
    root = ET.fromstring(markup)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    assert "style=" not in markup and "<script" not in markup and "…" not in markup


def test_the_drawdown_chart_shows_all_months_and_the_allocation():
    markup = drawdown_chart(
        MONTHS, granted=[0, 10_000, 60_000], spent=[0, 0, 5_000], allocation=100_000, title="Træk"
    )
    texts = [t.text for t in ET.fromstring(markup).iter(f"{SVG}text")]
    assert all(month in texts for month in MONTHS)
    assert "Afsat 100.000 kr." in texts and "100.000" in texts
    assert len(re.findall(r'class="chart-point"', markup)) == 6  # 3 months × 2 lines
    assert not re.search(r'\b(x|y|x1|y1|x2|y2|cx|cy)="\d+,\d', markup)


def test_the_diagram_wraps_every_label_in_full_and_draws_only_links_with_two_ends():
    markup = _diagram()
    root = ET.fromstring(markup)
    box_text = [
        " ".join(span.text for span in text.iter(f"{SVG}tspan"))
        for text in root.iter(f"{SVG}text")
        if text.find(f"{SVG}tspan") is not None
    ]
    assert LONG in box_text  # on several lines, every word there
    assert markup.count("<path d=") == 3  # a1->r1, r1->e1, r2->e1; a1->gone is left out
    assert "Linjernes farve viser aktivitetens indsatsområde:" in markup


def test_a_box_grows_with_its_label():
    root = ET.fromstring(_diagram())
    heights = {
        " ".join(s.text for s in g.iter(f"{SVG}tspan")): float(g.find(f"{SVG}rect").get("height"))
        for g in root.iter(f"{SVG}g")
    }
    assert heights[LONG] > heights["2. Øget dialog"]


def test_the_pin_map_draws_the_area_and_numbered_pins():
    markup = pin_map(
        areas=[_square(12.59, 55.65)],
        route=[[12.591, 55.651], [12.599, 55.659]],
        pins=[Pin(12.595, 55.655, "1", "#b30000", "Fund 1: Belysning")],
        title="Kort over ruten og fundene",
    )
    assert markup.count("<polygon") == 1 and "<polyline" in markup
    assert ">1</text>" in markup and "<title>Fund 1: Belysning</title>" in markup


def test_a_tall_area_gets_a_narrower_map_not_a_taller_one():
    tall = {"type": "Polygon", "coordinates": [[[12.59, 55.6], [12.6, 55.6], [12.6, 55.7]]]}
    root = ET.fromstring(pin_map(areas=[tall], route=[], pins=[], title="Kort"))
    assert float(root.get("height")) == 640 and float(root.get("width")) < 200


def test_the_polygon_map_colours_regions_by_class_and_greys_what_has_no_value():
    regions = [
        Region("Urbanplanen", _square(12.59, 55.65), 40),
        Region("Hørgården", _square(12.60, 55.65), 10),
        Region("Holmbladsgade", _square(12.61, 55.65), None, "<5"),
    ]
    root = ET.fromstring(polygon_map(regions, title="Svar pr. område", unit="svar"))
    fills = {
        g.find(f"{SVG}title").text: g.find(f"{SVG}path").get("fill")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "map-region"
    }
    assert fills["Holmbladsgade: <5"] == "#e0e0e0"
    assert fills["Urbanplanen: 40"] != fills["Hørgården: 10"]
    assert "Ingen data eller skjult" in [t.text for t in root.iter(f"{SVG}text")]
    assert regions_table(regions, name_label="Område", value_label="Svar")["rows"] == [
        ["Urbanplanen", "40"],
        ["Hørgården", "10"],
        ["Holmbladsgade", "<5"],
    ]


def test_a_region_with_a_hole_is_one_path_filled_even_odd():
    outer = [[12.5, 55.6], [12.6, 55.6], [12.6, 55.7], [12.5, 55.7], [12.5, 55.6]]
    hole = [[12.52, 55.62], [12.58, 55.62], [12.58, 55.68], [12.52, 55.62]]
    geometry = {"type": "Polygon", "coordinates": [outer, hole]}
    root = ET.fromstring(polygon_map([Region("A", geometry, 1)], title="t"))
    path = root.find(f".//{SVG}path")
    assert path.get("fill-rule") == "evenodd" and path.get("d").count("M") == 2


def test_svg_to_png_draws_the_same_picture_at_twice_its_size():
    png = svg_to_png(_diagram())
    width = float(ET.fromstring(_diagram()).get("width"))
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size[0] == 2 * width
        colours = image.convert("RGB").getcolors(maxcolors=100_000)
    assert len(colours) > 10  # lines and text were drawn, not a blank canvas


def test_weasyprint_draws_the_wrapped_labels_in_the_pdf():
    pdf = pdf_from_html(f"<html><body>{_diagram()}</body></html>")
    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert "Færre sager falder mellem" in text and "fællesskab" in text
