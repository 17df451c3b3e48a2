import xml.etree.ElementTree as ET

from trygplan.lib.drawing import (
    Annotation,
    Band,
    Bar,
    Point,
    Reference,
    Series,
    bar_chart,
    chart_table,
    line_chart,
)
from trygplan.lib.numbers import format_number

SVG = "{http://www.w3.org/2000/svg}"


def _series():
    return [Series("Sigtelser", [Point("2014", 12), Point("2015", None, "<5"), Point("2016", 9)])]


def test_a_line_chart_is_valid_accessible_svg():
    svg = line_chart(
        _series(),
        title="Sigtelser mod unge <18",
        y_label="antal",
        baseline=Reference(14, "Basislinje 2013"),
        target=[Point("2016", 10)],
        band=[Band("2016", 8.5, 11.5)],
        annotations=[Annotation("2015", "Solvangscentret nedrives")],
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Sigtelser mod unge <18"
    assert root.find(f"{SVG}desc") is not None
    assert "<script" not in svg


def test_a_hidden_value_is_written_as_its_label_and_not_drawn_as_a_point():
    svg = line_chart(_series(), title="t", y_label="antal")
    root = ET.fromstring(svg)
    points = root.findall(f"{SVG}circle")
    assert len(points) == 2
    hidden = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "chart-hidden"]
    assert hidden == ["<5"]


def test_the_band_baseline_target_and_annotation_are_drawn():
    svg = line_chart(
        _series(),
        title="t",
        y_label="antal",
        baseline=Reference(14, "Basislinje"),
        target=[Point("2016", 10)],
        band=[Band("2016", 8.5, 11.5)],
        annotations=[Annotation("2015", "Solvangscentret nedrives")],
    )
    for css in ("chart-band", "chart-baseline", "chart-target", "chart-annotation"):
        assert f'class="{css}"' in svg
    assert "Solvangscentret nedrives" in svg


def test_an_empty_chart_still_renders():
    ET.fromstring(line_chart([Series("Ingen", [])], title="tom", y_label="antal"))


def test_a_bar_chart_has_one_bar_per_row_and_highlights():
    svg = bar_chart(
        [
            Bar("1. Øget dialog", 150000, "150.000 kr."),
            Bar("13. Flere tilfredse", 0, highlight=True),
        ],
        title="Penge",
        x_label="kr.",
    )
    root = ET.fromstring(svg)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-bar"]
    assert len(bars) == 2
    assert bars[1].get("fill") != bars[0].get("fill")


def test_the_table_carries_the_same_figures_as_the_chart():
    table = chart_table(_series(), x_label="År", target=[Point("2016", 10)])
    assert table["columns"] == ["År", "Sigtelser", "Mål"]
    assert table["rows"] == [["2014", "12", ""], ["2015", "<5", ""], ["2016", "9", "10"]]


def test_numbers_are_written_the_danish_way():
    assert format_number(1234) == "1.234"
    assert format_number(12.5) == "12,5"
    assert format_number(1234.5) == "1.234,5"


def test_the_same_svg_renders_in_a_weasyprint_pdf():
    import io

    from pypdf import PdfReader
    from weasyprint import HTML

    svg = line_chart(_series(), title="Sigtelser", y_label="antal")
    pdf = HTML(string=f"<html><body>{svg}</body></html>").write_pdf()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "<5" in text and "2016" in text
