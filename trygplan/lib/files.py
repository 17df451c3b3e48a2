"""The small rendering contract every module uses to produce files.

A renderer returns a `Rendered` (filename, content type, bytes); a view hands it to
`download_response`. Helpers here know formats, not domain objects:

- HTML and PDF come from ONE Django template tree (`html_from_template`, `pdf_from_html`,
  `pdf_from_template`); WeasyPrint resolves `{% static %}` URLs from the local static files
  and never fetches anything over the network.
- Word: `docx_document`, `docx_add_table`, `docx_bytes` (python-docx). Every text that goes
  into a Word file passes `docx_text` (through `docx_heading`, `docx_paragraph`, `docx_run`):
  python-docx refuses control characters, so one typed into a form must not break the file.
- Spreadsheets: `xlsx_bytes` (openpyxl) and `csv_bytes` (semicolon, UTF-8 with BOM, CRLF: what
  Danish Excel opens without a wizard). Both defuse cells (`defuse_cell`): a text beginning
  with `=`, `+`, `-`, `@`, a tab or a carriage return cannot become a formula (OWASP's CSV
  injection advice); numbers stay numbers. Control characters are removed (`clean_text`).
"""

from __future__ import annotations

import csv
import io
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

from trygplan.lib.small_numbers import shown
from trygplan.lib.text import transliterate

__all__ = [
    "CONTENT_TYPES",
    "Rendered",
    "clean_text",
    "clean_tree",
    "csv_bytes",
    "defuse_cell",
    "docx_add_table",
    "docx_bytes",
    "docx_document",
    "docx_heading",
    "docx_paragraph",
    "docx_picture",
    "docx_run",
    "docx_text",
    "download_response",
    "html_from_template",
    "pdf_from_html",
    "pdf_from_template",
    "safe_filename",
    "xlsx_bytes",
]

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
}

# WeasyPrint sees documents as if served from this (never contacted) origin; the URL fetcher
# maps its /static/ paths to files on disk and refuses everything else.
_BASE_URL = "https://trygplan.invalid/"


@dataclass(frozen=True)
class Rendered:
    filename: str
    content_type: str
    content: bytes


# --- Text that goes into files -------------------------------------------------------------

# C0 controls but tab, line feed and carriage return; DEL; lone surrogates (a str can hold
# them, UTF-8 cannot); U+FFFE and U+FFFF (not characters in XML). Word and Excel files are XML
# and refuse them; a CSV with a surrogate cannot even be encoded.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# "-5", "+2", "-1.234,5": a spreadsheet reads these as the number they are; nothing can run.
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def clean_text(value: str) -> str:
    """`value` without the characters that break Word, Excel or UTF-8 (tab and newlines stay)."""
    return _CONTROL.sub("", value)


def clean_tree(value):
    """Every string in a tree of lists and dicts (a typesetter's data) through `clean_text`."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_tree(item) for item in value]
    if isinstance(value, dict):
        return {key: clean_tree(item) for key, item in value.items()}
    return value


def _is_formula_like(text: str) -> bool:
    return text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def defuse_cell(value):
    """A spreadsheet cell that cannot run: a text that a spreadsheet would read as a formula
    (`=HYPERLINK(...)`, `+A1`, `-1+2`, `@SUM(A1)`, a leading tab or carriage return) gets a
    leading `'`; control characters are removed. Numbers (and None) are returned as they are;
    so is a text that is only a signed number ("-5"), which a spreadsheet reads as that
    number. A count of people (`PeopleCount`) is written as it may be shown ("<5")."""
    value = shown(value)
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "'" + text if _is_formula_like(text) else text


# --- HTML and PDF --------------------------------------------------------------------------


def html_from_template(template_name: str, context: dict, *, request=None) -> str:
    """The template as a document's HTML, without control characters (which WeasyPrint
    draws as empty boxes) or lone surrogates (which cannot be written as UTF-8)."""
    return clean_text(render_to_string(template_name, context, request=request))


def _static_path(url: str) -> Path | None:
    prefix = _BASE_URL + settings.STATIC_URL.lstrip("/")
    if not url.startswith(prefix):
        return None
    found = finders.find(url[len(prefix) :].split("?")[0].split("#")[0])
    return Path(found) if found else None


def _local_url_fetcher():
    """A WeasyPrint fetcher that serves static files from disk (and data: URLs) and refuses
    the network and arbitrary files."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalStaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _static_path(url)
            if path is None:
                raise ValueError(f"Refusing to fetch {url!r} while rendering a PDF")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, path.read_bytes(), headers={"Content-Type": content_type}
            )

    return LocalStaticFetcher(allowed_protocols=("https", "data"))


def pdf_from_html(html: str) -> bytes:
    """A PDF from HTML; `{% static %}` files (fonts, css, images) are read from disk."""
    from weasyprint import HTML  # imported lazily: it is heavy and only needed here

    html = clean_text(html)
    return HTML(string=html, base_url=_BASE_URL, url_fetcher=_local_url_fetcher()).write_pdf()


def pdf_from_template(template_name: str, context: dict) -> bytes:
    return pdf_from_html(html_from_template(template_name, context))


# --- Word ------------------------------------------------------------------------------------


def docx_text(value) -> str:
    """Any value as text Word accepts: None is empty, control characters are removed, a
    count of people as it may be shown ("<5")."""
    return "" if value is None else clean_text(str(shown(value)))


def docx_heading(document, text, level: int = 1):
    return document.add_heading(docx_text(text), level=level)


