"""Files that used to crash the importer (each reproduced as a 500 first) and its limits:
old Mac line endings, Excel's "Unicode text", over-long cells, too many rows, numbers the
database cannot hold, and a small .xlsx that unpacks to a huge one."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.followup.importers import parse_values
from trygplan.followup.models import Indicator, IndicatorValue

from .test_importers import xlsx


@pytest.fixture
def ssp_indicators(followup):
    return Indicator.objects.filter(reported_by__key="ssp")


def _url(submission):
    return f"/p/amager/followup/submissions/{submission.pk}/import/"


def _post(client, submission, name, raw):
    client.raise_request_exception = False
    return client.post(_url(submission), {"file": SimpleUploadedFile(name, raw)})


def test_csv_with_old_mac_line_endings_is_read(ssp_indicators):
    raw = "indikator;værdi;status\rssp-enkeltsager;3;endelig\rnetvaerksmoeder;8;\r".encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.is_valid
    assert [row.value for row in result.rows] == [3, 8]


def test_excel_unicode_text_utf16_tab_separated_is_read(ssp_indicators):
    text = "indikator\tværdi\tstatus\tnote\r\nssp-enkeltsager\t3\tendelig\tSærmåling\r\n"
    result = parse_values("tal.txt", text.encode("utf-16"), indicators=ssp_indicators)
    assert result.is_valid
    assert result.rows[0].value == 3
    assert result.rows[0].note == "Særmåling"


def test_utf16_without_byte_order_mark_is_read(ssp_indicators):
    raw = "indikator\tværdi\r\nssp-enkeltsager\t12,5\r\n".encode("utf-16-le")
    assert parse_values("tal.csv", raw, indicators=ssp_indicators).rows[0].value == Decimal("12.5")


@pytest.mark.parametrize("size", [3_000, 140_000])
def test_an_over_long_cell_is_a_danish_error_for_the_file(ssp_indicators, size):
    raw = ("indikator;værdi;note\r\nssp-enkeltsager;3;" + "x" * size + "\r\n").encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.errors == ["Række 2: en celle er for lang (højst 2.000 tegn)."]


def test_the_cell_limit_is_a_setting(ssp_indicators, settings):
    settings.TRYGPLAN_IMPORT_MAX_CELL_CHARS = 10
    raw = "indikator;værdi;note\r\nssp-enkeltsager;3;elleve tegn\r\n".encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.errors == ["Række 2: en celle er for lang (højst 10 tegn)."]


def test_too_many_rows_are_refused_without_reading_them_all(ssp_indicators, settings):
    settings.TRYGPLAN_IMPORT_MAX_ROWS = 3
    raw = ("indikator;værdi\r\n" + "ssp-enkeltsager;3\r\n" * 10_000).encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.errors == ["Filen har over 3 rækker."]


def test_nul_bytes_and_broken_quotes_do_not_crash(ssp_indicators):
    raw = b'indikator;v\xc3\xa6rdi\r\n"ssp-enkeltsager\x00;3\r\n'
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert result.errors or result.rows


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1234567890123", "Tallet er for stort (højst 9.999.999.999,99)."),
        ("10000000000", "Tallet er for stort (højst 9.999.999.999,99)."),
        ("12,345", "Skriv højst to decimaler, fx 12,25."),
        ("9" * 1500, "Tallet er for stort (højst 9.999.999.999,99)."),
    ],
)
def test_a_value_the_database_cannot_hold_is_refused_in_the_preview(ssp_indicators, value, message):
    raw = f"indikator;værdi\r\nssp-enkeltsager;{value}\r\n".encode()
    result = parse_values("tal.csv", raw, indicators=ssp_indicators)
    assert not result.is_valid
    assert result.rows[0].errors == ["Række 2, kolonne “værdi”: " + message]


def test_the_largest_value_passes(ssp_indicators):
    raw = "indikator;værdi\r\nssp-enkeltsager;9.999.999.999,99\r\n".encode()
    assert parse_values("tal.csv", raw, indicators=ssp_indicators).is_valid


def test_a_13_digit_value_is_refused_in_the_preview_page(client, draft_submission, partner):
    client.force_login(partner)
    response = _post(client, draft_submission, "tal.csv", b"indikator;vaerdi\r\n")
    raw = "indikator;værdi\r\nssp-enkeltsager;1234567890123\r\n".encode()
    response = _post(client, draft_submission, "tal.csv", raw)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Tallet er for stort" in text
    assert "Gem værdierne" not in text


def test_a_confirm_step_that_the_model_refuses_is_a_message_not_a_500(
    client, draft_submission, partner
):
    """Rows signed before the preview checked sizes (or tampered with by a key holder) still
    reach the model's own check; its error is shown, nothing is saved."""
    from trygplan.followup.forms import ConfirmImportForm

    indicator = Indicator.objects.get(key="ssp-enkeltsager")
    rows = [{"indicator": indicator.pk, "value": "1234567890123", "quality": "final", "note": ""}]
    client.force_login(partner)
    client.raise_request_exception = False
    signed = ConfirmImportForm.sign(rows, draft_submission.pk)
    response = client.post(_url(draft_submission), {"rows": signed, "reason": ""})
    assert response.status_code == 200
    assert "12 cifre" in response.content.decode()
    assert not IndicatorValue.private_objects.filter(submission=draft_submission).exists()


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("cr.csv", "indikator;værdi\rssp-enkeltsager;3\r".encode()),
        ("u16.txt", "indikator\tværdi\r\nssp-enkeltsager\t3\r\n".encode("utf-16")),
        ("big.csv", ("indikator;værdi;note\r\nssp-enkeltsager;3;" + "x" * 140_000).encode()),
    ],
)
def test_files_that_used_to_crash_get_a_page(client, draft_submission, partner, name, raw):
    client.force_login(partner)
    response = _post(client, draft_submission, name, raw)
    assert response.status_code == 200


def _bomb(cell_bytes: int) -> bytes:
    """A real workbook with one cell `cell_bytes` long: tiny packed, huge unpacked."""
    book = io.BytesIO(xlsx([["indikator", "værdi", "note"], ["ssp-enkeltsager", 3, "NOTE"]]))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(book) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            data = data.replace(b"NOTE", b"a" * cell_bytes)
            zf.writestr(item.filename, data)
    return out.getvalue()


def test_a_small_xlsx_that_unpacks_to_a_huge_cell_is_refused_before_reading(ssp_indicators):
    raw = _bomb(200 * 1024 * 1024)
    assert len(raw) < 300 * 1024  # the 204 KB file
    result = parse_values("tal.xlsx", raw, indicators=ssp_indicators)
    assert result.errors == ["Excel-filen fylder for meget, når den pakkes ud (højst 20 MB)."]


def test_an_xlsx_cell_over_the_limit_is_refused(ssp_indicators):
    result = parse_values("tal.xlsx", _bomb(5_000), indicators=ssp_indicators)
    assert result.errors == ["Række 2: en celle er for lang (højst 2.000 tegn)."]


def test_a_zip_that_lies_about_its_sizes_is_unreadable(ssp_indicators):
    raw = bytearray(_bomb(100_000))
    # Shrink every stated uncompressed size in the central directory to 1 byte.
    start = raw.rfind(b"PK\x01\x02", 0)
    while start != -1:
        raw[start + 24 : start + 28] = (1).to_bytes(4, "little")
        start = raw.rfind(b"PK\x01\x02", 0, start)
    result = parse_values("tal.xlsx", bytes(raw), indicators=ssp_indicators)
    assert result.errors == ["Filen kunne ikke læses som et Excel-ark (.xlsx)."]
