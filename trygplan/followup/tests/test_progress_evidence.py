"""Evidence attached to a progress entry: checked by content, stripped of metadata, stored
privately under a random name."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from trygplan.followup.models import DeliverableProgress
from trygplan.lib.tests.test_uploads import PDF, gps_jpeg

from .test_progress_create import URL, _deliverable


def _post(client, evidence):
    data = {"deliverable": _deliverable().pk, "date": "2016-03-01", "count": "3", "note": ""}
    return client.post(URL, {**data, "evidence": evidence})


def test_a_photo_as_evidence_loses_its_gps_and_gets_a_random_name(
    client, plan2016, arbejdsgruppe, private_media
):
    client.force_login(arbejdsgruppe)
    response = _post(client, SimpleUploadedFile("deltagerliste.jpg", gps_jpeg()))
    assert response.status_code == 302
    evidence = DeliverableProgress.objects.get().evidence
    assert re.fullmatch(r"followup/evidence/\d{4}/[0-9a-f]{32}\.jpg", evidence.name)
    assert evidence.path.startswith(str(private_media))
    assert not Image.open(evidence.path).getexif()


def test_a_pdf_is_kept(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert _post(client, SimpleUploadedFile("liste.pdf", PDF)).status_code == 302
    assert DeliverableProgress.objects.get().evidence.read() == PDF


def test_a_file_that_is_not_a_pdf_or_an_image_is_refused(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = _post(client, SimpleUploadedFile("liste.pdf", b"%PDF-1.4\n<html>"))
    assert "er ikke en gyldig PDF-fil" in response.content.decode()
    assert not DeliverableProgress.objects.exists()
