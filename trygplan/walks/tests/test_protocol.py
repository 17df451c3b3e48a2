"""The walk protocol as PDF and Word: participants, route map, findings with owners."""

import io

from django.core.files.base import ContentFile
from docx import Document
from pypdf import PdfReader

from trygplan.partnerships.models import Organisation
from trygplan.walks.models import FindingPhoto, Participants

from .conftest import jpeg_bytes


def _pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def _setup(walk, findings):
    Participants.objects.create(walk=walk, group="residents", count=12)
    Participants.objects.create(
        walk=walk, group="housing_staff", organisation=Organisation.objects.get(key="3b"), count=2
    )
    public = findings["public"]
    public.owner_organisation = Organisation.objects.get(key="3b")
    public.save()
    FindingPhoto.private_objects.create(
        finding=public, image=ContentFile(jpeg_bytes(), name="f.jpg")
    )


def test_the_pdf_lists_participants_and_findings_with_owners(client, koordinator, walk, findings):
    _setup(walk, findings)
    client.force_login(koordinator)
    response = client.get(f"/p/amager/walks/{walk.pk}/protocol.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Referat-Aftenvandring-i-Urbanplanen-2016-10-12.pdf" in response["Content-Disposition"]
    text = _pdf_text(response)
    assert "Referat: Aftenvandring i Urbanplanen" in text
    assert "Beboere" in text and "12" in text
    assert "Fund 1: Belysning – Stien ved Remiseparken" in text
    assert "Ansvarlig: 3B" in text
    assert "Kælderskakten" in text
    assert "Narkohjørnet" not in text  # police-only: not in the coordinator's protocol


def test_the_pdf_has_the_route_map_and_the_photo(client, koordinator, walk, findings):
    _setup(walk, findings)
    client.force_login(koordinator)
    reader = PdfReader(io.BytesIO(client.get(f"/p/amager/walks/{walk.pk}/protocol.pdf").content))
    images = [image for page in reader.pages for image in page.images]
    assert len({image.name for image in images}) == 1  # the photo; the map is vector graphics


def test_the_route_map_svg_draws_area_route_and_numbered_pins(walk, findings):
    from trygplan.walks.protocol import route_map_svg

    svg = route_map_svg(walk, list(walk.findings.all()))
    assert svg.count("<polygon") >= 1 and "<polyline" in svg
    assert svg.count("<circle") == 3 and ">1</text>" in svg and ">3</text>" in svg


def test_police_users_get_police_only_findings_in_their_protocol(client, police, walk, findings):
    client.force_login(police)
    assert "Narkohjørnet" in _pdf_text(client.get(f"/p/amager/walks/{walk.pk}/protocol.pdf"))


def test_the_word_protocol_has_the_same_content(client, partner, walk, findings):
    _setup(walk, findings)
    client.force_login(partner)
    response = client.get(f"/p/amager/walks/{walk.pk}/protocol.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Beboere" in cells and "Boligorganisationens personale – 3B" in cells
    assert "Stien ved Remiseparken" in " ".join(cells) and "3B" in cells
    assert len(document.inline_shapes) == 2  # the map and the photo


def test_anonymous_and_outsiders_get_no_protocol(client, outsider, walk):
    assert client.get(f"/p/amager/walks/{walk.pk}/protocol.pdf").status_code == 404
    client.force_login(outsider)
    assert client.get(f"/p/amager/walks/{walk.pk}/protocol.docx").status_code == 403


def test_it_refuses_post(client, koordinator, walk):
    client.force_login(koordinator)
    assert client.post(f"/p/amager/walks/{walk.pk}/protocol.pdf").status_code == 405


def test_a_control_character_in_the_notes_does_not_break_the_word_protocol(
    client, koordinator, walk, findings
):
    walk.pre_meeting_notes = "Vi mødtes\x0bved Remiseparken."
    walk.save()
    client.force_login(koordinator)
    response = client.get(f"/p/amager/walks/{walk.pk}/protocol.docx")
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "Vi mødtesved Remiseparken." in paragraphs
    pdf = client.get(f"/p/amager/walks/{walk.pk}/protocol.pdf")
    assert pdf.status_code == 200 and "Vi mødtes" in _pdf_text(pdf)
