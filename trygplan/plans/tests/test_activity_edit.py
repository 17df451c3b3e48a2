from django.urls import reverse

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry


def test_the_working_group_renames_an_activity_and_links_results(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    activity = draft2017.activities.get(key="ung-i-job")
    url = reverse("plans:activity_edit", args=["amager", 2017, "ung-i-job"])
    form = client.get(url)
    assert "Rediger aktivitet" in form.content.decode()
    response = client.post(
        url,
        {
            "number": 7,
            "name": "Ung i job (14-18 år), udvidet",
            "focus_areas": [fa.pk for fa in activity.focus_areas.all()],
            "description": activity.description_id,
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.name == "Ung i job (14-18 år), udvidet"
    entry = AuditEntry.objects.get(object_id=activity.pk, action="update")
    assert changes_by_label(entry)["Navn"] == [
        "Ung i job (14-18 år)",
        "Ung i job (14-18 år), udvidet",
    ]


def test_an_empty_name_and_a_taken_number_are_refused(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    url = reverse("plans:activity_edit", args=["amager", 2017, "ung-i-job"])
    html = client.post(url, {"number": 8, "name": ""}).content.decode()
    assert "Aktiviteten skal have et navn." in html
    assert "Nummer 8 bruges allerede" in html


def test_results_are_linked_on_the_description(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    description = draft2017.descriptions.get(key="ung-i-job")
    results = draft2017.partnership.results.filter(number__in=[10, 11, 12, 13])
    response = client.post(
        reverse("plans:description_edit", args=["amager", 2017, "ung-i-job"]),
        {"title": description.title, "results": [r.pk for r in results]},
    )
    assert response.status_code == 302
    assert sorted(description.results.values_list("number", flat=True)) == [10, 11, 12, 13]
    entry = AuditEntry.objects.get(object_id=description.pk)
    assert (
        "13. Flere tilfredse medarbejdere" in changes_by_label(entry)["Bidrager til resultater"][1]
    )


def test_partner_staff_cannot_edit_a_description(client, draft2017, partner):
    client.force_login(partner)
    url = reverse("plans:description_edit", args=["amager", 2017, "ung-i-job"])
    assert client.get(url).status_code == 403
