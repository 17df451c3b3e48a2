from django.urls import reverse

from trygplan.audit.models import AuditEntry


def url(key, year=2016):
    return reverse("plans:activity", args=["amager", year, key])


def test_a_row_shows_its_description_and_the_rows_it_shares_it_with(client, plan2016):
    html = client.get(url("akutpulje")).content.decode()
    assert "Puljer for øget tryghed" in html
    assert "Byrumspulje" in html and "Pulje til Tryghedsaktiviteter" in html
    assert "50.000 kr." in html
    assert "Øget dialog med lokale aktører" in html  # a result it contributes to


def test_the_ended_row_says_it_has_no_description(client, plan2016):
    response = client.get(url("tvaerfaglig-indsats-for-konflikthaandtering"))
    html = response.content.decode()
    assert "Aktiviteten har ingen beskrivelse" in html
    assert "50.000 kr." in html


def test_co_financing_shows_who_pays(client, plan2016):
    html = client.get(url("fritidsguiderne-paa-amager")).content.decode()
    assert "58.000 kr." in html and "41.000 kr." in html and "KFF" in html


def test_the_history_shows_who_changed_what(client, draft2017, arbejdsgruppe):
    line = draft2017.activities.get(key="ung-i-job").budget_lines.get(year=2017)
    client.force_login(arbejdsgruppe)
    client.post(
        reverse("plans:budget_line_edit", args=["amager", 2017, "ung-i-job", line.pk]),
        {"year": 2017, "label": line.label, "amount": "160.000", "source": "partnership"},
    )
    assert AuditEntry.objects.filter(activity_key="ung-i-job").exists()
    html = client.get(url("ung-i-job", 2017)).content.decode()
    assert "150.000 kr. → 160.000 kr." in html or "150000 → 160000" in html
    assert "Mads Nørgaard" in html
