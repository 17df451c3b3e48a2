"""Reading indicator values from the files Danish offices produce: .xlsx or .csv.

CSV: semicolon or comma separated; UTF-8 with or without BOM, or Windows-1252; decimal
comma ("12,5") and thousands dots ("1.234"). The first row holds the column names:

    indikator;værdi;status;note
    sigtelser-unge;12;endelig;
    tryghed-utrygge;28,5;foreløbig;Særmåling 2016

`indikator` is the indicator's key or its exact name; `status` is "foreløbig" (default)
or "endelig". Every problem is reported with its row (as the spreadsheet numbers it, the
header is row 1) and column, in Danish; nothing is saved unless every row is good.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import IndicatorValue

COLUMNS = {"indikator": "indicator", "værdi": "value", "status": "quality", "note": "note"}
QUALITIES = {
    "": IndicatorValue.Quality.PROVISIONAL,
    "foreløbig": IndicatorValue.Quality.PROVISIONAL,
    "forelobig": IndicatorValue.Quality.PROVISIONAL,
    "endelig": IndicatorValue.Quality.FINAL,
}
MAX_ROWS = 500


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


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _read_csv(raw: bytes) -> list[list[str]]:
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(raw: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1):
        rows.append(["" if cell is None else str(cell) for cell in row])
    return rows


def read_table(name: str, raw: bytes) -> list[list[str]]:
    """The file's rows as lists of text; ValueError with a Danish message if unreadable."""
    if name.lower().endswith(".xlsx"):
        try:
            return _read_xlsx(raw)
        except Exception as error:  # openpyxl raises many kinds  # noqa: BLE001
            raise ValueError(_("Filen kunne ikke læses som et Excel-ark (.xlsx).")) from error
    if name.lower().endswith((".csv", ".txt")):
        return _read_csv(raw)
    raise ValueError(_("Vælg en Excel-fil (.xlsx) eller en CSV-fil (.csv)."))


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
    if len(table) - 1 > MAX_ROWS:
        return ImportResult([], [_("Filen har over %(max)s rækker.") % {"max": MAX_ROWS}])
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
    except (ValueError, InvalidOperation):
        message = (
            _("værdien mangler.")
            if not row.value_text
            else _("“%(value)s” er ikke et tal. Skriv fx 12 eller 12,5.")
            % {"value": row.value_text}
        )
        row.errors.append(where % {"row": row.number, "column": "værdi"} + message)
    if quality.lower() in QUALITIES:
        row.quality = QUALITIES[quality.lower()]
    else:
        row.errors.append(
            where % {"row": row.number, "column": "status"}
            + _("skriv “foreløbig” eller “endelig”, ikke “%(value)s”.") % {"value": quality}
        )
