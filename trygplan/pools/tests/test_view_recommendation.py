"""The recommendation to the steering group: members read it (also as PDF and Word), the
working group writes its proposal."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from docx import Document
from pypdf import PdfReader

from trygplan.pools import services
from trygplan.pools.demo import standard_pools
from trygplan.pools.models import Recommendation

from .conftest import spring_and_autumn

URL = "/p/amager/pools/2016/recommendation/mid_year/"


def test_the_steering_group_reads_the_recommendation(client, grant, styregruppe):
    client.force_login(styregruppe)
    page = client.get(URL).content.decode()
    assert "Indstilling til styregruppen om puljerne 2016: Halvårsafrapportering" in page
    assert "Lys i passagen" in page and "10.000 kr." in page
    assert "Gem forslaget" not in page


def test_the_working_group_writes_the_proposal_for_the_rest(client, urban, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(URL, {"kind": "urban_space", "proposal": "Resten går til lys."})
    assert response.status_code == 302
    assert Recommendation.objects.get(pool=urban).proposal == "Resten går til lys."
    assert "Resten går til lys." in client.get(URL).content.decode()


@pytest.mark.parametrize("username", ["styregruppe", "partner"])
def test_read_only_roles_cannot_write_the_proposal(client, urban, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.post(URL, {"kind": "urban_space", "proposal": "Nej"})
    assert response.status_code == 403
    assert not Recommendation.objects.exists()


def test_the_pdf_contains_the_grant(client, grant, styregruppe):
    client.force_login(styregruppe)
    response = client.get("/p/amager/pools/2016/recommendation/mid_year.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Lys i passagen" in text and "10.000 kr." in text
    assert "Byrumspulje 2016" in text


def test_the_word_document_contains_the_grant(client, grant, styregruppe):
    client.force_login(styregruppe)
    response = client.get("/p/amager/pools/2016/recommendation/year_end.docx")
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Lys i passagen" in cells and "10.000" in cells


def test_a_control_character_from_the_public_form_does_not_break_the_word_file(
    client, urban, arbejdsgruppe, styregruppe
):
    from .conftest import recommended

    application = recommended(
        urban, arbejdsgruppe, title="Lys\x0bi passagen", purpose="Fire\x01 lamper"
    )
    services.grant_create(
        application=application,
        amount=10_000,
        reason="",
        user=arbejdsgruppe,
        decided_on=datetime.date(2016, 3, 1),
    )
    client.force_login(styregruppe)
    response = client.get("/p/amager/pools/2016/recommendation/year_end.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Lysi passagen" in cells and "Fire lamper" in cells


def test_anonymous_and_other_partnerships_get_404(client, grant, outsider):
    assert client.get(URL).status_code == 404
    assert client.get("/p/amager/pools/2016/recommendation/mid_year.pdf").status_code == 404
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_an_unknown_period_or_format_is_not_found(client, urban, styregruppe):
    client.force_login(styregruppe)
    assert client.get("/p/amager/pools/2016/recommendation/weekly/").status_code == 404
    assert client.get("/p/amager/pools/2016/recommendation/mid_year.exe").status_code == 404


def test_wrong_method(client, urban, styregruppe):
    client.force_login(styregruppe)
    assert client.put(URL).status_code == 405
    assert client.post("/p/amager/pools/2016/recommendation/mid_year.pdf").status_code == 405


def test_the_mid_year_figures_are_as_of_30_june_even_when_rendered_later(
    client, urban, arbejdsgruppe, styregruppe
):
    spring_and_autumn(urban, arbejdsgruppe)
    client.force_login(styregruppe)
    page = client.get(URL).content.decode()
    assert "Tallene er opgjort pr. 30. juni 2016" in page
    assert "Lys i passagen" in page and "Beskæring ved stien" not in page
    assert "15. oktober 2016" not in page and "2. maj 2016" in page
    assert "6.000 kr." in page and "90.000 kr." in page  # committed, left on 30 June


def test_the_year_end_figures_include_the_autumn(client, urban, arbejdsgruppe, styregruppe):
    spring_and_autumn(urban, arbejdsgruppe)
    client.force_login(styregruppe)
    page = client.get("/p/amager/pools/2016/recommendation/year_end/").content.decode()
    assert "Tallene er opgjort pr. 31. december 2016" in page
    assert "Beskæring ved stien" in page and "15. oktober 2016" in page
    assert "85.000 kr." in page


def test_the_mid_year_pdf_and_word_leave_out_the_autumn_and_say_the_date(
    client, urban, arbejdsgruppe, styregruppe
):
    spring_and_autumn(urban, arbejdsgruppe)
    client.force_login(styregruppe)
    response = client.get("/p/amager/pools/2016/recommendation/mid_year.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "30. juni 2016" in text and "Lys i passagen" in text
    assert "Beskæring ved stien" not in text and "15. oktober 2016" not in text
    response = client.get("/p/amager/pools/2016/recommendation/mid_year.docx")
    document = Document(io.BytesIO(response.content))
    paragraphs = " ".join(paragraph.text for paragraph in document.paragraphs)
    assert "Tallene er opgjort pr. 30. juni 2016" in paragraphs
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Lys i passagen" in cells and "Beskæring ved stien" not in cells


def test_before_the_cut_off_the_figures_are_marked_preliminary(client, amager, styregruppe):
    year = timezone.localdate().year
    services.pools_create_year(partnership=amager, year=year, templates=standard_pools())
    client.force_login(styregruppe)
    page = client.get(f"/p/amager/pools/{year}/recommendation/year_end/").content.decode()
    today = formats.date_format(timezone.localdate(), "j. F Y")
    assert f"Foreløbige tal opgjort {today}. Afrapporteringen opgøres pr. 31. december" in page
