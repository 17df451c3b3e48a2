"""Fixtures for the documents tests: what the 2016 plan must contain, and readers that turn each
file format back into searchable text."""

import csv
import io
import re

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from trygplan.lib.money import format_kroner
from trygplan.plans.models import Result
from trygplan.plans.overview import build_overview


def normalise(text: str) -> str:
    """Lower case without whitespace or hyphens: survives line breaks and hyphenation."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", text).lower()


@pytest.fixture
def expected(plan2016):
    """What every rendering of the 2016 plan must show, read from the plan itself."""
    overview = build_overview(plan2016)
    amounts = {
        format_kroner(amount, unit=False)
        for row in overview.rows
        for amount in row.amounts.values()
        if amount is not None
    }
    return {
        "names": [row.activity.name for row in overview.rows],
        "amounts": amounts,
        "totals": [format_kroner(overview.totals[year], unit=False) for year in overview.years],
        "footnotes": [text for _number, text in overview.footnotes],
        "results": [r.name for r in Result.objects.filter(partnership=plan2016.partnership)],
    }


@pytest.fixture
def pdf_text():
    def read(content: bytes) -> str:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)

    return read


@pytest.fixture
def docx_text():
    def read(content: bytes) -> str:
        document = docx.Document(io.BytesIO(content))
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            parts += [cell.text for row in table.rows for cell in row.cells]
        return "\n".join(parts)

    return read


@pytest.fixture
def xlsx_rows():
    def read(content: bytes) -> list[list[list]]:
        workbook = load_workbook(io.BytesIO(content))
        return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook]

    return read


@pytest.fixture
def csv_rows():
    def read(content: bytes) -> list[list[str]]:
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))

    return read
