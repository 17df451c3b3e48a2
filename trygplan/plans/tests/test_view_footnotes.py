"""A draft's footnotes written on pages (`footnote_views`): on an activity or a year's amount
in the overview, or in a text by key; in the plan's history; refused for an approved plan, for
other roles and for other partnerships."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import Footnote


def _url(name, plan, *args):
    return reverse(f"plans:{name}", args=[plan.partnership.slug, plan.year, *args])


def test_the_working_group_adds_a_footnote_that_the_overview_shows(
    client, draft2017, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    overview = client.get(draft2017.get_absolute_url()).content.decode()
    assert _url("footnotes", draft2017) in overview
    activity = draft2017.activities.get(key="ung-i-job")
    data = {"activity": activity.pk, "year": 2017, "key": "", "text": "Medfinansieret af SSP."}
    response = client.post(_url("footnote_create", draft2017), data)
    assert response.status_code == 302
    note = Footnote.objects.get(plan=draft2017, text="Medfinansieret af SSP.")
    assert note.activity == activity and note.year == 2017
    entry = AuditEntry.objects.get(code="footnote.create", object_id=str(note.pk))
    assert entry.user == arbejdsgruppe and entry.plan == draft2017
    assert entry.activity_key == "ung-i-job"
    overview = client.get(draft2017.get_absolute_url()).content.decode()
    assert "Medfinansieret af SSP." in overview


def test_a_footnote_is_on_an_activity_or_in_a_text_and_keys_are_unique(
    client, draft2017, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    activity = draft2017.activities.get(key="ung-i-job")
    both = {"activity": activity.pk, "key": "sarmaaling", "text": "x"}
    html = client.post(_url("footnote_create", draft2017), both).content.decode()
    assert "Vælg enten en aktivitet i oversigten eller en nøgle i en tekst" in html
    Footnote.objects.create(plan=draft2017, key="sarmaaling", text="Første")
    again = {"key": "sarmaaling", "text": "Anden"}
    html = client.post(_url("footnote_create", draft2017), again).content.decode()
    assert "Planen har allerede en fodnote med den nøgle." in html
    year_alone = {"key": "ny", "year": 2017, "text": "Tredje"}
    html = client.post(_url("footnote_create", draft2017), year_alone).content.decode()
    assert "Et år hører til en aktivitet i oversigten." in html
    assert not Footnote.objects.filter(text__in=["x", "Anden", "Tredje"]).exists()


def test_changing_and_deleting_are_in_the_history(client, draft2017, arbejdsgruppe):
    note = Footnote.objects.create(plan=draft2017, key="kilde", text="Kilde: DST")
    client.force_login(arbejdsgruppe)
    client.post(_url("footnote_edit", draft2017, note.pk), {"key": "kilde", "text": "Kilde: KK"})
    note.refresh_from_db()
    assert note.text == "Kilde: KK"
    assert client.get(_url("footnote_delete", draft2017, note.pk)).status_code == 405
    assert client.post(_url("footnote_delete", draft2017, note.pk)).status_code == 302
    assert not Footnote.objects.filter(pk=note.pk).exists()
    codes = set(
        AuditEntry.objects.filter(object_id=str(note.pk), code__startswith="footnote.").values_list(
            "code", flat=True
        )
    )
    assert codes == {"footnote.update", "footnote.delete"}


def test_an_approved_plans_footnotes_change_only_in_an_amendment(client, plan2016, arbejdsgruppe):
    note = plan2016.footnotes.first() or Footnote.objects.create(
        plan=plan2016, key="x", text="Godkendt"
    )
    client.force_login(arbejdsgruppe)
    response = client.post(_url("footnote_edit", plan2016, note.pk), {"key": "x", "text": "Nyt"})
    assert response.status_code == 302 and response.url == _url("frozen", plan2016)
    response = client.post(_url("footnote_delete", plan2016, note.pk))
    assert response.url == _url("frozen", plan2016)
    assert Footnote.objects.filter(pk=note.pk).exclude(text="Nyt").exists()
    page = client.get(_url("footnotes", plan2016)).content.decode()
    assert "ændres med et tillæg" in page and _url("footnote_create", plan2016) not in page


@pytest.mark.parametrize("who", ["styregruppe", "partner"])
def test_readers_see_the_list_but_may_not_write(client, draft2017, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(_url("footnotes", draft2017)).status_code == 200
    response = client.post(_url("footnote_create", draft2017), {"key": "k", "text": "t"})
    assert response.status_code == 403
    assert not Footnote.objects.filter(plan=draft2017, key="k").exists()


def test_another_partnership_and_anonymous_are_kept_out(client, draft2017, outsider):
    assert client.get(_url("footnotes", draft2017)).status_code == 302
    client.force_login(outsider)
    assert client.get(_url("footnotes", draft2017)).status_code == 404
    response = client.post(_url("footnote_create", draft2017), {"key": "k", "text": "t"})
    assert response.status_code == 404
