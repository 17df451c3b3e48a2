"""A photo attached to an application or a receipt keeps nothing of where it was taken, is
stored under a random name outside every served folder, and comes only through the view."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from trygplan.lib.tests.test_uploads import gps_jpeg
from trygplan.pools.models import Application, Attachment, Expense

from .test_view_apply import URL, form_data
from .test_view_expense import data as expense_data
from .test_view_expense import url as expense_url


def _served(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_a_jpeg_attached_to_an_application_is_served_without_its_gps(
    client, urban, koordinator, private_media, settings
):
    photo = SimpleUploadedFile("IMG_0042.jpg", gps_jpeg(), "image/jpeg")
    assert client.post(URL, form_data(attachments=photo)).status_code == 302
    attachment = Attachment.objects.get(application=Application.private_objects.get())
    assert attachment.original_name == "IMG_0042.jpg"
    assert re.fullmatch(r"pools/private/[0-9a-f]{32}\.jpg", attachment.file.name)
    assert attachment.file.path.startswith(str(private_media))
    client.force_login(koordinator)
    served = _served(client, f"/p/amager/pools/attachments/{attachment.pk}/")
    with Image.open(io.BytesIO(served)) as image:
        assert not image.getexif()
    assert b"TestCam" not in served


def test_a_pdf_holding_html_is_refused_on_the_public_form(client, urban):
    fake = SimpleUploadedFile(
        "tilbud.pdf", b"%PDF-1.4\n<html><script>x()</script>", "application/pdf"
    )
    response = client.post(URL, form_data(attachments=fake))
    assert "“tilbud.pdf” er ikke en gyldig PDF-fil." in response.content.decode()
    assert not Application.private_objects.exists()


def test_attachments_over_20_mb_together_are_refused(client, urban, settings):
    settings.TRYGPLAN_MAX_REQUEST_BYTES = 40 * 1024 * 1024
    big = [SimpleUploadedFile(f"{n}.pdf", b"%PDF-1.4" + b"0" * (7 * 1024 * 1024)) for n in "abc"]
    response = client.post(URL, form_data(attachments=big))
    assert "Bilagene må højst fylde 20 MB tilsammen." in response.content.decode()
    assert not Application.private_objects.exists()


def test_a_receipt_photo_loses_its_gps_too(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    receipt = SimpleUploadedFile("kvittering.jpg", gps_jpeg(), "image/jpeg")
    assert client.post(expense_url(grant), expense_data(receipt=receipt)).status_code == 302
    expense = Expense.private_objects.get()
    served = _served(client, f"/p/amager/pools/expenses/{expense.pk}/receipt/")
    assert not Image.open(io.BytesIO(served)).getexif()
