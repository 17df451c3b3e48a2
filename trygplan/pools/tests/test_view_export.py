"""CSV and Excel export of applications and grants; contact details only for the working group."""

import io

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
