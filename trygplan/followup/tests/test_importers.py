import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from trygplan.followup.importers import parse_decimal, parse_values
from trygplan.followup.models import Indicator


@pytest.fixture
def ssp_indicators(followup):
    return Indicator.objects.filter(reported_by__key="ssp")


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("12,5", Decimal("12.5")),
        ("1.234", 1234),
        ("1.234,5", Decimal("1234.5")),
        ("1 234", 1234),
        ("3.0", 3),
        ("0", 0),
    ],
)
def test_it_reads_numbers_as_danish_offices_write_them(text, value):
    assert parse_decimal(text) == value


@pytest.mark.parametrize("text", ["tre", "-3", "", "12,5,1"])
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_decimal(text)


def test_semicolon_csv_with_bom_and_decimal_comma(ssp_indicators):
    raw = (
        "\ufeffindikator;værdi;status;note\r\n"
        "ssp-enkeltsager;12;endelig;\r\n"
        "netvaerksmoeder;8,5;;\r\n"
    )
    result = parse_values("tal.csv", raw.encode("utf-8"), indicators=ssp_indicators)
    assert result.is_valid
    assert [row.value for row in result.rows] == [12, Decimal("8.5")]
    assert result.rows[0].quality == "final"
    assert result.rows[1].quality == "provisional"


def test_comma_csv_in_windows_1252(ssp_indicators):
    raw = "Indikator,Værdi,Note\r\nSSP-enkeltsager om unge fra området,3,Særlig opgørelse\r\n"
    result = parse_values("tal.csv", raw.encode("cp1252"), indicators=ssp_indicators)
    assert result.is_valid
    assert result.rows[0].indicator.key == "ssp-enkeltsager"
    assert result.rows[0].note == "Særlig opgørelse"


def test_excel_with_a_bad_row_reports_its_row_and_column_in_danish(ssp_indicators):
    raw = xlsx([["indikator", "værdi"], ["ssp-enkeltsager", 3], ["netvaerksmoeder", "otte"]])
    result = parse_values("tal.xlsx", raw, indicators=ssp_indicators)
    assert not result.is_valid
    assert result.rows[0].errors == []
    assert result.rows[1].errors == [
        "Række 3, kolonne “værdi”: “otte” er ikke et tal. Skriv fx 12 eller 12,5."
    ]


def test_an_indicator_of_another_organisation_is_refused(ssp_indicators):
    raw = b"indikator;vaerdi\r\n"
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.errors and "Mangler: værdi" in result.errors[0]
    raw = "indikator;værdi\r\nsigtelser-under-18;4\r\n".encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert "ikke en af indberetningens indikatorer" in result.rows[0].errors[0]


def test_a_repeated_indicator_and_an_unknown_status_are_errors(ssp_indicators):
    raw = "indikator;værdi;status\r\nssp-enkeltsager;3;\r\nssp-enkeltsager;4;måske\r\n".encode()
    errors = parse_values("tal.csv", raw, indicators=ssp_indicators).rows[1].errors
    assert "står flere gange" in errors[0]
    assert "skriv “foreløbig” eller “endelig”" in errors[1]


def test_other_files_and_empty_files_are_refused(ssp_indicators):
    assert "Vælg en Excel-fil" in parse_values("a.pdf", b"x", indicators=ssp_indicators).errors[0]
    assert parse_values("a.csv", b"", indicators=ssp_indicators).errors == ["Filen er tom."]
    assert "Excel-ark" in parse_values("a.xlsx", b"nope", indicators=ssp_indicators).errors[0]
