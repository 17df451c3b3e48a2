from trygplan.lib.text import footnote_keys, paragraphs, to_html


def test_paragraphs_and_bullets_are_kept_apart():
    blocks = paragraphs("Første afsnit\nfortsat.\n\n- en\n- to\n\nSidste.")
    assert blocks == [
        {"kind": "p", "text": "Første afsnit fortsat."},
        {"kind": "ul", "items": ["en", "to"]},
        {"kind": "p", "text": "Sidste."},
    ]


def test_html_is_escaped_and_footnotes_are_numbered():
    html = to_html("A <b>fed</b> tekst[^fn].", {"fn": 5})
    assert "&lt;b&gt;" in html
    assert '<sup><a href="#fn-fn" id="fnref-fn">5</a></sup>' in html


def test_an_unknown_footnote_marker_is_dropped_not_shown_raw():
    assert "[^x]" not in to_html("Tekst[^x].", {})
    assert footnote_keys("a[^x] b[^y-2]") == ["x", "y-2"]
