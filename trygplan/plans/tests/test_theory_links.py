"""The links result → effects on one page (`theory_views.theory_links`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry

URL = reverse("plans:theory_links", args=["valby"])


def test_the_coordinator_links_results_to_effects(client, valby, koordinator):
    client.force_login(koordinator)
    html = client.get(URL).content.decode()
    assert "<legend" in html and "1. Færre sigtelser" in html
    charges, dialogue = valby.results.order_by("number")
    safety, crime = valby.effects.order_by("number")
    data = {f"result_{charges.pk}": [safety.pk, crime.pk], f"result_{dialogue.pk}": [safety.pk]}
    assert client.post(URL, data).status_code == 302
    assert set(charges.effects.all()) == {safety, crime}
    assert list(dialogue.effects.all()) == [safety]
    entries = AuditEntry.objects.filter(code="result.update")
    assert [e.object_id for e in entries] == [charges.pk]  # the unchanged result is not recorded


def test_an_unknown_effect_is_refused(client, valby, koordinator):
    client.force_login(koordinator)
    charges = valby.results.get(number=1)
    html = client.post(URL, {f"result_{charges.pk}": ["999999"]}).content.decode()
    assert "Der er problemer" in html
    assert [e.number for e in charges.effects.all()] == [2]


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused(client, valby, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(URL, {}).status_code == 403
    assert valby.results.get(number=1).effects.count() == 1


def test_anonymous_and_other_partnerships_are_kept_out(
    client, valby, outsider, plan2016, koordinator
):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.post(URL, {}).status_code == 403
    client.force_login(koordinator)
    assert client.get(reverse("plans:theory_links", args=["amager"])).status_code == 403


def test_it_refuses_other_methods(client, valby, koordinator):
    client.force_login(koordinator)
    assert client.delete(URL).status_code == 405
