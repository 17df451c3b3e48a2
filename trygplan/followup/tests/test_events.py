from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import Event

LIST = "/p/amager/followup/events/"
NEW = "/p/amager/followup/events/new/"


def test_anyone_sees_public_events_with_counts_by_group(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(10):
        response = client.get(LIST, {"aar": 2016})
    text = response.content.decode()
    assert "Urbanfestival 2016" in text
    assert "Unge (13-17 år)" in text
    assert "Opdigtede demodata" in text
    assert "Dialogmøde med referencegruppen" not in text  # internal


def test_members_also_see_internal_events(client, followup, partner):
    client.force_login(partner)
    everything = client.get(LIST, {"aar": "alle"}).content.decode()
    assert "Dialogmøde med referencegruppen" in everything


def test_another_partnerships_user_sees_only_public_events(client, followup, outsider):
    client.force_login(outsider)
    everything = client.get(LIST, {"aar": "alle"}).content.decode()
    assert "Dialogmøde med referencegruppen" not in everything


def test_the_event_list_refuses_post(client, followup):
    assert client.post(LIST).status_code == 405


def _event_data(**changes):
    data = {
        "title": "Lysfest 2017",
        "kind": "lysfest",
        "starts_at": "2017-11-20T17:00",
        "ends_at": "2017-11-20T20:00",
        "place": "Remiseparken",
        "activity_key": "dialog-og-kommunikation",
        "is_public": "on",
        "story": "",
        "attendance_children": "120",
        "attendance_adults": "80",
    }
    data.update(changes)
    return data


def test_the_coordinator_records_an_event_with_participants(client, draft2017, koordinator):
    client.force_login(koordinator)
    response = client.post(NEW, _event_data())
    assert response.status_code == 302
    event = Event.private_objects.get(title="Lysfest 2017")
    assert event.participants == 200
    assert AuditEntry.objects.filter(object_id=event.pk, action="create").exists()


def test_an_event_cannot_end_before_it_starts(client, amager, koordinator):
    client.force_login(koordinator)
    response = client.post(NEW, _event_data(ends_at="2017-11-20T10:00"))
    assert "kan ikke slutte før det starter" in response.content.decode()


def test_a_partner_cannot_record_events(client, amager, partner):
    client.force_login(partner)
    assert client.post(NEW, _event_data()).status_code == 403


def test_recording_needs_a_login(client, amager):
    assert client.get(NEW).status_code == 302


def test_users_of_another_partnership_get_404(client, amager, outsider):
    client.force_login(outsider)
    assert client.get(NEW).status_code == 404


def test_the_form_refuses_put(client, amager, koordinator):
    client.force_login(koordinator)
    assert client.put(NEW).status_code == 405


def test_a_new_public_event_is_in_the_calendar_feed_and_an_internal_one_is_not(
    client, draft2017, koordinator
):
    client.force_login(koordinator)
    # Far ahead, so the events are coming whatever today is; no plan is booked that far ahead.
    coming = {"starts_at": "2099-11-20T17:00", "ends_at": "2099-11-20T20:00", "activity_key": ""}
    client.post(NEW, _event_data(**coming))
    internal = _event_data(
        title="Internt møde", starts_at="2099-12-01T10:00", ends_at="", activity_key=""
    )
    del internal["is_public"]
    client.post(NEW, internal)
    client.logout()
    feed = client.get("/p/amager/followup/events/calendar.ics").content.decode()
    assert "SUMMARY:Lysfest 2017" in feed
    assert "Internt møde" not in feed


def test_the_coordinator_adds_a_photo_with_consent_when_creating_an_event(
    client, draft2017, koordinator, photo_upload
):
    client.force_login(koordinator)
    data = _event_data(photo=photo_upload, photo_caption="Lanterner", photo_consent="on")
    assert client.post(NEW, data).status_code == 302
    event = Event.private_objects.get(title="Lysfest 2017")
    assert event.photos.get().caption == "Lanterner"
    assert changes_by_label(AuditEntry.objects.get(object_id=event.pk))["Billede tilføjet"] == [
        "–",
        "Lanterner",
    ]


def test_the_activity_is_chosen_from_the_plans_activities(client, amager, koordinator):
    client.force_login(koordinator)
    text = client.get(NEW).content.decode()
    assert '<option value="streetsport">' in text
    assert "Ingen bestemt aktivitet" in text
