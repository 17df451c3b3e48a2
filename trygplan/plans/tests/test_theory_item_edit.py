"""Editing an effect, a result or a focus area (`theory_views.theory_item_edit`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry


@pytest.fixture
def dialogue(valby):
    return valby.results.get(number=2)


def url(item, kind="results"):
    return reverse("plans:theory_item_edit", args=[item.partnership.slug, kind, item.pk])


def _data(result, **changes):
    data = {
        "number": result.number,
        "name": result.name,
        "effects": [e.pk for e in result.effects.all()],
    }
    return data | changes


def test_the_working_group_renames_a_result_and_links_it_to_another_effect(
    client, dialogue, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    crime = dialogue.partnership.effects.get(number=2)
    form = client.get(url(dialogue)).content.decode()
    assert "Ret resultat" in form and 'value="Mere dialog"' in form
    response = client.post(
        url(dialogue), _data(dialogue, name="Mere dialog med unge", effects=[crime.pk])
    )
    assert response.status_code == 302
    dialogue.refresh_from_db()
    assert dialogue.name == "Mere dialog med unge"
    assert list(dialogue.effects.all()) == [crime]
    entry = AuditEntry.objects.get(object_id=dialogue.pk, code="result.update")
    assert entry.changes["name"] == ["Mere dialog", "Mere dialog med unge"]
    assert [item["repr"] for item in entry.changes["effects"][1]] == ["Mindre kriminalitet"]


def test_a_save_from_an_old_form_is_refused_with_what_changed(client, dialogue, koordinator):
    client.force_login(koordinator)
    form = client.get(url(dialogue)).content.decode()
    version = form.split('name="version" value="', 1)[1].split('"', 1)[0]
    client.post(url(dialogue), _data(dialogue, name="Første ændring", version=version))
    html = client.post(
        url(dialogue), _data(dialogue, name="Anden ændring", version=version)
    ).content.decode()
    assert "Dine ændringer er ikke gemt." in html
    dialogue.refresh_from_db()
    assert dialogue.name == "Første ændring"


def test_an_unused_item_offers_delete_and_a_used_one_says_why_not(
    client, valby, koordinator, plan2016
):
    client.force_login(koordinator)
    focus = valby.focus_areas.get()
    assert "Slet “Dialog og omdømme”" in client.get(url(focus, "focus-areas")).content.decode()
    used = plan2016.partnership.results.get(number=11)
    # Amager's theory is frozen: its form is refused, so make an indicator use a Valby result.
    from trygplan.followup.models import Indicator
    from trygplan.partnerships.models import Organisation

    charges = valby.results.get(number=1)
    Indicator.objects.create(
        partnership=valby,
        key="sigtelser",
        name="Sigtelser",
        result=charges,
        kind="population",
        definition="Antal sigtelser.",
        source="police",
        reported_by=Organisation.objects.get(key="politi"),
        unit="sigtelser",
        higher_is_better=False,
    )
    html = client.get(url(charges)).content.decode()
    assert "Bruges af 1 indikator og kan derfor ikke slettes." in html
    assert "Slet “" not in html
    assert client.get(url(used)).status_code == 403


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused(client, dialogue, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(url(dialogue), _data(dialogue, name="X")).status_code == 403
    dialogue.refresh_from_db()
    assert dialogue.name == "Mere dialog"


def test_anonymous_and_other_partnerships_are_kept_out(client, dialogue, outsider, tingbjerg):
    assert client.get(url(dialogue)).status_code == 302
    client.force_login(outsider)
    assert client.get(url(dialogue)).status_code == 403
    # Valby's result is not found under Tingbjerg's address, where the outsider may edit.
    other = reverse("plans:theory_item_edit", args=["tingbjerg", "results", dialogue.pk])
    assert client.get(other).status_code == 404


def test_it_refuses_other_methods(client, dialogue, koordinator):
    client.force_login(koordinator)
    assert client.put(url(dialogue)).status_code == 405
