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
