"""Adding and editing an indicator and its yearly targets (`setup_views.indicator_create`,
`indicator_edit`, `indicator_delete`)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.followup.models import Indicator
from trygplan.partnerships.models import Organisation

CREATE = reverse("followup:indicator_create", args=["amager"])


def edit(key):
    return reverse("followup:indicator_edit", args=["amager", key])


def _targets(*rows, initial=0):
    data = {"targets-TOTAL_FORMS": len(rows), "targets-INITIAL_FORMS": initial}
    for n, row in enumerate(rows):
        data |= {f"targets-{n}-{name}": value for name, value in row.items()}
    return data


def _new(amager, **changes):
    result = amager.results.get(number=5)
    data = {
        "name": "Lamper der virker",
        "parent": f"result:{result.pk}",
        "kind": "performance",
        "measure": "how_well",
        "definition": "Andel af lamperne på stierne, der lyser ved en aftenrunde.",
        "source": "partnership",
        "reported_by": Organisation.objects.get(key="3b").pk,
        "unit": "% af lamperne",
        "higher_is_better": "on",
        "baseline_value": "72,5",
        "baseline_label": "2016",
        "baseline_source": "3B's egen optælling",
    }
    return data | _targets({"year": "2017", "value": "85"}, {"year": "", "value": ""}) | changes


def test_the_coordinator_adds_an_indicator_with_a_target(client, followup, koordinator):
    client.force_login(koordinator)
    form = client.get(CREATE).content.decode()
    assert "Ny indikator" in form and "Mål år for år" in form and "<optgroup" in form
    response = client.post(CREATE, _new(followup))
    assert response.status_code == 302
    indicator = Indicator.objects.get(partnership=followup, key="lamper-der-virker")
    assert indicator.result.number == 5 and indicator.effect is None
    assert indicator.baseline_value == Decimal("72.5")
    assert [(t.year, t.value) for t in indicator.targets.all()] == [(2017, Decimal("85"))]
    assert (
        AuditEntry.objects.get(code="indicator.create", object_id=indicator.pk).partnership
        == followup
    )
    target = indicator.targets.get()
    assert AuditEntry.objects.filter(code="indicatortarget.create", object_id=target.pk).exists()
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert "Lamper der virker" in page and "Ret indikatoren og dens mål" in page


def test_the_same_name_twice_gets_its_own_key(client, followup, koordinator):
    client.force_login(koordinator)
    client.post(CREATE, _new(followup))
    client.post(CREATE, _new(followup, **_targets()))
    keys = Indicator.objects.filter(name="Lamper der virker").values_list("key", flat=True)
    assert sorted(keys) == ["lamper-der-virker", "lamper-der-virker-2"]


def test_bad_input_is_refused_beside_the_field_and_nothing_is_saved(client, followup, koordinator):
    client.force_login(koordinator)
    data = _new(
        followup,
        kind="population",
        measure="how_much",
        parent="",
        baseline_value="12.5.3",
        **_targets({"year": "2017", "value": "1"}, {"year": "2017", "value": "2"}),
    )
    html = client.post(CREATE, data).content.decode()
    assert "En befolkningsindikator har intet spørgsmål." in html
    assert "Vælg et resultat eller en effekt." in html
    assert "er ikke et tal" in html
    assert "Hvert år kan kun have ét mål. Flere mål for: 2017." in html
    assert not Indicator.objects.filter(name="Lamper der virker").exists()


def test_the_coordinator_moves_an_indicator_and_changes_its_targets(client, ssp_cases, koordinator):
    client.force_login(koordinator)
    form = client.get(edit("ssp-enkeltsager")).content.decode()
    assert "Ret indikator" in form and "Slet indikatoren" not in form  # it has values
    rows = [
        {"id": t.pk, "year": t.year, "value": str(t.value).replace(".", ",")}
        for t in ssp_cases.targets.all()
    ]
    rows[0]["value"] = "9"
    rows[-1]["DELETE"] = "on"
    effect = ssp_cases.partnership.effects.get(number=2)
    data = {
        "name": ssp_cases.name,
        "parent": f"effect:{effect.pk}",
        "kind": "population",
        "measure": "",
        "definition": ssp_cases.definition,
        "source": "ssp",
        "reported_by": ssp_cases.reported_by_id,
        "unit": ssp_cases.unit,
        "counts_young_people": "on",
    } | _targets(*rows, initial=len(rows))
    response = client.post(edit("ssp-enkeltsager"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    ssp_cases.refresh_from_db()
    assert ssp_cases.effect == effect and ssp_cases.result is None
    targets = list(ssp_cases.targets.values_list("year", "value"))
    assert targets[0][1] == Decimal("9") and len(targets) == len(rows) - 1
    entry = AuditEntry.objects.get(code="indicator.update", object_id=ssp_cases.pk)
    assert entry.changes["parent"][1] == "Mindre kriminalitet"
    assert AuditEntry.objects.filter(code="indicatortarget.delete").count() == 1


def test_an_indicator_without_values_can_be_deleted(client, followup, koordinator):
    client.force_login(koordinator)
    client.post(CREATE, _new(followup))
    assert "Slet indikatoren" in client.get(edit("lamper-der-virker")).content.decode()
    delete = reverse("followup:indicator_delete", args=["amager", "lamper-der-virker"])
    assert client.post(delete).status_code == 302
    assert not Indicator.objects.filter(key="lamper-der-virker").exists()
    client.post(reverse("followup:indicator_delete", args=["amager", "ssp-enkeltsager"]))
    assert Indicator.objects.filter(key="ssp-enkeltsager").exists()


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, ssp_cases, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(CREATE, _new(ssp_cases.partnership)).status_code == 403
    assert client.post(edit("ssp-enkeltsager"), {"name": "X"}).status_code == 403
    assert not Indicator.objects.filter(name="Lamper der virker").exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, followup, outsider):
    assert client.post(CREATE, _new(followup)).status_code == 302
    client.force_login(outsider)
    assert client.post(CREATE, _new(followup)).status_code == 404
    assert client.get(edit("ssp-enkeltsager")).status_code == 404


def test_wrong_methods_are_refused(client, followup, koordinator):
    client.force_login(koordinator)
    assert client.delete(CREATE).status_code == 405
    delete = reverse("followup:indicator_delete", args=["amager", "ssp-enkeltsager"])
    assert client.get(delete).status_code == 405
