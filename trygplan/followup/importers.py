"""Reading indicator values from the files Danish offices produce: .xlsx or .csv.

CSV: semicolon, comma or tab separated; UTF-8 with or without BOM, UTF-16 (Excel's
"Unicode text"), or Windows-1252; any line endings (old Mac Excel ends lines with CR only);
decimal comma ("12,5") and thousands dots ("1.234"). The first row holds the column names:

    indikator;værdi;status;note
    sigtelser-unge;12;endelig;
    tryghed-utrygge;28,5;foreløbig;Særmåling 2016

`indikator` is the indicator's key or its exact name; `status` is "foreløbig" (default)
or "endelig". Every problem is reported with its row (as the spreadsheet numbers it, the
header is row 1) and column, in Danish; nothing is saved unless every row is good.

Limits (settings, with defaults): TRYGPLAN_IMPORT_MAX_ROWS (500 rows),
TRYGPLAN_IMPORT_MAX_CELL_CHARS (2.000 characters a cell) and, for .xlsx,
TRYGPLAN_IMPORT_MAX_UNPACKED_BYTES (20 MB unpacked): a 204 KB workbook can hold a 200 MB
cell, so the zip's members are measured before openpyxl reads anything.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

from .models import IndicatorValue

COLUMNS = {"indikator": "indicator", "værdi": "value", "status": "quality", "note": "note"}
QUALITIES = {
    "": IndicatorValue.Quality.PROVISIONAL,
    "foreløbig": IndicatorValue.Quality.PROVISIONAL,
    "forelobig": IndicatorValue.Quality.PROVISIONAL,
    "endelig": IndicatorValue.Quality.FINAL,
}
# The values are DecimalField(max_digits=12, decimal_places=2): below 10.000.000.000.
MAX_VALUE = Decimal("1e10")
MAX_COLUMNS = 50
MAX_ZIP_MEMBERS = 500


def max_rows() -> int:
    return int(getattr(settings, "TRYGPLAN_IMPORT_MAX_ROWS", 500))


def max_cell_chars() -> int:
    return int(getattr(settings, "TRYGPLAN_IMPORT_MAX_CELL_CHARS", 2_000))


def max_unpacked_bytes() -> int:
    return int(getattr(settings, "TRYGPLAN_IMPORT_MAX_UNPACKED_BYTES", 20 * 1024 * 1024))


class Unreadable(ValueError):
    """The file as a whole cannot be read; the message is Danish."""


@dataclass
class ImportRow:
    number: int  # the row number in the file
    indicator_text: str
    value_text: str
    indicator: object = None
    value: Decimal | None = None
    quality: str = IndicatorValue.Quality.PROVISIONAL
    note: str = ""
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list[ImportRow]
    errors: list[str]  # problems with the file as a whole

    @property
    def is_valid(self) -> bool:
        return not self.errors and bool(self.rows) and not any(row.errors for row in self.rows)

    def as_data(self) -> list[dict]:
        """What the preview signs and the confirmation saves."""
        return [
            {
                "indicator": row.indicator.pk,
                "value": str(row.value),
                "quality": row.quality,
                "note": row.note,
            }
            for row in self.rows
        ]


def parse_decimal(text: str) -> Decimal:
    """ "12,5", "1.234", "1.234,5", "1 234" -> Decimal; ValueError for anything else."""
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("%", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", cleaned):
        cleaned = cleaned.replace(".", "")
    if re.fullmatch(r"\d+(,\d+)?", cleaned):
        return Decimal(cleaned.replace(",", "."))
    if re.fullmatch(r"\d+\.\d+", cleaned):  # a number cell from Excel, or an English decimal
        return Decimal(cleaned)
    raise ValueError(text)


def value_problem(number: Decimal) -> str | None:
    """Why a parsed value cannot be stored (in Danish), or None if it can."""
    if number >= MAX_VALUE:
        return _("Tallet er for stort (højst 9.999.999.999,99).")
    if number != number.quantize(Decimal("0.01")):
        return _("Skriv højst to decimaler, fx 12,25.")
    return None


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif b"\x00" in raw[:400]:  # UTF-16 without its byte order mark
        encoding = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
    else:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise Unreadable(
            _("Filen kunne ikke læses som tekst (UTF-8, UTF-16 eller Windows-1252).")
        ) from error


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", "\t", ",")}
    return max(counts, key=lambda delimiter: counts[delimiter])


def _read_csv(raw: bytes) -> list[list[str]]:
    text = _decode(raw).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    delimiter = _delimiter(text.split("\n", 1)[0])
    rows, limit, number = [], max_rows() + 1, 0
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            _check_cells(row, number)
            if any(cell.strip() for cell in row):
                rows.append(row[:MAX_COLUMNS])
            if len(rows) > limit:
                break
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise _cell_too_large(number + 1) from error
        raise Unreadable(_("Filen kunne ikke læses som CSV.")) from error
    return rows


def _cell_too_large(number: int) -> Unreadable:
    return Unreadable(
        _("Række %(row)s: en celle er for lang (højst %(max)s tegn).")
        % {"row": number, "max": f"{max_cell_chars():,}".replace(",", ".")}
    )


def _check_cells(row: list[str], number: int) -> None:
    if any(len(cell) > max_cell_chars() for cell in row):
        raise _cell_too_large(number)


def _check_zip(raw: bytes) -> None:
    """Refuse a workbook whose parts unpack to more than the limit, before reading it.

    The sizes are the zip's own; Python's zipfile stops at the stated size and refuses a
    member whose data does not match it, so a lying size cannot smuggle more in."""
    too_large = Unreadable(
        _("Excel-filen fylder for meget, når den pakkes ud (højst %(max)s MB).")
        % {"max": max_unpacked_bytes() // (1024 * 1024)}
    )
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise too_large
        if sum(member.file_size for member in members) > max_unpacked_bytes():
            raise too_large


def _read_xlsx(raw: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_zip(raw)
    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = []
        cells = sheet.iter_rows(values_only=True, max_row=max_rows() + 1, max_col=MAX_COLUMNS)
        for number, row in enumerate(cells, 1):
            rows.append(["" if cell is None else str(cell) for cell in row])
            _check_cells(rows[-1], number)
        return rows
    finally:
        book.close()


def read_table(name: str, raw: bytes) -> list[list[str]]:
    """The file's rows as lists of text; ValueError with a Danish message if unreadable."""
    if name.lower().endswith(".xlsx"):
        try:
            return _read_xlsx(raw)
        except Unreadable:
            raise
        except Exception as error:  # openpyxl and zipfile raise many kinds  # noqa: BLE001
            raise Unreadable(_("Filen kunne ikke læses som et Excel-ark (.xlsx).")) from error
    if name.lower().endswith((".csv", ".txt", ".tsv")):
        return _read_csv(raw)
    raise Unreadable(_("Vælg en Excel-fil (.xlsx) eller en CSV-fil (.csv)."))


