"""The plan document as Word (python-docx), from the same `PlanDocument` as the HTML/PDF."""

from __future__ import annotations

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trygplan.lib.drawing import svg_to_png
from trygplan.lib.files import (
    docx_add_table,
    docx_bytes,
    docx_document,
    docx_heading,
    docx_paragraph,
    docx_picture,
    docx_run,
    docx_text,
)
from trygplan.lib.text import FOOTNOTE_REF, paragraphs

from .data import DescriptionSection, EconomyTable, Note, PlanDocument


def _inline(paragraph, text: str, numbers: dict[str, int]) -> None:
    """Text with [^key] references as superscript footnote numbers."""
    position = 0
    for match in FOOTNOTE_REF.finditer(text):
        docx_run(paragraph, text[position : match.start()])
        if match.group(1) in numbers:
            docx_run(paragraph, numbers[match.group(1)]).font.superscript = True
        position = match.end()
    docx_run(paragraph, text[position:])


def _text(document, text: str, numbers: dict[str, int]) -> None:
    for block in paragraphs(text):
        if block["kind"] == "p":
            _inline(docx_paragraph(document), block["text"], numbers)
        else:
            for item in block["items"]:
                _inline(docx_paragraph(document, style="List Bullet"), item, numbers)


def _label(document, text: str) -> None:
    paragraph = docx_paragraph(document)
    paragraph.paragraph_format.space_before = 6 * 12700  # 6 pt in EMU
    paragraph.paragraph_format.keep_with_next = True
    docx_run(paragraph, text, bold=True)


def _notes(document, notes: list[Note]) -> None:
    from docx.shared import Pt

    for note in notes:
        paragraph = docx_paragraph(document)
        number = docx_run(paragraph, note.number)
        number.font.superscript = True
        run = docx_run(paragraph, " " + note.text)
        run.font.size = Pt(9)


