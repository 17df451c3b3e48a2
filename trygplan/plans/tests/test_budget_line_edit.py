import pytest
from django.urls import reverse

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.plans.models import BudgetLine


@pytest.fixture
def line(draft2017):
    return draft2017.activities.get(key="ung-i-job").budget_lines.get(year=2017)


def edit_url(line, year=2017):
    return reverse("plans:budget_line_edit", args=["amager", year, line.activity.key, line.pk])


def post(client, line, amount, **extra):
    data = {"year": line.year, "label": line.label, "amount": amount, "source": "partnership"}
    data.update(extra)
    return client.post(edit_url(line), data)


def test_the_working_group_changes_an_amount_and_the_total_follows(client, line, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = post(client, line, "175.000")
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.amount == 175_000
    assert line.activity.plan.partnership_funds() == 1_525_000
    entry = AuditEntry.objects.get(object_id=line.pk, action="update")
    assert entry.user == arbejdsgruppe
    assert changes_by_label(entry) == {"Beløb (kr.)": ["150.000 kr.", "175.000 kr."]}
    page = client.get(reverse("plans:overview", args=["amager", 2017])).content.decode()
    assert "1.525.000" in page


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "Beløbet kan ikke være negativt."),
        ("abc", "er ikke et beløb"),
        ("1250.50", "punktum som decimaltegn"),
        ("", "Skriv et beløb i hele kroner."),
    ],
)
def test_bad_amounts_get_a_danish_message_and_nothing_is_saved(
    client, line, arbejdsgruppe, amount, message
):
    client.force_login(arbejdsgruppe)
    response = post(client, line, amount)
    assert response.status_code == 200
    assert message in response.content.decode()
    line.refresh_from_db()
    assert line.amount == 150_000
    assert not AuditEntry.objects.filter(object_id=line.pk, action="update").exists()


def test_co_financing_needs_a_funder(client, line, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    response = post(client, line, "10.000", source="co_financing")
    assert "Medfinansiering skal have en organisation" in response.content.decode()


def test_a_new_line_can_be_added_and_deleted(client, draft2017, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    create = reverse("plans:budget_line_create", args=["amager", 2017, "saermaaling"])
    response = client.post(
        create,
        {"year": 2017, "label": "Ekstra spørgsmål", "amount": "6.000", "source": "partnership"},
    )
    assert response.status_code == 302
    new = BudgetLine.private_objects.get(label="Ekstra spørgsmål")
    delete = reverse("plans:budget_line_delete", args=["amager", 2017, "saermaaling", new.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not BudgetLine.private_objects.filter(pk=new.pk).exists()
    assert AuditEntry.objects.filter(object_id=new.pk, action="delete").exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_get_403(client, line, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(edit_url(line)).status_code == 403
    assert post(client, line, "1").status_code == 403
    line.refresh_from_db()
    assert line.amount == 150_000


def test_anonymous_is_sent_to_log_in(client, line):
    response = client.get(edit_url(line))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_another_partnerships_user_cannot_find_the_draft(client, line, outsider):
    client.force_login(outsider)
    assert client.get(edit_url(line)).status_code == 404
    assert post(client, line, "1").status_code == 404


def test_a_published_plan_leads_to_an_amendment_not_a_change(client, plan2016, arbejdsgruppe):
    # Issue 3 changed this from a 403: an approved plan is edited through an amendment.
    published = plan2016.activities.get(key="ung-i-job").budget_lines.get(year=2016)
    client.force_login(arbejdsgruppe)
    response = client.post(
        edit_url(published, 2016).replace("/2017/", "/2016/"),
        {"year": 2016, "label": "x", "amount": "1", "source": "partnership"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/p/amager/plans/2016/approved/"
    published.refresh_from_db()
    assert published.amount == 150_000
