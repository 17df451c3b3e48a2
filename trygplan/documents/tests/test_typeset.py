"""The plan PDF laid out by Typst: tagged for accessibility (PDF/UA-1), and a plan's texts are
shown as typed, never read as Typst code."""

import io

from pypdf import PdfReader

from trygplan.documents.plan_document import render_plan
from trygplan.documents.plan_document.typeset import plan_data


def test_the_plan_pdf_is_tagged_pdf_ua_in_danish(plan2016):
    reader = PdfReader(io.BytesIO(render_plan(plan2016, "pdf").content))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]).startswith("da")
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp and "Tryghedsplan for Amager Partnerskab 2016" in xmp


def test_the_contents_list_the_chapters_with_page_numbers(plan2016, pdf_text):
    text = pdf_text(render_plan(plan2016, "pdf").content)
    contents = text[
        text.index("Indhold") : text.index("Om Amager Partnerskab", text.index("Indhold") + 10)
        + 200
    ]
    assert "Oversigt over aktiviteter" in contents
    assert any(character.isdigit() for character in contents)


def test_plan_texts_that_look_like_typst_code_are_printed_as_typed(plan2016, pdf_text):
    plan2016.introduction = 'Budget #let x = 1 $a$ *fed* ] "citat" \\ slut [^ukendt]'
    plan2016.save()
    text = pdf_text(render_plan(plan2016, "pdf").content)
    assert '#let x = 1 $a$ *fed* ] "citat" \\ slut' in text


def test_footnote_references_become_numbers_in_the_data(plan2016):
    from trygplan.documents.plan_document import build_plan_document

    doc = build_plan_document(plan2016)
    data = plan_data(doc)
    numbers = [
        run["n"]
        for chapter in data["chapters"]
        for section in chapter["sections"]
        for block in section["economy_text"] + section["text"]
        if block["kind"] == "p"
        for run in block["runs"]
        if "n" in run
    ]
    assert numbers and all(isinstance(number, int) for number in numbers)
