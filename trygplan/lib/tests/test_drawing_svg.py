"""The SVG builder and text wrapping every drawing uses."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from trygplan.lib.drawing import svg, text


def test_text_and_attributes_are_escaped():
    markup = svg.tag("text", '<script>alert("x")</script> & co', x=1, fill='"red"')
    assert "<script" not in markup
    element = ET.fromstring(markup)
    assert element.text == '<script>alert("x")</script> & co'
    assert element.get("fill") == '"red"'


def test_control_characters_are_left_out_so_the_svg_stays_xml():
    markup = svg.tag("text", "Dialog\x01og\x0bkommunikation", fill="#000\x00")
    element = ET.fromstring(markup)
    assert element.text == "Dialogogkommunikation" and element.get("fill") == "#000"


def test_markup_children_are_kept_and_names_get_dashes():
    markup = svg.tag("g", svg.tag("title", "Fund 1"), stroke_width=2, class_="pin", hidden=None)
    assert markup == '<g stroke-width="2" class="pin"><title>Fund 1</title></g>'


def test_a_style_attribute_is_refused():
    with pytest.raises(ValueError):
        svg.tag("rect", style="fill:red")


def test_coordinates_are_written_with_a_point_in_danish_too():
    with translation.override("da"):
        assert svg.tag("circle", cx=95.54, cy=10.0, r=4) == '<circle cx="95.5" cy="10" r="4"/>'
    assert svg.points([(1.25, 2), (3, -0.01)]) == "1.2,2 3,0"


def test_the_root_is_an_image_with_a_title_and_a_description():
    root = ET.fromstring(
        svg.svg_root(width=100, height=50, title="Titel", desc="Beskrivelse", ident="x", kind="map")
    )
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "x-title x-desc"
    assert root.get("class") == "drawing drawing-map"
    assert (root.get("width"), root.get("height"), root.get("viewBox")) == (
        "100",
        "50",
        "0 0 100 50",
    )


def test_a_label_is_wrapped_in_full_never_cut():
    label = "15. Færre sager falder mellem systemer/områdets udfordringer løses i fællesskab"
    lines = text.wrap(label, 200)
    assert len(lines) > 1
    assert " ".join(lines) == label
    assert all(text.text_width(line) <= 200 for line in lines)
    assert "…" not in "".join(lines)


def test_a_word_wider_than_the_line_is_broken_inside_it():
    word = "Tryghedsundersøgelsesarbejdsgruppemødereferat"
    lines = text.wrap(word, 80)
    assert len(lines) > 1 and "".join(lines) == word


def test_text_is_measured_in_the_pages_font():
    assert text.font_files()[0].endswith("IBMPlexSans-Regular.ttf")
    assert text.text_width("WWW") > text.text_width("iii")
    assert text.text_width("Aktivitet", 12, bold=True) > text.text_width("Aktivitet", 12)
