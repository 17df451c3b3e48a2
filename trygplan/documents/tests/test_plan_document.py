import io
import re

import docx
import pytest

from trygplan.documents.plan_document import build_plan_document, render_plan
from trygplan.plans.models import Plan

from .conftest import normalise


def assert_contains_all(text: str, needles) -> None:
    haystack = normalise(text)
    missing = [needle for needle in needles if normalise(needle) not in haystack]
    assert not missing, missing


def test_the_pdf_holds_every_activity_amount_total_footnote_and_result(
    plan2016, expected, pdf_text
):
    rendered = render_plan(plan2016, "pdf")
    assert rendered.content.startswith(b"%PDF")
    assert rendered.filename == "tryghedsplan-amager-2016.pdf"
    text = pdf_text(rendered.content)
    assert_contains_all(text, expected["names"])
    assert_contains_all(text, expected["amounts"])
    assert_contains_all(text, expected["totals"])
    assert_contains_all(text, expected["footnotes"])
    assert_contains_all(text, expected["results"])


def test_the_pdf_numbers_its_pages(plan2016, pdf_text):
    text = pdf_text(render_plan(plan2016, "pdf").content)
    pages = int(re.search(r"Side 2 af (\d+)", text).group(1))
    assert pages > 10
    assert f"Side {pages} af {pages}" in text


def test_the_word_document_holds_every_activity_amount_total_footnote_and_result(
    plan2016, expected, docx_text
):
    text = docx_text(render_plan(plan2016, "docx").content)
    assert_contains_all(text, expected["names"])
    assert_contains_all(text, expected["amounts"])
    assert_contains_all(text, expected["totals"])
    assert_contains_all(text, expected["footnotes"])
    assert_contains_all(text, expected["results"])


def test_the_web_page_holds_every_activity_amount_total_footnote_and_result(plan2016, expected):
    html = render_plan(plan2016, "html").content.decode()
    text = re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").replace("&quot;", '"')
    assert '<html lang="da">' in html
    assert_contains_all(text, expected["names"])
    assert_contains_all(text, expected["amounts"])
    assert_contains_all(text, expected["totals"])
    assert_contains_all(text, [f.replace("’", "’") for f in expected["footnotes"]])
    assert_contains_all(text, expected["results"])


def test_the_excel_overview_has_the_agreed_columns_rows_and_totals(plan2016, xlsx_rows):
    overview_sheet, notes_sheet = xlsx_rows(render_plan(plan2016, "xlsx").content)
    assert overview_sheet[0] == ["Nr.", "Indsatsområde", "Aktivitet", "2014", "2015", "2016"]
    assert overview_sheet[1] == [1, "1", "Dialog og kommunikation", 235000, 235000, 235000]
    assert overview_sheet[3] == [3, "1, 2 og 3", "Akutpulje", None, 100000, 50000]
    assert [row[0] for row in overview_sheet[1:-1]] == list(range(1, 18))
    assert overview_sheet[-1] == [
        "I alt",
        None,
        None,
        "=SUM(D2:D18)",
        "=SUM(E2:E18)",
        "=SUM(F2:F18)",
    ]
    assert len(notes_sheet) == 5
    assert notes_sheet[2] == [2, "Aktiviteten er ny i 2016."]


def test_the_csv_overview_matches_the_excel_one(plan2016, csv_rows):
    rows = csv_rows(render_plan(plan2016, "csv").content)
    assert rows[0] == ["Nr.", "Indsatsområde", "Aktivitet", "2014", "2015", "2016"]
    assert rows[2] == ["2", "2", "Byrumspulje", "50000", "100000", "100000"]
    assert rows[-1] == ["I alt", "", "", "750000", "1500000", "1500000"]
    assert len(rows) == 1 + 17 + 1


def test_in_text_footnotes_continue_after_the_overview_footnotes(plan2016):
    doc = build_plan_document(plan2016)
    numbers = sorted(doc.footnote_numbers.values())
    assert numbers == list(range(5, 5 + len(numbers)))
    assert [note.number for note in doc.all_notes] == list(range(1, 5 + len(numbers)))
    html = render_plan(plan2016, "html").content.decode()
    assert '<li value="5" id="fn-urbanfestival">' in html


def test_a_row_footnote_in_the_economy_text_marks_the_row(plan2016):
    doc = build_plan_document(plan2016)
    dialog = doc.chapters[0].sections[0]
    row = dialog.economy.rows[0]
    assert row.label == "Deltidsansættelse af koordinatoren"
    assert row.marks == [doc.footnote_numbers["koordinator-medfinansiering"]]
    assert dialog.economy_text == ""


def test_a_described_activity_has_its_own_economy_table_from_the_budget_lines(plan2016):
    doc = build_plan_document(plan2016)
    pools = next(s for c in doc.chapters for s in c.sections if s.description.key == "puljer")
    assert pools.activity_numbers == [2, 3, 4]
    assert pools.economy.years == [2014, 2015, 2016]
    assert [row.label for row in pools.economy.rows] == [
        "Byrumspulje",
        "Akutpulje",
        "Pulje til tryghedsaktiviteter",
    ]
    assert pools.economy.totals == [50000, 240000, 190000]


