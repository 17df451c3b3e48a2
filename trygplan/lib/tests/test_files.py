import csv
import io

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from trygplan.lib import files
from trygplan.lib.files import Rendered


def test_pdf_from_html_contains_the_text():
    pdf = files.pdf_from_html("<html lang='da'><body><p>Tryghedsplan for Amager</p></body>")
    assert pdf.startswith(b"%PDF")
    assert "Tryghedsplan for Amager" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_pdf_reads_static_files_from_disk(settings):
    html = (
        "<html><head><style>@font-face{font-family:Plex;src:url(/static/vendor/dkfds/fonts/"
        "IBMPlexSans/complete/woff/IBMPlexSans-Regular.woff)} body{font-family:Plex}</style>"
        "</head><body><p>Æblegrød på Amager</p></body></html>"
    )
    pdf = files.pdf_from_html(html)
    reader = PdfReader(io.BytesIO(pdf))
    fonts = str(reader.pages[0]["/Resources"]["/Font"].get_object())
    assert "Æblegrød på Amager" in reader.pages[0].extract_text()
    assert "Plex" in str(
        [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    ), fonts


def test_pdf_never_fetches_over_the_network():
    fetcher = files._local_url_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.com/tracker.png")
    with pytest.raises(ValueError):
        fetcher.fetch("https://trygplan.invalid/etc/passwd")
    with pytest.raises(Exception):  # noqa: B017 - SuspiciousFileOperation or ValueError
        fetcher.fetch("https://trygplan.invalid/static/../../../etc/passwd")


def test_docx_table_right_aligns_money_with_danish_thousands():
    document = files.docx_document("Tryghedsplan 2016")
    files.docx_add_table(
        document,
        ["Aktivitet", "2016"],
        [["Byrumspulje", 150000], ["Akutpulje", None]],
        money_columns=(1,),
        total_row=["I alt", 1500000],
    )
    reopened = docx.Document(io.BytesIO(files.docx_bytes(document)))
    table = reopened.tables[0]
    assert [c.text for c in table.rows[1].cells] == ["Byrumspulje", "150.000"]
    assert table.rows[2].cells[1].text == ""
    assert [c.text for c in table.rows[3].cells] == ["I alt", "1.500.000"]
    assert table.rows[1].cells[1].paragraphs[0].alignment == 2  # RIGHT
    assert table.rows[3].cells[0].paragraphs[0].runs[0].bold


def test_docx_document_is_danish_with_page_numbers():
    document = files.docx_document("Tryghedsplan 2016")
    content = files.docx_bytes(document)
    reopened = docx.Document(io.BytesIO(content))
    assert reopened.core_properties.title == "Tryghedsplan 2016"
    assert 'w:val="da-DK"' in reopened.styles["Normal"].element.xml
    footer_xml = reopened.sections[0].footer._element.xml
    assert "NUMPAGES" in footer_xml
    assert "Side" in reopened.sections[0].footer.paragraphs[0].text


def test_xlsx_keeps_numbers_as_numbers_and_bolds_the_header():
    content = files.xlsx_bytes([("Oversigt", ["Nr.", "2016"], [[1, 150000], [2, None]])])
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet.title == "Oversigt"
    assert [c.value for c in sheet[1]] == ["Nr.", "2016"]
    assert sheet["A1"].font.bold
    assert sheet["B2"].value == 150000
    assert sheet["B3"].value is None


def test_csv_is_semicolon_separated_utf8_with_bom_and_crlf():
    content = files.csv_bytes(["Nr.", "Aktivitet", "2016"], [[1, "Lommepengeprojekter", 5000]])
    assert content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Nr.", "Aktivitet", "2016"], ["1", "Lommepengeprojekter", "5000"]]


# --- Defused spreadsheets, clean Word files -------------------------------------------------

ATTACKS = [
    '=HYPERLINK("http://evil.example/x","Se bilag")',
    "=1+1",
    "@SUM(A1)",
    "-1+2",
    "+A1",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_csv_cell_that_would_be_a_formula_gets_a_quote(text):
    content = files.csv_bytes(["Titel"], [[text]])
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1] == ["'" + text]


@pytest.mark.parametrize("text", ATTACKS)
def test_an_excel_cell_that_would_be_a_formula_is_text(text):
    content = files.xlsx_bytes([("Ark", ["Titel"], [[text]])])
    cell = load_workbook(io.BytesIO(content)).worksheets[0]["A2"]
    assert cell.data_type == "s"
    assert cell.value == text  # shown as typed, marked as text (Excel's leading ')
    assert cell.quotePrefix


def test_numbers_stay_numbers_and_a_plain_signed_number_is_left_alone():
    rows = [[-5, 1.5, "-5", "+2", "-1.234,5", "-21-21"]]
    content = files.csv_bytes(["a", "b", "c", "d", "e", "f"], rows)
    lines = content.decode("utf-8-sig").split("\r\n")
    assert lines[1] == "-5;1.5;-5;+2;-1.234,5;'-21-21"
    sheet = load_workbook(io.BytesIO(files.xlsx_bytes([("Ark", ["a"] * 6, rows)]))).active
    assert [c.value for c in sheet[2]] == [-5, 1.5, "-5", "+2", "-1.234,5", "-21-21"]
    assert [c.data_type for c in sheet[2]] == ["n", "n", "s", "s", "s", "s"]
    assert not sheet["C2"].quotePrefix and sheet["F2"].quotePrefix


def test_control_characters_and_lone_surrogates_are_removed_from_spreadsheets():
    text = "Lys\x0bi\x00 passagen\x1f\ud800\x7f"
    lines = files.csv_bytes(["Titel\x0c"], [[text]]).decode("utf-8-sig").split("\r\n")
    assert lines[:2] == ["Titel", "Lysi passagen"]
    sheet = load_workbook(io.BytesIO(files.xlsx_bytes([("Ark\x0b", ["Titel"], [[text]])]))).active
    assert sheet["A2"].value == "Lysi passagen" and sheet.title == "Ark"


def test_tabs_and_line_breaks_inside_a_text_are_kept():
    assert files.clean_text("Linje 1\r\nLinje 2\tslut") == "Linje 1\r\nLinje 2\tslut"


def test_every_word_helper_removes_control_characters():
    document = files.docx_document("Referat\x0b")
    files.docx_heading(document, "Overskrift\x0b", level=1)
    paragraph = files.docx_paragraph(document, "Afsnit\x0b\x00")
    files.docx_run(paragraph, " og mere\x1f", bold=True)
    files.docx_add_table(document, ["Felt\x0b"], [["Værdi\x0b"]])
    reopened = docx.Document(io.BytesIO(files.docx_bytes(document)))
    assert reopened.core_properties.title == "Referat"
    texts = [p.text for p in reopened.paragraphs]
    assert texts[:2] == ["Overskrift", "Afsnit og mere"]
    assert reopened.paragraphs[1].runs[1].bold
    assert [c.text for row in reopened.tables[0].rows for c in row.cells] == ["Felt", "Værdi"]


def test_python_docx_itself_refuses_control_characters():
    """Why every Word text goes through docx_text: without it the download is a 500."""
    document = files.docx_document("x")
    with pytest.raises(ValueError):
        document.add_paragraph("Afsnit\x0b")


def test_a_pdf_with_control_characters_or_a_lone_surrogate_renders_without_them():
    html = "<html><body><p>Før\x0bEfter\x00 nul \ud800slut</p></body></html>"
    text = PdfReader(io.BytesIO(files.pdf_from_html(html))).pages[0].extract_text()
    assert "FørEfter nul slut" in text


def test_a_picture_taller_than_the_page_is_made_narrower():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (100, 400), "white").save(buffer, format="PNG")
    document = files.docx_document("x")
    picture = files.docx_picture(
        document, buffer.getvalue(), alt="Kort", width_cm=16, max_height_cm=20
    )
    assert round(picture.width.cm, 1) == 5.0 and round(picture.height.cm, 1) == 20.0
    assert picture._inline.docPr.get("descr") == "Kort"


