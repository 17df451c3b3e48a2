import pytest

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import DeliverableProgress
from trygplan.plans.models import Deliverable


@pytest.fixture
def entry(plan2016):
    deliverable = Deliverable.objects.get(description__plan=plan2016, quantity=40, unit="unge")
    return DeliverableProgress.objects.create(
        deliverable=deliverable, date="2016-03-01", count=12, note="Forårets hold"
    )


def _url(entry):
    return f"/p/amager/followup/2016/status/progress/{entry.pk}/"


def _data(entry, **changes):
    data = {
        "deliverable": entry.deliverable_id,
        "date": "2016-03-01",
        "count": "12",
        "note": "Forårets hold",
        "reason": "",
    }
    return data | changes


def test_the_working_group_corrects_an_entry_with_a_reason(client, entry, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    text = client.get(_url(entry)).content.decode()
    assert "Ret registrering" in text and 'value="12"' in text
    assert 'value="2016-03-01"' in text and "Leverance" in text
    response = client.post(_url(entry), _data(entry, count="14", reason="To unge manglede"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.count == 14
    audit = AuditEntry.objects.get(object_id=entry.pk, action="update")
    assert audit.user == arbejdsgruppe
    assert audit.reason == "To unge manglede"
    assert changes_by_label(audit) == {"Antal": ["12", "14"]}
    assert audit.activity_key == entry.deliverable.description.key


def test_a_correction_without_a_reason_is_refused_beside_the_field(client, entry, koordinator):
    client.force_login(koordinator)
    text = client.post(_url(entry), _data(entry, count="14")).content.decode()
    assert "Skriv hvorfor registreringen rettes." in text
    assert 'id="id_reason_error"' in text
    entry.refresh_from_db()
    assert entry.count == 12
    assert not AuditEntry.objects.filter(action="update").exists()


def test_the_status_board_lists_entries_with_a_link_to_correct_them(client, entry, koordinator):
    client.force_login(koordinator)
    text = client.get("/p/amager/followup/2016/status/?on=2016-12-31").content.decode()
    assert "1 registrering" in text
    assert _url(entry) in text


def test_read_only_members_see_no_correction_links(client, entry, styregruppe):
    client.force_login(styregruppe)
    text = client.get("/p/amager/followup/2016/status/?on=2016-12-31").content.decode()
    assert _url(entry) not in text


def test_a_partner_cannot_correct_entries(client, entry, partner):
    client.force_login(partner)
    assert client.post(_url(entry), _data(entry, count="1", reason="x")).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, entry):
    assert client.get(_url(entry)).status_code == 302


def test_users_of_another_partnership_get_404(client, entry, outsider):
    client.force_login(outsider)
    assert client.get(_url(entry)).status_code == 404


def test_an_entry_is_found_only_under_its_own_plan_year(client, entry, draft2017, koordinator):
    client.force_login(koordinator)
    assert client.get(f"/p/amager/followup/2017/status/progress/{entry.pk}/").status_code == 404


def test_it_refuses_put(client, entry, koordinator):
    client.force_login(koordinator)
    assert client.put(_url(entry)).status_code == 405