# The elements that follow w:updateFields in w:settings (ECMA-376 CT_Settings).
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _toc(document, entries) -> None:
    """A real Word table-of-contents field, pre-filled with the headings so that it reads well
    before Word or LibreOffice updates it with page numbers."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    def field_char(run, kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    docx_heading(document, _("Indhold"), level=1)
    for index, (_anchor, title, level) in enumerate(entries):
        paragraph = docx_paragraph(document)
        paragraph.paragraph_format.left_indent = Cm(0.8 * (level - 1))
        if index == 0:
            run = docx_run(paragraph)
            field_char(run, "begin")
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = docx_text('TOC \\o "1-2" \\h \\z \\u')
            run._r.append(instruction)
            field_char(run, "separate")
        docx_run(paragraph, title)
        if index == len(entries) - 1:
            field_char(docx_run(paragraph), "end")
    # Ask Word to refresh the fields (page numbers in the contents) when the file is opened;
    # inserted in schema order, which Word insists on.
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.insert_element_before(update, *_SETTINGS_AFTER_UPDATE_FIELDS)


def _marks(cell, marks: list[int]) -> None:
    for mark in marks:
        docx_run(cell.paragraphs[0], mark).font.superscript = True


def _overview(document, doc: PlanDocument) -> None:
    overview = doc.overview
    header = [_("Indsatsområde"), _("Aktivitet")] + [
        _("Finansiering %(year)s/kr.") % {"year": year} for year in overview.years
    ]
    rows = [
        [
            row.focus_area_label,
            f"{row.activity.number}. {row.activity.name}"
            if row.activity.number
            else row.activity.name,
            *[row.amounts[year] for year in overview.years],
        ]
        for row in overview.rows
    ]
    money = range(2, 2 + len(overview.years))
    total = ["", _("I alt"), *[overview.totals[year] for year in overview.years]]
    table = docx_add_table(document, header, rows, money_columns=money, total_row=total)
    for row, table_row in zip(overview.rows, table.rows[1:], strict=False):
        _marks(table_row.cells[1], row.footnote_marks.get(None, []))
        for column, year in enumerate(overview.years, start=2):
            _marks(table_row.cells[column], row.footnote_marks.get(year, []))


def _economy(document, economy: EconomyTable) -> None:
    header = [_("Udgift")] + [f"{year}/kr." for year in economy.years]
    rows = [[row.label, *row.cells] for row in economy.rows]
    total = [_("I alt"), *economy.totals] if economy.totals else None
    money = range(1, 1 + len(economy.years))
    table = docx_add_table(document, header, rows, money_columns=money, total_row=total)
    for row, table_row in zip(economy.rows, table.rows[1:], strict=False):
        _marks(table_row.cells[0], row.marks)
        if row.note:
            docx_run(table_row.cells[0].add_paragraph(), row.note).italic = True


def _section_texts(document, section: DescriptionSection, numbers) -> None:
    description = section.description
    _text(document, description.description, numbers)
    _text(document, description.measurements, numbers)
    for label, text in (
        (_("Effekt"), description.effect_text),
        (_("Målgruppe"), description.target_group),
        (_("Tidsplan"), description.timeline),
    ):
        if text:
            _label(document, label)
            _text(document, text, numbers)
    if section.deliverables:
        _label(document, _("Leverancer"))
        for text in section.deliverables:
            _inline(docx_paragraph(document, style="List Bullet"), text, numbers)
    if section.results:
        _label(document, _("Aktiviteten bidrager til følgende resultater fra forandringsteorien"))
        for result in section.results:
            docx_paragraph(document, f"{result.number}. {result.name}", style="List Bullet")


def _section(document, section: DescriptionSection, numbers, level: int) -> None:
    docx_heading(document, _("Aktivitet:") + " " + section.title, level=level)
    meta = []
    if section.numbers_label:
        meta.append(_("Nr. %(numbers)s i oversigten") % {"numbers": section.numbers_label})
    if section.new_text:
        meta.append(section.new_text)
    if meta:
        docx_paragraph(document, " · ".join(meta)).runs[0].italic = True
    _section_texts(document, section, numbers)
    for child in section.children:
        _section(document, child, numbers, level + 1)
    if section.economy or section.economy_text:
        _label(document, _("Økonomi"))
        if section.economy:
            _economy(document, section.economy)
        _text(document, section.economy_text, numbers)
    if section.responsible:
        _label(document, _("Ansvarlig for implementering"))
        _text(document, section.responsible, numbers)


def _title_page(document, doc: PlanDocument) -> None:
    from docx.shared import Pt

    docx_run(docx_paragraph(document), doc.partnership_name).font.size = Pt(14)
    docx_paragraph(document, doc.title, style="Title")
    facts = [
        (_("År"), str(doc.plan.year)),
        (_("Version"), doc.version),
        (_("Godkendelse"), doc.approval),
        (_("Dannet"), date_format(doc.generated, "j. F Y") + " " + _("af Trygplan")),
    ]
    for label, value in facts:
        if value:
            paragraph = docx_paragraph(document)
            docx_run(paragraph, label + ": ", bold=True)
            docx_run(paragraph, value)
    document.add_page_break()


def _theory(document, doc: PlanDocument, numbers) -> None:

    docx_heading(
        document, _("Forandringsteori for %(name)s") % {"name": doc.partnership_name}, level=1
    )
    _text(document, doc.plan.theory_of_change_intro, numbers)
    docx_picture(
        document,
        svg_to_png(doc.diagram.svg),
        alt=doc.diagram.description,
        width_cm=16.5,
        max_height_cm=24,
    )
    docx_paragraph(
        document,
        _("Linjernes farve viser aktivitetens indsatsområde:")
        + " "
        + ", ".join(label for _colour, label in doc.diagram.legend),
    ).runs[0].italic = True
    docx_heading(document, _("Resultater"), level=2)
    for result in doc.results:
        docx_paragraph(document, f"{result.number}. {result.name}")
    docx_heading(document, _("Effekter"), level=2)
    for effect in doc.effects:
        docx_paragraph(document, f"{effect.number}. {effect.name}")


def _checks(document, checks) -> None:
    document.add_page_break()
    docx_heading(document, _("Bilag: Kontrol af planen"), level=1)
    if not checks:
        docx_paragraph(document, _("Kontrollen fandt ingen fejl eller advarsler."))
        return
    rows = [
        [
            _("Fejl") if check.severity == "error" else _("Advarsel"),
            check.code,
            check.message,
        ]
        for check in checks
    ]
    docx_add_table(document, [_("Alvor"), _("Kode"), _("Besked")], rows)


def plan_docx(doc: PlanDocument) -> bytes:
    numbers = doc.footnote_numbers
    document = docx_document(doc.title)
    _title_page(document, doc)
    _toc(document, doc.toc())
    document.add_page_break()
    docx_heading(document, _("Om %(name)s") % {"name": doc.partnership_name}, level=1)
    _text(document, doc.about, numbers)
    document.add_page_break()
    _theory(document, doc, numbers)
    document.add_page_break()
    docx_heading(document, doc.title, level=1)
    _text(document, doc.plan.introduction, numbers)
    _label(document, _("Indsatsområder"))
    for chapter in doc.chapters:
        docx_paragraph(document, chapter.title, style="List Bullet")
    document.add_page_break()
    docx_heading(document, doc.overview_title, level=1)
    _text(document, doc.plan.overview_intro, numbers)
    _overview(document, doc)
    _notes(document, doc.overview_notes + doc.front_notes)
    for chapter in doc.chapters:
        document.add_page_break()
        docx_heading(document, chapter.title, level=1)
        _text(document, chapter.text, numbers)
        for section in chapter.sections:
            _section(document, section, numbers, level=2)
        _notes(document, chapter.notes)
    if doc.checks is not None:
        _checks(document, doc.checks)
    return docx_bytes(document)