def docx_paragraph(container, text="", style: str | None = None):
    """A paragraph in a document (or a table cell, a header, a footer)."""
    return container.add_paragraph(docx_text(text), style=style)


def docx_run(paragraph, text="", *, bold: bool | None = None):
    run = paragraph.add_run(docx_text(text))
    if bold is not None:
        run.bold = bold
    return run


def _docx_page_number_field(paragraph, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = docx_run(paragraph)
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = docx_text(text)
        run._r.append(element)
        if kind == "separate":
            placeholder = OxmlElement("w:t")
            placeholder.text = docx_text(1)
            run._r.append(placeholder)


def _docx_set_language(style, lang: str = "da-DK") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr = style.element.get_or_add_rPr()
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        element.set(qn(attribute), lang)


def docx_document(title: str):
    """A Word document with Danish language on every style, a sane font and A4 pages whose
    footer reads "Side N af M"."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    document = Document()
    document.core_properties.title = docx_text(title)
    document.core_properties.language = "da-DK"
    for style in document.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
            _docx_set_language(style)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    for level, size in ((1, 16), (2, 13), (3, 11.5)):
        heading = document.styles[f"Heading {level}"]
        heading.font.name = "Calibri"
        heading.font.size = Pt(size)
        heading.font.color.rgb = RGBColor(0x00, 0x3D, 0x7A)
    title_style = document.styles["Title"]
    title_style.font.name = "Calibri"
    title_style.font.size = Pt(26)

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    docx_run(footer, "Side ")
    _docx_page_number_field(footer, "PAGE")
    docx_run(footer, " af ")
    _docx_page_number_field(footer, "NUMPAGES")
    return document


def _docx_money(value) -> str:
    from trygplan.lib.money import format_kroner

    if value is None or value == "":
        return ""
    return format_kroner(value).removesuffix(" kr.")


def docx_add_table(
    document, header: list[str], rows: list[list], *, money_columns=(), total_row=None
):
    """A grid table; cells in `money_columns` (indexes) show whole kroner as "1.500.000",
    right-aligned. `total_row` (same shape as a row) is appended in bold."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    all_rows = [*rows, total_row] if total_row is not None else list(rows)
    table = document.add_table(rows=1 + len(all_rows), cols=len(header))
    table.style = "Table Grid"
    for index, (row_cells, values) in enumerate(zip(table.rows, [header, *all_rows], strict=True)):
        bold = index == 0 or (total_row is not None and index == len(all_rows))
        for column, (cell, value) in enumerate(zip(row_cells.cells, values, strict=True)):
            is_money = column in money_columns
            text = _docx_money(value) if is_money and index else ("" if value is None else value)
            paragraph = cell.paragraphs[0]
            docx_run(paragraph, text, bold=bold)
            if is_money:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def docx_picture(document, png: bytes, *, alt: str = "", width_cm=16.0, max_height_cm=20.0):
    """A PNG as wide as `width_cm`, narrower if it would be taller than `max_height_cm` (a
    tall map stays on its page); `alt` is its alternative text for screen readers."""
    from docx.shared import Cm
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        pixels_wide, pixels_high = image.size
    width = min(width_cm, max_height_cm * pixels_wide / max(pixels_high, 1))
    picture = document.add_picture(io.BytesIO(png), width=Cm(width))
    if alt:
        picture._inline.docPr.set("descr", docx_text(alt))
    return picture


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Spreadsheets ----------------------------------------------------------------------------


def _xlsx_row(sheet, values) -> None:
    values = [shown(v) for v in values]  # a count of people as it may be shown ("<5")
    sheet.append([clean_text(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and _is_formula_like(cell.value):
            cell.data_type = "s"  # openpyxl took "=..." for a formula
            cell.quotePrefix = True


def xlsx_bytes(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    """One sheet per (title, header, rows). Numbers stay numbers; the header is bold and
    frozen; column widths follow the longest value (within reason). A text that a spreadsheet
    would read as a formula is written as text, marked as such (Excel's own leading `'`,
    "quote prefix"), so it shows as typed and never runs."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, header, rows in sheets:
        name = re.sub(r"[\[\]:*?/\\]", "", clean_text(title))[:31] or "Ark"
        sheet = workbook.create_sheet(title=name)
        _xlsx_row(sheet, header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            _xlsx_row(sheet, row)
        sheet.freeze_panes = "A2"
        for column, _ in enumerate(header, start=1):
            longest = max(
                (len(str(r[column - 1])) for r in [header, *rows] if r[column - 1] is not None),
                default=8,
            )
            sheet.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 8), 60)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, int | float):
                    cell.number_format = "#,##0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """Semicolon separated, UTF-8 with BOM, CRLF line ends; None becomes an empty cell; every
    cell defused (`defuse_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([defuse_cell(value) for value in header])
    for row in rows:
        writer.writerow(["" if value is None else defuse_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- HTTP ------------------------------------------------------------------------------------


def safe_filename(name: str) -> str:
    """ASCII letters, digits, dot, dash and underscore only ("Tryghedsplan 2016 – Amager.pdf"
    → "Tryghedsplan-2016-Amager.pdf"); Danish letters are transliterated."""
    name = unicodedata.normalize("NFKD", transliterate(name)).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")
    return re.sub(r"-{2,}", "-", name).replace("-.", ".") or "download"


def download_response(rendered: Rendered, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    disposition = "inline" if inline else "attachment"
    filename = safe_filename(rendered.filename)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Content-Length"] = str(len(rendered.content))
    response["X-Content-Type-Options"] = "nosniff"
    return response
