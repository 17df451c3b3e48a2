"""Reordering by numbers (`theory_views.theory_renumber`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry


def url(kind="results", slug="valby"):
    return reverse("plans:theory_renumber", args=[slug, kind])


def _numbers(valby, **by_name):
    return {f"number_{r.pk}": by_name.get(r.name, r.number) for r in valby.results.all()}


def test_two_results_swap_numbers(client, valby, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    form = client.get(url()).content.decode()
    assert "Resultaternes numre" in form and "Færre sigtelser" in form
    data = _numbers(valby, **{"Færre sigtelser": 2, "Mere dialog": 1})
    assert client.post(url(), data).status_code == 302
    assert list(valby.results.values_list("name", flat=True)) == ["Mere dialog", "Færre sigtelser"]
    changes = sorted(e.changes["number"] for e in AuditEntry.objects.filter(code="result.update"))
    assert changes == [[1, 2], [2, 1]]


def test_a_number_given_twice_is_refused(client, valby, koordinator):
    client.force_login(koordinator)
    html = client.post(url(), _numbers(valby, **{"Mere dialog": 1})).content.decode()
    assert "Hvert nummer må kun bruges én gang. Brugt flere gange: 1." in html
    assert sorted(valby.results.values_list("number", flat=True)) == [1, 2]


def test_a_frozen_theory_cannot_be_renumbered(client, plan2016, koordinator):
    client.force_login(koordinator)
    assert client.get(url(slug="amager")).status_code == 403


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused(client, valby, who, request):
    client.force_login(request.getfixturevalue(who))
    data = _numbers(valby, **{"Færre sigtelser": 2, "Mere dialog": 1})
    assert client.post(url(), data).status_code == 403
    assert valby.results.get(name="Mere dialog").number == 2


def test_anonymous_and_other_partnerships_are_kept_out(client, valby, outsider):
    assert client.get(url()).status_code == 302
    client.force_login(outsider)
    assert client.get(url()).status_code == 403


def test_it_refuses_other_methods(client, valby, koordinator):
    client.force_login(koordinator)
    assert client.delete(url()).status_code == 405
