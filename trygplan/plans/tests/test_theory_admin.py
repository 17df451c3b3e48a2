"""The admin follows the theory of change's one rule (`theory_access.frozen_by`) and audits."""

from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.plans.models import Result


def test_an_admin_change_of_an_open_theory_is_in_the_history(client, valby, city_admin):
    client.force_login(city_admin)
    result = valby.results.get(number=2)
    url = reverse("admin:plans_result_change", args=[result.pk])
    data = {
        "partnership": valby.pk,
        "number": 2,
        "name": "Mere dialog i området",
        "effects": [e.pk for e in result.effects.all()],
    }
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.get(object_id=result.pk, code="result.update")
    assert entry.source == "admin" and entry.partnership == valby
    assert entry.changes["name"] == ["Mere dialog", "Mere dialog i området"]


def test_a_frozen_theory_refuses_change_and_addition_in_the_admin(client, plan2016, city_admin):
    client.force_login(city_admin)
    amager = plan2016.partnership
    result = amager.results.get(number=11)
    url = reverse("admin:plans_result_change", args=[result.pk])
    data = {"partnership": amager.pk, "number": 11, "name": "Ændret", "effects": []}
    assert client.post(url, data).status_code == 403
    result.refresh_from_db()
    assert result.name != "Ændret"
    response = client.post(
        reverse("admin:plans_result_add"),
        {"partnership": amager.pk, "number": 50, "name": "Nyt", "effects": []},
    )
    assert "Forandringsteorien kan ikke længere ændres" in response.content.decode()
    assert not Result.objects.filter(partnership=amager, number=50).exists()
