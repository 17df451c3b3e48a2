"""CSV and Excel export of applications and grants; contact details only for the working group."""

import csv
import io
import re
import uuid

import pytest
from openpyxl import load_workbook

from .conftest import submit

CSV = "/p/amager/pools/2016/export.csv"


def test_the_working_group_exports_with_contact_details(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    text = client.get(CSV).content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.endswith("Navn;E-mail;Telefon")
    assert "Byrumspulje 2016;" in row and ";Lys i passagen;Bevilget;10000;10000;0;Åben;" in row
    assert "tove@example.org" in row


def test_partner_staff_export_without_contact_details(client, grant, urban, partner):
    submit(urban, title="Bænke")
    client.force_login(partner)
    text = client.get(CSV).content.decode("utf-8-sig")
    assert "E-mail" not in text and "tove@example.org" not in text and "Testbeboer" not in text
    assert len(text.splitlines()) == 3


def test_the_excel_file_has_numbers_as_numbers(client, grant, styregruppe):
    client.force_login(styregruppe)
    response = client.get("/p/amager/pools/2016/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["E2"].value == 10_000 and sheet["C2"].value == "Lys i passagen"


def test_anonymous_and_other_partnerships_get_404(client, grant, outsider):
    assert client.get(CSV).status_code == 404
    client.force_login(outsider)
    assert client.get(CSV).status_code == 404


def test_wrong_method_and_format(client, grant, partner):
    client.force_login(partner)
    assert client.post(CSV).status_code == 405
    assert client.get("/p/amager/pools/2016/export.pdf").status_code == 404


# --- What a resident types into the public form cannot run in a spreadsheet ------------------

APPLY = "/p/amager/pools/2016/urban_space/apply/"
ATTACKS = [
    '=HYPERLINK("http://evil.example/x","Se bilag")',
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+")


def _apply(client, **fields):
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Lys i passagen",
        "purpose": "Fire nye lamper.",
        "addresses": "Passagen er mørk om aftenen.",
        "line_1_item": "Lamper",
        "line_1_amount": "12.000",
        "applicant_name": "Testbeboer Tove",
        "applicant_email": "tove@example.org",
        "consent": "on",
    }
    data.update(fields)
    response = client.post(APPLY, data)
    assert response.status_code == 302, response.content.decode()[:500]


def _csv_rows(client) -> list[list[str]]:
    response = client.get(CSV)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def _inert_in_csv(cell: str) -> bool:
    """Excel reads it as text or as a plain number, never as a formula."""
    return not cell.startswith(FORMULA_START) or PLAIN_NUMBER.fullmatch(cell) is not None


@pytest.mark.parametrize("title", ATTACKS)
def test_a_formula_typed_into_the_public_form_is_inert_in_the_csv(
    client, urban, arbejdsgruppe, title
):
    _apply(client, title=title)
    client.force_login(arbejdsgruppe)
    header, row = _csv_rows(client)[:2]
    cell = row[header.index("Titel")]
    assert _inert_in_csv(cell), cell
    assert cell.lstrip("'").strip() == title.strip()  # the form strips the tab and the CR
    if not PLAIN_NUMBER.fullmatch(cell):
        assert cell.startswith("'")


@pytest.mark.parametrize("title", ATTACKS)
def test_a_formula_typed_into_the_public_form_is_text_in_the_excel_file(
    client, urban, arbejdsgruppe, title
):
    _apply(client, title=title)
    client.force_login(arbejdsgruppe)
    response = client.get("/p/amager/pools/2016/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet["C2"]
    assert sheet["C1"].value == "Titel"
    assert cell.data_type == "s" and cell.data_type != "f"
    assert cell.value == title.strip()
    assert cell.quotePrefix == (not PLAIN_NUMBER.fullmatch(cell.value))


def test_a_control_character_from_the_public_form_breaks_neither_export(
    client, urban, arbejdsgruppe
):
    _apply(client, title="Lys\x0bi passagen", applicant_name="Tove\x0bHansen")
    client.force_login(arbejdsgruppe)
    header, row = _csv_rows(client)[:2]
    assert row[header.index("Titel")] == "Lysi passagen"
    assert row[header.index("Navn")] == "ToveHansen"
    response = client.get("/p/amager/pools/2016/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["C2"].value == "Lysi passagen"
