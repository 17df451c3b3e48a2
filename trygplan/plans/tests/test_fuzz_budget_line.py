"""Fuzzing the budget line form: whatever the working group types, the answer is the form
with Danish messages or a saved line, never a server error; a refused change leaves the
line, the plan's other lines and the audit log as they were."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trygplan.audit.models import AuditEntry
from trygplan.core.forms import CONTROL_CHARACTERS
from trygplan.core.tests.fuzzing import FUZZ, Requester, amount, count_rows, rolled_back, typed
from trygplan.lib.money import MAX_KRONER
from trygplan.partnerships.models import Organisation
from trygplan.plans.models import BudgetLine

from .test_budget_line_edit import edit_url

pytestmark = pytest.mark.fuzz
requester = Requester("plans: budget line form")


@pytest.fixture
def line(draft2017):
    return draft2017.activities.get(key="ung-i-job").budget_lines.get(year=2017)


@pytest.fixture
def logged_in(client, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    return client


def _snapshot(line):
    return tuple(BudgetLine.private_objects.filter(activity__plan=line.activity.plan).values_list())


@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "year": st.one_of(st.integers(2000, 2030).map(str), typed(20)),
            "label": typed(400),
            "amount": amount(),
            "source": st.one_of(st.sampled_from(BudgetLine.Source.values), typed(30)),
            "funder": st.one_of(st.integers(-1, 50).map(str), typed(20)),
            "note": typed(12_000),
        },
    ),
    new=st.booleans(),
)
@FUZZ
def test_the_budget_line_form_never_fails_and_never_half_saves(logged_in, line, data, new):
    url = (
        edit_url(line).replace(f"budget/{line.pk}/edit/", "budget/new/") if new else edit_url(line)
    )
    with rolled_back():
        before, lines = count_rows(BudgetLine, AuditEntry), _snapshot(line)
        response = requester.post(url, data, client=logged_in)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            assert count_rows(BudgetLine, AuditEntry) == before
            assert _snapshot(line) == lines, "a refused change altered the plan's lines"
        else:
            saved = BudgetLine.private_objects.order_by("-pk").first() if new else line
            saved.refresh_from_db()
            assert 0 <= saved.amount <= MAX_KRONER
            assert not CONTROL_CHARACTERS.search(saved.label + saved.note)
            assert saved.funder_id is None or Organisation.objects.filter(pk=saved.funder_id)
