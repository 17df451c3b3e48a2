"""Amounts and texts the budget line form used to crash on (a 4.300-digit amount was a 500)."""

import pytest

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import BudgetLine

from .test_budget_line_edit import edit_url


@pytest.fixture
def line(draft2017):
    return draft2017.activities.get(key="ung-i-job").budget_lines.get(year=2017)


def _post(client, line, **data):
    client.raise_request_exception = False
    values = {"year": line.year, "label": line.label, "amount": "1", "source": "partnership"}
    values.update(data)
    return client.post(edit_url(line), values)


@pytest.mark.parametrize("amount", ["9" * 4300, "1.000.000.000.000", "9" * 19])
def test_an_enormous_amount_is_refused_in_danish_and_nothing_is_saved(
    client, line, arbejdsgruppe, amount
):
    client.force_login(arbejdsgruppe)
    before = (line.amount, AuditEntry.objects.count())
    response = _post(client, line, amount=amount)
    assert response.status_code == 200
    assert "Beløbet er for stort" in response.content.decode()
    line.refresh_from_db()
    assert (line.amount, AuditEntry.objects.count()) == before


def test_a_vertical_tab_in_the_note_is_not_stored(client, line, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = _post(client, line, amount="150.000", note="Se\x0b bilag")
    assert response.status_code == 302
    assert BudgetLine.private_objects.get(pk=line.pk).note == "Se bilag"


def test_a_note_longer_than_the_limit_is_refused(client, line, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = _post(client, line, amount="150.000", note="x" * 10_001)
    assert response.status_code == 200
    assert "10000" in response.content.decode().replace(".", "")