def _header(row: list[str]) -> dict[str, int]:
    found = {}
    for index, name in enumerate(row):
        key = COLUMNS.get(name.strip().lower())
        if key:
            found[key] = index
    return found


def parse_values(name: str, raw: bytes, *, indicators) -> ImportResult:
    """Rows of indicator values checked against `indicators` (the submission's own)."""
    try:
        table = [row for row in read_table(name, raw) if any(cell.strip() for cell in row)]
    except ValueError as error:
        return ImportResult([], [str(error)])
    if not table:
        return ImportResult([], [_("Filen er tom.")])
    columns = _header(table[0])
    missing = [label for label, key in COLUMNS.items() if key in ("indicator", "value")]
    missing = [label for label in missing if COLUMNS[label] not in columns]
    if missing:
        return ImportResult(
            [],
            [
                _("Første række skal have kolonnerne %(columns)s. Mangler: %(missing)s.")
                % {"columns": "indikator, værdi, status, note", "missing": ", ".join(missing)}
            ],
        )
    if len(table) - 1 > max_rows():
        return ImportResult([], [_("Filen har over %(max)s rækker.") % {"max": max_rows()}])
    by_key = {}
    for indicator in indicators:
        by_key[indicator.key.lower()] = indicator
        by_key[indicator.name.lower()] = indicator

    def cell(row, key):
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    rows, seen = [], set()
    for number, raw_row in enumerate(table[1:], start=2):
        row = ImportRow(number, cell(raw_row, "indicator"), cell(raw_row, "value"))
        row.note = cell(raw_row, "note")[:300]
        _check_row(row, cell(raw_row, "quality"), by_key, seen)
        rows.append(row)
    return ImportResult(rows, [])


def _check_row(row: ImportRow, quality: str, by_key: dict, seen: set) -> None:
    where = _("Række %(row)s, kolonne “%(column)s”: ")
    row.indicator = by_key.get(row.indicator_text.lower())
    if row.indicator is None:
        row.errors.append(
            where % {"row": row.number, "column": "indikator"}
            + _("“%(value)s” er ikke en af indberetningens indikatorer.")
            % {"value": row.indicator_text}
        )
    elif row.indicator.pk in seen:
        row.errors.append(
            where % {"row": row.number, "column": "indikator"}
            + _("indikatoren står flere gange i filen.")
        )
    else:
        seen.add(row.indicator.pk)
    try:
        row.value = parse_decimal(row.value_text)
        message = value_problem(row.value)
    except (ValueError, InvalidOperation):
        row.value = None
        message = (
            _("værdien mangler.")
            if not row.value_text
            else _("“%(value)s” er ikke et tal. Skriv fx 12 eller 12,5.")
            % {"value": row.value_text[:40]}
        )
    if message:
        row.errors.append(where % {"row": row.number, "column": "værdi"} + message)
    if quality.lower() in QUALITIES:
        row.quality = QUALITIES[quality.lower()]
    else:
        row.errors.append(
            where % {"row": row.number, "column": "status"}
            + _("skriv “foreløbig” eller “endelig”, ikke “%(value)s”.") % {"value": quality}
        )
