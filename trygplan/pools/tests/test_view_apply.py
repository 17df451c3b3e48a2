"""The public application form: no login, Danish errors, nothing half-saved, one per submit."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.audit.models import AuditEntry
from trygplan.pools.models import Application, ApplicationLine, Attachment

from .conftest import INSIDE, OUTSIDE, PDF, png_bytes

URL = "/p/amager/pools/2016/urban_space/apply/"


def form_data(**overrides):
    data = {
        "submission_key": str(uuid.uuid4()),
        "title": "Lys i passagen ved blok 7",
        "purpose": "Fire nye lamper.",
        "addresses": "Passagen er mørk om aftenen.",
        "place": "Passagen mellem blok 7 og 8",
        "line_1_item": "Lamper",
        "line_1_amount": "12.000",
        "line_2_item": "Montering",
        "line_2_amount": "3500",
        "applicant_name": "Testbeboer Tove",
        "applicant_email": "tove@example.org",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_a_resident_applies_without_logging_in(client, urban):
    response = client.post(URL, form_data(latitude=INSIDE[0], longitude=INSIDE[1]))
    application = Application.private_objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/p/amager/pools/link/{application.token}/"
    assert application.requested_total == 15_500
    assert [line.item for line in application.lines.all()] == ["Lamper", "Montering"]
    assert application.status == Application.Status.RECEIVED
    assert application.consent_at is not None
    assert application.latitude == INSIDE[0]
    assert AuditEntry.objects.filter(content_type__model="application").count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Tak! Vi har modtaget din ansøgning." in page
    assert "Modtaget" in page


def test_the_form_is_danish_and_asks_for_consent(client, urban):
    page = client.get(URL).content.decode()
    assert "Søg Byrumspulje 2016" in page
    assert "Jeg giver samtykke" in page
    assert 'name="submission_key"' in page
    assert "vendor/leaflet/leaflet.js" in page and "cdn" not in page.lower()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1.250,50", "Beløb angives i hele kroner uden øre, fx 1.250."),
        ("1250.50", "Brug ikke punktum som decimaltegn."),
        ("-100", "Beløbet kan ikke være negativt."),
        ("0", "Beløbet skal være større end 0."),
        ("9" * 4300, "Beløbet er for stort."),
        ("3.000.000.000", "Beløbet er for stort. Det kan højst være 1.000.000.000 kr"),
    ],
)
def test_bad_amounts_get_a_danish_message_and_nothing_is_saved(client, urban, amount, message):
    response = client.post(URL, form_data(line_1_amount=amount))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Application.private_objects.exists()
    assert not ApplicationLine.objects.exists()


def test_an_oversized_file_is_refused(client, urban, settings):
    settings.TRYGPLAN_POOLS_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("tilbud.pdf", PDF + b"0" * (1024 * 1024), "application/pdf")
    response = client.post(URL, form_data(attachments=big))
    assert "“tilbud.pdf” er for stor (1,0 MB). Filer må højst fylde 1 MB." in (
        response.content.decode()
    )
    assert not Application.private_objects.exists()
    assert not Attachment.objects.exists()


def test_an_executable_renamed_pdf_is_refused(client, urban):
    fake = SimpleUploadedFile("tilbud.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "application/pdf")
    response = client.post(URL, form_data(attachments=fake))
    assert "“tilbud.pdf” er ikke en PDF-, JPEG- eller PNG-fil." in response.content.decode()
    assert not Application.private_objects.exists()


def test_pdf_and_png_attachments_are_kept(client, urban, media):
    files = [
        SimpleUploadedFile("tilbud.pdf", PDF, "application/octet-stream"),
        SimpleUploadedFile("foto.png", png_bytes(), "image/png"),
    ]
    client.post(URL, form_data(attachments=files))
    attachments = Application.private_objects.get().attachments.all()
    assert [(a.original_name, a.content_type) for a in attachments] == [
        ("tilbud.pdf", "application/pdf"),
        ("foto.png", "image/png"),
    ]


def test_the_same_form_posted_twice_makes_one_application(client, urban):
    data = form_data()
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert Application.private_objects.count() == 1
    assert first["Location"] == second["Location"]
    assert ApplicationLine.objects.count() == 2


def test_a_pin_outside_the_area_is_refused(client, urban):
    response = client.post(URL, form_data(latitude=OUTSIDE[0], longitude=OUTSIDE[1]))
    assert "Nålen på kortet skal sættes inden for partnerskabsområdet." in (
        response.content.decode()
    )
    assert not Application.private_objects.exists()


def test_a_contact_is_needed_but_only_one(client, urban):
    response = client.post(URL, form_data(applicant_email=""))
    assert "Skriv en e-mail eller et telefonnummer." in response.content.decode()
    client.post(URL, form_data(applicant_email="", applicant_phone="12345678"))
    assert Application.private_objects.get().applicant_phone == "12345678"


def test_consent_is_required(client, urban):
    response = client.post(URL, form_data(consent=""))
    assert "Du skal give samtykke" in response.content.decode()
    assert not Application.private_objects.exists()


def test_more_than_the_pools_maximum_is_refused(client, activities):
    response = client.post(
        "/p/amager/pools/2016/safety_activities/apply/", form_data(line_1_amount="9.000")
    )
    assert "Der kan højst søges 10.000 kr.; ansøgningen er på 12.500 kr." in (
        response.content.decode()
    )


def test_a_budget_line_is_needed(client, urban):
    response = client.post(
        URL, form_data(line_1_item="", line_1_amount="", line_2_item="", line_2_amount="")
    )
    assert "Skriv mindst én udgift med beløb." in response.content.decode()


def test_wrong_method(client, urban):
    assert client.put(URL).status_code == 405


def test_a_pool_of_another_year_is_not_found(client, urban):
    assert client.get("/p/amager/pools/2014/urban_space/apply/").status_code == 404
