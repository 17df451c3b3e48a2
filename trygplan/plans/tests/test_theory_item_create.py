"""Adding an effect, a result or a focus area (`theory_views.theory_item_create`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import Result


def url(kind="results", slug="valby"):
    return reverse("plans:theory_item_create", args=[slug, kind])


def test_the_coordinator_adds_a_result_linked_to_an_effect(client, valby, koordinator):
    client.force_login(koordinator)
    form = client.get(url()).content.decode()
    assert "Nyt resultat" in form and 'value="3"' in form  # the next free number
    safety = valby.effects.get(number=1)
    response = client.post(url(), {"number": 3, "name": "Flere unge i job", "effects": [safety.pk]})
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:theory_edit", args=["valby"])
    result = Result.objects.get(partnership=valby, number=3)
    assert list(result.effects.all()) == [safety]
    entry = AuditEntry.objects.get(object_id=result.pk, code="result.create")
    assert entry.partnership == valby and entry.source == "web"
    assert entry.user.username == "koordinator"


@pytest.mark.parametrize(
    ("kind", "data", "count"),
    [
        ("effects", {"number": 3, "name": "Stærkere fællesskab"}, "effects"),
        (
            "focus-areas",
            {"number": 2, "short_name": "Byrum", "name": "Det trygge byrum", "description": ""},
            "focus_areas",
        ),
    ],
)
def test_the_working_group_adds_effects_and_focus_areas(
    client, valby, arbejdsgruppe, kind, data, count
):
    client.force_login(arbejdsgruppe)
    before = getattr(valby, count).count()
    assert client.post(url(kind), data).status_code == 302
    assert getattr(valby, count).count() == before + 1


def test_a_taken_number_and_a_missing_name_are_refused_in_danish(client, valby, koordinator):
    client.force_login(koordinator)
    html = client.post(url(), {"number": 1, "name": ""}).content.decode()
    assert "Nummer 1 bruges allerede af “Færre sigtelser”." in html
    assert "Skriv resultatet." in html
    html = client.post(url(), {"number": "tre", "name": "X"}).content.decode()
    assert "Skriv et helt tal, fx 3." in html
    assert valby.results.count() == 2


def test_nothing_is_added_once_an_approved_plan_builds_on_the_theory(client, plan2016, koordinator):
    client.force_login(koordinator)
    response = client.post(url(slug="amager"), {"number": 16, "name": "Nyt resultat"})
    assert response.status_code == 403
    assert "er offentliggjort" in response.content.decode()
    assert not Result.objects.filter(partnership=plan2016.partnership, number=16).exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused(client, valby, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url()).status_code == 403
    assert client.post(url(), {"number": 3, "name": "X"}).status_code == 403
    assert valby.results.count() == 2


def test_anonymous_and_other_partnerships_are_kept_out(client, valby, outsider):
    assert client.post(url(), {"number": 3, "name": "X"}).status_code == 302
    client.force_login(outsider)
    assert client.post(url(), {"number": 3, "name": "X"}).status_code == 403
    assert valby.results.count() == 2


def test_an_unknown_kind_is_404_and_other_methods_are_refused(client, valby, koordinator):
    client.force_login(koordinator)
    assert client.get(url("activities")).status_code == 404
    assert client.delete(url()).status_code == 405