def test_download_response_has_a_safe_attachment_filename():
    rendered = Rendered('Tryghedsplan 2016 – Amager/Ørestad".pdf', "application/pdf", b"%PDF")
    response = files.download_response(rendered)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Tryghedsplan-2016-Amager-Oerestad.pdf"'
    )
    assert response.content == b"%PDF"


def test_download_response_can_be_inline():
    response = files.download_response(Rendered("a.html", "text/html", b"<p>"), inline=True)
    assert response["Content-Disposition"].startswith("inline;")


def test_a_small_count_of_people_is_written_as_under_five_in_every_writer():
    import docx as python_docx
    from openpyxl import load_workbook

    from trygplan.lib.small_numbers import PeopleCount

    rows = [["Unge", PeopleCount(3)], ["Voksne", PeopleCount(37)]]
    text = files.csv_bytes(["Gruppe", "Antal"], rows).decode("utf-8-sig")
    assert "Unge;<5" in text and "Voksne;37" in text
    sheet = load_workbook(io.BytesIO(files.xlsx_bytes([("Ark", ["Gruppe", "Antal"], rows)]))).active
    assert [cell.value for cell in sheet["B"]][1:] == ["<5", 37]
    document = files.docx_document("Test")
    files.docx_add_table(document, ["Gruppe", "Antal"], rows)
    reopened = python_docx.Document(io.BytesIO(files.docx_bytes(document)))
    cells = [cell.text for row in reopened.tables[0].rows for cell in row.cells]
    assert "<5" in cells and "3" not in cells


def test_a_formula_made_by_code_is_a_formula_in_excel_and_its_value_in_csv():
    import io

    from openpyxl import load_workbook

    from trygplan.lib.files import Formula, csv_bytes, xlsx_bytes

    total = Formula.sum("B", 2, 3, value=30)
    rows = [["a", 10], ["=SUM(B2:B3)", 20], ["I alt", total]]
    sheet = load_workbook(io.BytesIO(xlsx_bytes([("Ark", ["x", "y"], rows)])))["Ark"]
    assert sheet["B4"].value == "=SUM(B2:B3)" and sheet["B4"].data_type == "f"
    # the same text typed by a person stays inert text
    assert sheet["A3"].data_type == "s" and sheet["A3"].quotePrefix
    assert csv_bytes(["x", "y"], rows).decode("utf-8-sig").splitlines()[-1] == "I alt;30"


def test_a_formula_takes_only_a_column_range():
    import pytest

    from trygplan.lib.files import Formula

    with pytest.raises(ValueError):
        Formula.sum("B2);HYPERLINK(", 2, 3, value=0)
