"""Registering expenses with receipts; refunds; never more than granted."""

from django.core.files.uploadedfile import SimpleUploadedFile

from trygplan.pools.models import Expense

from .conftest import PDF


def url(grant):
    return f"/p/amager/pools/grants/{grant.pk}/expenses/new/"


def data(**overrides):
    values = {"date": "2016-05-02", "amount": "4.000", "supplier": "Amager El", "note": ""}
    values.update(overrides)
    return values


def test_an_expense_with_a_receipt_is_registered(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    receipt = SimpleUploadedFile("kvittering.pdf", PDF, "application/pdf")
    response = client.post(url(grant), data(receipt=receipt))
    assert response.status_code == 302
    expense = Expense.private_objects.get()
    assert expense.amount == 4_000 and expense.receipt.name.endswith(".pdf")
    download = client.get(f"/p/amager/pools/expenses/{expense.pk}/receipt/")
    assert b"".join(download.streaming_content) == PDF


def test_a_refund_is_written_with_a_minus(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    client.post(url(grant), data())
    client.post(url(grant), data(amount="-500", supplier="Amager El (kreditnota)"))
    assert list(Expense.private_objects.values_list("amount", flat=True)) == [4_000, -500]


def test_more_than_the_grant_is_refused(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = client.post(url(grant), data(amount="10.001"))
    assert "Udgiften er større end det, der er tilbage af bevillingen (10.000 kr.)." in (
        response.content.decode()
    )
    assert not Expense.private_objects.exists()


def test_a_receipt_must_be_a_pdf_or_an_image(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    fake = SimpleUploadedFile("kvittering.pdf", b"#!/bin/sh\necho hej\n", "application/pdf")
    response = client.post(url(grant), data(receipt=fake))
    assert "er ikke en PDF-, JPEG- eller PNG-fil." in response.content.decode()
    assert not Expense.private_objects.exists()


def test_partner_staff_cannot_register_expenses(client, grant, partner):
    client.force_login(partner)
    assert client.post(url(grant), data()).status_code == 403
    assert not Expense.private_objects.exists()


def test_anonymous_and_other_partnerships_get_404(client, grant, outsider):
    assert client.get(url(grant)).status_code == 404
    client.force_login(outsider)
    assert client.get(url(grant)).status_code == 404


def test_a_receipt_is_not_public(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    client.post(url(grant), data(receipt=SimpleUploadedFile("k.pdf", PDF)))
    client.logout()
    expense = Expense.private_objects.get()
    assert client.get(f"/p/amager/pools/expenses/{expense.pk}/receipt/").status_code == 404


def test_wrong_method(client, grant, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.put(url(grant)).status_code == 405
