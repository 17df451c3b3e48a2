import pytest

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import DeliverableProgress
from trygplan.plans.models import Deliverable


@pytest.fixture
def entry(plan2016):
    deliverable = Deliverable.objects.get(description__plan=plan2016, quantity=40, unit="unge")
    return DeliverableProgress.objects.create(deliverable=deliverable, date="2016-03-01", count=12)


def _url(entry):
    return f"/p/amager/followup/2016/status/progress/{entry.pk}/delete/"


def test_the_coordinator_deletes_an_entry_and_the_history_keeps_it(client, entry, koordinator):
    client.force_login(koordinator)
    text = client.get(_url(entry)).content.decode()
    assert "Slet registrering" in text and "1. marts 2016: 12" in text
    response = client.post(_url(entry), {"reason": "Registreret to gange"})
    assert response.status_code == 302
    assert not DeliverableProgress.objects.exists()
    audit = AuditEntry.objects.get(action="delete")
    assert audit.user == koordinator and audit.reason == "Registreret to gange"
    assert changes_by_label(audit)["Antal"] == ["12", "–"]
    assert audit.activity_key == entry.deliverable.description.key
    assert "Registreringen er slettet." in client.get(response["Location"]).content.decode()


def test_deleting_needs_a_reason(client, entry, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    text = client.post(_url(entry), {"reason": " "}).content.decode()
    assert "Skriv hvorfor registreringen slettes." in text
    assert DeliverableProgress.objects.exists()


def test_the_correction_page_links_to_deleting(client, entry, koordinator):
    client.force_login(koordinator)
    page = client.get(f"/p/amager/followup/2016/status/progress/{entry.pk}/").content.decode()
    assert _url(entry) in page


def test_a_read_only_member_cannot_delete(client, entry, styregruppe):
    client.force_login(styregruppe)
    assert client.post(_url(entry), {"reason": "x"}).status_code == 403
    assert DeliverableProgress.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, entry):
    assert client.post(_url(entry), {"reason": "x"}).status_code == 302
    assert DeliverableProgress.objects.exists()


def test_users_of_another_partnership_get_404(client, entry, outsider):
    client.force_login(outsider)
    assert client.post(_url(entry), {"reason": "x"}).status_code == 404


def test_it_refuses_put(client, entry, koordinator):
    client.force_login(koordinator)
    assert client.put(_url(entry)).status_code == 405
