from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import Plan


def _url(slug):
    return reverse("plans:create", args=[slug])


DATA = {
    "title": "Tryghedsplan for Tingbjerg Partnerskab 2016",
    "year": "2016",
    "frame": "1.200.000",
}


def test_the_working_group_makes_a_new_partnerships_first_plan(client, outsider, tingbjerg):
    client.force_login(outsider)
    assert client.get(_url("tingbjerg")).status_code == 200
    response = client.post(_url("tingbjerg"), DATA)
    plan = Plan.private_objects.get(partnership=tingbjerg)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert (plan.year, plan.frame, plan.status) == (2016, 1_200_000, Plan.Status.DRAFT)
    assert AuditEntry.objects.filter(plan=plan, action="create").exists()


def test_the_partnership_home_offers_the_first_plan_to_editors_only(
    client, outsider, tingbjerg, partner
):
    client.force_login(outsider)
    assert _url("tingbjerg") in client.get(tingbjerg.get_absolute_url()).content.decode()
    client.force_login(partner)
    assert _url("tingbjerg") not in client.get(tingbjerg.get_absolute_url()).content.decode()


def test_a_partnership_with_a_plan_is_sent_to_the_next_year_service(
    client, arbejdsgruppe, plan2016
):
    client.force_login(arbejdsgruppe)
    response = client.post(_url("amager"), {**DATA, "year": "2016"})
    assert response.status_code == 200
    assert "Næste års plan laves ud fra den" in str(response.context["form"].non_field_errors())
    assert Plan.private_objects.filter(partnership=plan2016.partnership).count() == 1


def test_bad_input_is_explained_beside_the_field(client, outsider, tingbjerg):
    client.force_login(outsider)
    errors = (
        client.post(_url("tingbjerg"), {"title": "", "year": "2030", "frame": "1.200.000,50"})
        .context["form"]
        .errors
    )
    assert "titel" in errors["title"][0]
    assert "partnerskabets periode" in errors["year"][0]
    assert "øre" in errors["frame"][0]
    assert not Plan.private_objects.filter(partnership=tingbjerg).exists()


def test_other_partnerships_read_only_roles_and_anonymous_cannot(
    client, tingbjerg, partner, amager
):
    assert client.get(_url("tingbjerg")).status_code == 302
    client.force_login(partner)  # Amager's partner staff
    assert client.post(_url("tingbjerg"), DATA).status_code == 403
    assert client.post(_url("amager"), DATA).status_code == 403
    assert client.put(_url("tingbjerg")).status_code == 405
    assert not Plan.private_objects.filter(partnership=tingbjerg).exists()
