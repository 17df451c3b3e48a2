import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.partnerships.models import Partnership
from trygplan.plans.models import Result

URL = reverse("city:partnership_create")


def _data(**extra):
    return {
        "name": "Tingbjerg-Husum Partnerskab",
        "slug": "tingbjerg-husum",
        "area_name": "Tingbjerg og Husum",
        "period_start": "2016",
        "period_end": "2019",
        "designated_area": "Tingbjerg/Husum",
        "new_parties": "Boligorganisationerne i Tingbjerg\n",
        "bodies": ["steering_group", "working_group"],
        **extra,
    }


def test_a_city_administrator_creates_a_partnership_with_its_area_and_a_copied_theory(
    client, amager, city_admin
):
    client.force_login(city_admin)
    kk = amager.parties.get(order=0).organisation
    response = client.post(URL, _data(parties=[kk.pk], copy_from=amager.pk))
    new = Partnership.objects.get(slug="tingbjerg-husum")
    assert response.status_code == 302
    assert response["Location"] == reverse("city:partnership_setup", args=[new.slug])
    assert new.area["type"] == "MultiPolygon" and "Tingbjerg/Husum" in new.area_source
    assert [p.organisation.name for p in new.parties.all()] == [
        kk.name,
        "Boligorganisationerne i Tingbjerg",
    ]
    assert sorted(new.bodies.values_list("kind", flat=True)) == ["steering_group", "working_group"]
    assert new.effects.count() == amager.effects.count() == 2
    assert new.results.count() == amager.results.count()
    assert new.focus_areas.count() == amager.focus_areas.count()
    links = Result.effects.through.objects
    assert (
        links.filter(result__partnership=new).count()
        == links.filter(result__partnership=amager).count()
    )
    assert not links.filter(result__partnership=new, effect__partnership=amager).exists()
    assert AuditEntry.objects.filter(partnership=new, action="create").exists()


def test_a_partnership_may_start_with_an_empty_theory_of_change(client, amager, city_admin):
    client.force_login(city_admin)
    client.post(URL, _data())
    assert not Partnership.objects.get(slug="tingbjerg-husum").effects.exists()


def _upload(data) -> SimpleUploadedFile:
    return SimpleUploadedFile("area.geojson", json.dumps(data).encode(), "application/geo+json")


def test_an_uploaded_area_is_validated_and_stored(client, amager, city_admin):
    client.force_login(city_admin)
    ring = [[12.5, 55.7], [12.51, 55.7], [12.51, 55.71], [12.5, 55.71], [12.5, 55.7]]
    data = _data(designated_area="", area_file=_upload({"type": "Polygon", "coordinates": [ring]}))
    assert client.post(URL, data).status_code == 302
    assert Partnership.objects.get(slug="tingbjerg-husum").area["coordinates"] == [ring]


def test_a_self_intersecting_upload_is_refused_beside_the_field_and_nothing_is_saved(
    client, amager, city_admin
):
    client.force_login(city_admin)
    bow_tie = [[12.5, 55.7], [12.51, 55.71], [12.51, 55.7], [12.5, 55.71], [12.5, 55.7]]
    upload = _upload({"type": "Polygon", "coordinates": [bow_tie]})
    response = client.post(URL, _data(designated_area="", area_file=upload))
    assert response.status_code == 200
    assert "krydser sig selv" in str(response.context["form"].errors["area_file"])
    assert not Partnership.objects.filter(slug="tingbjerg-husum").exists()


def test_broken_json_and_missing_area_get_danish_messages(client, amager, city_admin):
    client.force_login(city_admin)
    broken = SimpleUploadedFile("area.geojson", b"{not json", "application/json")
    errors = client.post(URL, _data(designated_area="", area_file=broken)).context["form"].errors
    assert errors["area_file"] == ["Filen er ikke gyldig JSON."]
    errors = client.post(URL, _data(designated_area="")).context["form"].errors
    assert "Vælg partnerskabets område" in errors["designated_area"][0]


def test_a_taken_slug_and_a_reversed_period_are_refused(client, amager, city_admin):
    client.force_login(city_admin)
    errors = client.post(URL, _data(slug="amager", period_end="2010")).context["form"].errors
    assert "bruges allerede" in errors["slug"][0]
    assert "før det første" in errors["period_end"][0]
    assert Partnership.objects.count() == 1


def test_only_a_city_administrator_may_create_partnerships(client, koordinator):
    assert client.get(URL).status_code == 302  # anonymous: to the login page
    client.force_login(koordinator)
    assert client.get(URL).status_code == 403
    assert client.post(URL, _data()).status_code == 403
    assert not Partnership.objects.filter(slug="tingbjerg-husum").exists()


def test_the_form_lists_the_citys_designated_areas(client, city_admin):
    client.force_login(city_admin)
    response = client.get(URL)
    assert response.status_code == 200
    choices = dict(response.context["form"].fields["designated_area"].choices)
    assert "Tingbjerg/Husum" in choices and "Urbanplanen mv." in choices
    assert client.put(URL).status_code == 405
