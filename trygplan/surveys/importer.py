"""Reading a respondent-level survey file and checking it against the analyst's mapping.

Files: CSV (`;` or `,`; UTF-8 with or without BOM, or Windows-1252), Excel (.xlsx, the first
sheet) or SPSS (.sav, read with pyreadstat; SPSS's user-missing values arrive as missing).
The first row (CSV, Excel) names the columns. The mapping says which column is the weight,
which is the stratum (the respondent's district), which the særmåling area (optional), and
which columns are questions on which answer scale. Every problem is reported with its row
(the header is row 1, as a spreadsheet numbers it) and column, in Danish; the caller saves
nothing unless there are none.

Nothing here shows a respondent: `column_summaries` tells the mapping step how many distinct
values a column has and, for a column with few, which (a scale's codes), never a row.
"""

import csv
import io
import math
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _

from .models import AnswerScale, DistrictSet, Domain

MAX_ERRORS = 100
FEW_VALUES = 12
EXTENSIONS = (".csv", ".txt", ".xlsx", ".sav")


class FileError(ValueError):
    """The file as a whole cannot be read (Danish message)."""


@dataclass
class Table:
    columns: list[str]
    rows: list[list]  # cells: str, int, float or None

    def column(self, name: str) -> list:
        index = self.columns.index(name)
        return [row[index] if index < len(row) else None for row in self.rows]


@dataclass
class QuestionMapping:
    column: str
    key: str
    text: str
    scale: AnswerScale
    headline: bool = False


@dataclass
class Mapping:
    weight: str
    stratum: str
    area: str = ""
    questions: list[QuestionMapping] = field(default_factory=list)


@dataclass
class Parsed:
    """The checked file: per respondent its row, weight, district, area and answers."""

    rows: list[int]
    weights: list[float]
    districts: list[Domain]
    areas: list[Domain | None]
    answers: dict[str, list[int | None]]  # question key -> answer code or None
    errors: list[str]
    more_errors: int = 0

    @property
    def is_valid(self) -> bool:
        return not self.errors


# ---- Reading ----------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _read_csv(raw: bytes) -> Table:
    text = _decode(raw)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = [row for row in reader if any(cell.strip() for cell in row)]
    if not lines:
        raise FileError(_("Filen er tom."))
    return Table([cell.strip() for cell in lines[0]], lines[1:])


