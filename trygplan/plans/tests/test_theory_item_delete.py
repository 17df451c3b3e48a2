"""Removing an unused effect, result or focus area (`theory_views.theory_item_delete`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import ActivityDescription, Effect, Result


def url(item, kind):
    return reverse("plans:theory_item_delete", args=[item.partnership.slug, kind, item.pk])


def test_an_unused_result_is_removed_and_the_removal_recorded(client, valby, koordinator):
    client.force_login(koordinator)
    result = valby.results.get(number=2)
    response = client.post(url(result, "results"))
    assert response.status_code == 302
    assert not Result.objects.filter(pk=result.pk).exists()
    entry = AuditEntry.objects.get(object_id=result.pk, code="result.delete")
    assert entry.changes == {"name": ["Mere dialog", None]} and entry.partnership == valby


def test_a_used_item_stays_and_the_page_says_why(client, valby, koordinator):
    client.force_login(koordinator)
    effect = valby.effects.get(number=2)  # result 1 contributes to it
    response = client.post(url(effect, "effects"), follow=True)
    assert (
        "“Mindre kriminalitet” bruges af 1 resultat og kan ikke slettes."
        in response.content.decode()
    )
    assert Effect.objects.filter(pk=effect.pk).exists()
    result = valby.results.get(number=1)
    plan = valby.plans.get()
    description = ActivityDescription.objects.create(plan=plan, key="dialog", title="Dialog")
    description.results.add(result)
    client.post(url(result, "results"))
    assert Result.objects.filter(pk=result.pk).exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused(client, valby, who, request):
    client.force_login(request.getfixturevalue(who))
    result = valby.results.get(number=2)
    assert client.post(url(result, "results")).status_code == 403
    assert Result.objects.filter(pk=result.pk).exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, valby, outsider):
    result = valby.results.get(number=2)
    assert client.post(url(result, "results")).status_code == 302
    client.force_login(outsider)
    assert client.post(url(result, "results")).status_code == 403
    assert Result.objects.filter(pk=result.pk).exists()


def test_a_frozen_theory_keeps_even_an_unused_result(client, plan2016, koordinator):
    client.force_login(koordinator)
    unused = Result.objects.create(partnership=plan2016.partnership, number=99, name="Ubrugt")
    assert client.post(url(unused, "results")).status_code == 403
    assert Result.objects.filter(pk=unused.pk).exists()


def test_it_is_post_only(client, valby, koordinator):
    client.force_login(koordinator)
    assert client.get(url(valby.results.get(number=2), "results")).status_code == 405