def test_new_activities_say_so_and_ended_ones_only_appear_in_the_overview(plan2016):
    doc = build_plan_document(plan2016)
    sections = [s for c in doc.chapters for s in c.sections]
    streetsport = next(s for s in sections if s.description.key == "streetsport")
    assert streetsport.new_text == "Aktiviteten er ny i 2016"
    assert next(s for s in sections if s.description.key == "ung-i-job").new_text == ""
    ended = [row.activity for row in doc.overview.rows if row.activity.has_ended]
    assert [a.number for a in ended] == [13]
    assert all(13 not in s.activity_numbers for s in sections)


def test_chapters_follow_the_focus_areas_with_children_under_their_parent(plan2016):
    doc = build_plan_document(plan2016)
    assert [c.title for c in doc.chapters] == [
        "Indsatsområde 1: Dialog og kommunikationsindsats for at skabe et bedre omdømme",
        "Indsatsområde 2: Skabelse af et byrum, der opleves som trygt",
        "Indsatsområde 3: Brobygning til et godt voksenliv",
        "Øvrige aktiviteter",
    ]
    dialog = doc.chapters[0].sections[0]
    assert [child.description.key for child in dialog.children] == [
        "opfoelgning-tryghedsvandringer",
        "beboerinddragelse",
    ]


def test_the_diagram_links_activities_to_results_and_results_to_effects(plan2016):
    diagram = build_plan_document(plan2016).diagram
    kinds = [node.kind for node in diagram.nodes]
    assert kinds.count("activity") == 16  # 17 rows, 13 has ended
    assert kinds.count("result") == 15
    assert kinds.count("effect") == 2
    html = render_plan(plan2016, "html").content.decode()
    assert html.count("<path d=") == len(diagram.edges) > 30


def test_the_title_page_shows_the_version_and_the_approval(plan2016, draft2017):
    doc = build_plan_document(plan2016)
    assert doc.version == "Offentliggjort"
    assert doc.approval == "Godkendt af Økonomiudvalget 2. februar 2016"
    draft = build_plan_document(draft2017)
    assert draft.version == "Kladde"
    assert draft.approval == ""


def test_an_amendment_is_named_on_the_title_page_and_in_the_filename(plan2016):
    plan2016.amendment = 1
    plan2016.status = Plan.Status.DRAFT
    plan2016.save()
    doc = build_plan_document(plan2016)
    assert doc.version == "Kladde · Tillæg nr. 1"
    assert render_plan(plan2016, "csv").filename == "tryghedsplan-amager-2016-tillaeg-1.csv"


def test_the_checks_appendix_is_only_there_when_asked_for(plan2016, docx_text):
    assert build_plan_document(plan2016).checks is None
    doc = build_plan_document(plan2016, with_checks=True)
    assert isinstance(doc.checks, list)
    assert not [check for check in doc.checks if check.severity == "error"]
    assert "Bilag: Kontrol af planen" in docx_text(
        render_plan(plan2016, "docx", with_checks=True).content
    )


def test_unknown_formats_are_refused(plan2016):
    with pytest.raises(ValueError):
        render_plan(plan2016, "odt")


def test_building_the_document_takes_a_fixed_number_of_queries(
    plan2016, django_assert_max_num_queries
):
    plan = Plan.private_objects.select_related("partnership").get(pk=plan2016.pk)
    with django_assert_max_num_queries(22):
        assert build_plan_document(plan).overview.rows


def test_the_word_document_embeds_the_diagram_as_a_picture(plan2016):
    document = docx.Document(io.BytesIO(render_plan(plan2016, "docx").content))
    pictures = document.inline_shapes
    assert len(pictures) == 1
    image = pictures[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[image].content_type == "image/png"


def test_the_excel_totals_are_sums_that_give_the_plans_totals(plan2016, xlsx_rows):
    from openpyxl import load_workbook

    content = render_plan(plan2016, "xlsx").content
    sheet = load_workbook(io.BytesIO(content))["Oversigt"]
    totals = {}
    for column in "DEF":
        formula = sheet[f"{column}19"].value
        first, last = re.fullmatch(rf"=SUM\({column}(\d+):{column}(\d+)\)", formula).groups()
        totals[column] = sum(
            sheet[f"{column}{n}"].value or 0 for n in range(int(first), int(last) + 1)
        )
    assert totals == {"D": 750_000, "E": 1_500_000, "F": 1_500_000}
    assert sheet["D19"].number_format == "#,##0"


def test_the_economy_tables_carry_the_budget_lines_notes_in_every_format(
    plan2016, pdf_text, docx_text
):
    """The særmåling: the description's table says 36.000 for 2015, the overview 30.000; the
    web page's note says so, and so do the PDF and Word."""
    note = "Aktivitetsbeskrivelsens økonomitabel angiver 36.000 kr. for 2015"
    assert normalise(note) in normalise(pdf_text(render_plan(plan2016, "pdf").content))
    assert note in docx_text(render_plan(plan2016, "docx").content)
    assert note in render_plan(plan2016, "html").content.decode()


def test_a_plan_without_activities_has_plain_totals_in_excel(plan2016, xlsx_rows):
    from trygplan.plans.models import Activity

    Activity.objects.filter(plan=plan2016).delete()
    overview_sheet, _notes = xlsx_rows(render_plan(plan2016, "xlsx").content)
    assert overview_sheet[-1][0] == "I alt"
    assert all(not str(cell).startswith("=") for cell in overview_sheet[-1])