def _read_xlsx(raw: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise FileError(_("Filen kan ikke læses som et Excel-ark (.xlsx).")) from error
    rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise FileError(_("Filen er tom."))
    return Table([str(cell or "").strip() for cell in rows[0]], rows[1:])


def _read_sav(raw: bytes) -> Table:
    import pyreadstat

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.sav"
        path.write_bytes(raw)
        try:
            data, _meta = pyreadstat.read_sav(str(path), output_format="dict")
        except Exception as error:  # pyreadstat's ReadstatError and friends
            raise FileError(_("Filen kan ikke læses som en SPSS-fil (.sav).")) from error
    columns = list(data)
    values = [list(data[name]) for name in columns]
    rows = [list(cells) for cells in zip(*values, strict=True)] if values else []
    return Table(columns, rows)


def read_table(filename: str, raw: bytes) -> Table:
    suffix = Path(filename).suffix.lower()
    if suffix not in EXTENSIONS:
        raise FileError(_("Filen skal være CSV, Excel (.xlsx) eller SPSS (.sav)."))
    reader = {".xlsx": _read_xlsx, ".sav": _read_sav}.get(suffix, _read_csv)
    table = reader(raw)
    if not table.rows:
        raise FileError(_("Filen har ingen rækker under kolonnenavnene."))
    names = [name for name in table.columns if name]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise FileError(
            _("Kolonnenavne skal være forskellige. Flere gange: %(names)s.")
            % {"names": ", ".join(duplicates)}
        )
    return table


def column_summaries(table: Table) -> dict[str, str]:
    """ "5 forskellige værdier: 1, 2, 3, 4, 5" per column: aggregates, never a row."""
    summaries = {}
    for name in table.columns:
        values = {_text(cell) for cell in table.column(name)} - {""}
        if len(values) <= FEW_VALUES:
            listed = ", ".join(sorted(values, key=lambda v: (len(v), v)))
            summaries[name] = _("%(count)s forskellige værdier: %(values)s") % {
                "count": len(values),
                "values": listed,
            }
        else:
            summaries[name] = _("%(count)s forskellige værdier") % {"count": len(values)}
    return summaries


# ---- Checking ---------------------------------------------------------------------------


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        if math.isnan(cell):
            return ""
        return str(int(cell)) if cell == int(cell) else str(cell)
    return str(cell).strip()


NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+([.,]\d+)?$")


def parse_number(cell) -> float | None:
    """A number as written in a Danish or an English file: 1,25 / 1.25 / 1.234,5 / 3."""
    if isinstance(cell, bool):
        raise ValueError
    if isinstance(cell, int | float | np.integer | np.floating):
        return None if math.isnan(float(cell)) else float(cell)
    text = _text(cell)
    if not text:
        return None
    if not NUMBER.match(text):
        raise ValueError
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def _lookup(domains) -> dict[str, Domain]:
    found = {}
    for domain in domains:
        for name in [domain.name, domain.slug, *[str(alias) for alias in domain.aliases]]:
            found[name.strip().lower()] = domain
    return found


class _Checker:
    def __init__(self, table: Table, mapping: Mapping, district_set: DistrictSet):
        self.table, self.mapping = table, mapping
        domains = list(district_set.domains.select_related("parent"))
        self.districts = _lookup(d for d in domains if d.kind == Domain.Kind.DISTRICT)
        self.areas = _lookup(d for d in domains if d.kind == Domain.Kind.AREA)
        self.errors: list[str] = []
        self.more = 0

    def error(self, row: int, column: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(
                _("Række %(row)s, kolonne »%(column)s«: %(message)s")
                % {"row": row, "column": column, "message": message}
            )
        else:
            self.more += 1

    def weight(self, row: int, cell) -> float | None:
        try:
            value = parse_number(cell)
        except ValueError:
            value = -1.0
        if value is None or not value > 0 or math.isinf(value):
            self.error(
                row,
                self.mapping.weight,
                _("»%(value)s« er ikke en positiv vægt.") % {"value": _text(cell)},
            )
            return None
        return value

    def district(self, row: int, cell) -> Domain | None:
        found = self.districts.get(_text(cell).lower())
        if found is None:
            self.error(
                row,
                self.mapping.stratum,
                _("»%(value)s« er ikke en bydel i bydelsinddelingen.") % {"value": _text(cell)},
            )
        return found

    def area(self, row: int, cell, district: Domain | None) -> Domain | None:
        text = _text(cell)
        if not self.mapping.area or text in ("", "0"):
            return None
        found = self.areas.get(text.lower())
        if found is None:
            self.error(
                row,
                self.mapping.area,
                _("»%(value)s« er ikke et særmålingsområde.") % {"value": text},
            )
        elif district is not None and found.parent_id != district.pk:
            self.error(
                row,
                self.mapping.area,
                _("Særmålingsområdet %(area)s ligger i %(parent)s, ikke i %(district)s.")
                % {"area": found.name, "parent": found.parent.name, "district": district.name},
            )
        return found

    def answer(self, row: int, question: QuestionMapping, cell) -> int | None:
        text = _text(cell)
        if text == "":
            return None  # item non-response
        try:
            number = parse_number(cell)
        except ValueError:
            number = None
        code = int(number) if number is not None and number == int(number) else None
        if code in question.scale.values:
            return code
        if code in question.scale.missing_values:
            return None
        self.error(
            row,
            question.column,
            _("»%(value)s« er ikke et svar på skalaen (%(scale)s).")
            % {"value": text, "scale": question.scale.describe()},
        )
        return None


def _mapping_errors(table: Table, mapping: Mapping) -> list[str]:
    errors = []
    named = [mapping.weight, mapping.stratum] + ([mapping.area] if mapping.area else [])
    named += [question.column for question in mapping.questions]
    for name in named:
        if name not in table.columns:
            errors.append(_("Filen har ingen kolonne »%(column)s«.") % {"column": name})
    if len(set(named)) < len(named):
        errors.append(_("En kolonne kan kun have én rolle."))
    keys = [question.key for question in mapping.questions]
    if len(set(keys)) < len(keys):
        errors.append(_("To spørgsmål har samme nøgle."))
    if not mapping.questions:
        errors.append(_("Vælg mindst ét spørgsmål."))
    return errors


def check(table: Table, mapping: Mapping, district_set: DistrictSet) -> Parsed:
    """Every row checked; a `Parsed` with the errors (first MAX_ERRORS) and the data."""
    parsed = Parsed([], [], [], [], {q.key: [] for q in mapping.questions}, [])
    parsed.errors = _mapping_errors(table, mapping)
    if parsed.errors:
        return parsed
    checker = _Checker(table, mapping, district_set)
    index = {name: position for position, name in enumerate(table.columns)}
    for number, cells in enumerate(table.rows, start=2):
        cells = list(cells) + [None] * (len(table.columns) - len(cells))
        weight = checker.weight(number, cells[index[mapping.weight]])
        district = checker.district(number, cells[index[mapping.stratum]])
        area = checker.area(number, cells[index[mapping.area]] if mapping.area else None, district)
        for question in mapping.questions:
            parsed.answers[question.key].append(
                checker.answer(number, question, cells[index[question.column]])
            )
        parsed.rows.append(number)
        parsed.weights.append(weight)
        parsed.districts.append(district)
        parsed.areas.append(area)
    parsed.errors, parsed.more_errors = checker.errors, checker.more
    return parsed
