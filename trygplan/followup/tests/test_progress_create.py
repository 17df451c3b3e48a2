from trygplan.audit.models import AuditEntry
from trygplan.followup.models import DeliverableProgress
from trygplan.plans.models import Deliverable

URL = "/p/amager/followup/2016/status/progress/new/"


def _deliverable():
    return Deliverable.objects.get(description__plan__year=2016, quantity=40, unit="unge")


def test_the_working_group_records_progress(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert "Registrér fremdrift" in client.get(URL).content.decode()
    response = client.post(
        URL, {"deliverable": _deliverable().pk, "date": "2016-03-01", "count": "12", "note": ""}
    )
    assert response.status_code == 302
    entry = DeliverableProgress.objects.get()
    assert entry.count == 12 and entry.created_by == arbejdsgruppe
    audit = AuditEntry.objects.get(object_id=entry.pk, action="create")
    assert audit.activity_key == _deliverable().description.key


def test_a_missing_count_is_explained(client, plan2016, koordinator):
    client.force_login(koordinator)
    response = client.post(URL, {"deliverable": _deliverable().pk, "date": "2016-03-01"})
    assert "Skriv hvor mange der blev leveret." in response.content.decode()
    assert not DeliverableProgress.objects.exists()


def test_only_typed_deliverables_of_the_plan_can_be_chosen(client, plan2016, koordinator):
    client.force_login(koordinator)
    untyped = Deliverable.objects.filter(description__plan=plan2016, quantity__isnull=True).first()
    response = client.post(URL, {"deliverable": untyped.pk, "date": "2016-03-01", "count": "1"})
    assert response.status_code == 200
    assert not DeliverableProgress.objects.exists()


def test_a_partner_cannot_record_progress(client, plan2016, partner):
    client.force_login(partner)
    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, plan2016):
    assert client.get(URL).status_code == 302


def test_users_of_another_partnership_get_404(client, plan2016, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 404


def test_it_refuses_put(client, plan2016, koordinator):
    client.force_login(koordinator)
    assert client.put(URL).status_code == 405
