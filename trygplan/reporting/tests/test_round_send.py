import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.reporting import services
from trygplan.reporting.models import ReportRound
from trygplan.reporting.report import report_data

from .conftest import accept_all

STEP = "/p/amager/reporting/2016/midyear/step/{action}/"
TEXTS = "/p/amager/reporting/2016/midyear/texts/"


def test_a_report_is_sent_only_when_every_part_is_accepted_and_summed_up(midyear, arbejdsgruppe):
    with pytest.raises(ValidationError) as error:
        services.round_transition(round_=midyear, action="recommend", user=arbejdsgruppe)
    assert "ikke godkendt endnu" in str(error.value)
    assert "Skriv sammenfatningen" in str(error.value)
    midyear.refresh_from_db()
    assert midyear.is_open and midyear.snapshot is None


def test_the_working_group_sends_the_report_and_the_steering_group_is_told(
    client, midyear, koordinator, arbejdsgruppe, styregruppe, django_capture_on_commit_callbacks
):
    styregruppe.email = "styregruppe@example.org"
    styregruppe.save()
    accept_all(midyear, koordinator)
    ReportRound.private_objects.filter(pk=midyear.pk).update(summary="Godt halvår.")
    client.force_login(arbejdsgruppe)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(STEP.format(action="recommend"))
    assert response.status_code == 302
    midyear.refresh_from_db()
    assert midyear.status == "sent" and midyear.sent_at is not None
    assert set(midyear.snapshot) == {"internal", "public"}
    assert [message.to for message in mail.outbox] == [["styregruppe@example.org"]]
    assert "Halvårsstatus 2016" in mail.outbox[0].subject + mail.outbox[0].body


def test_a_sent_report_is_frozen_as_sent(client, sent_midyear, koordinator, arbejdsgruppe):
    before = report_data(sent_midyear, public=False)["summary"]
    ReportRound.private_objects.filter(pk=sent_midyear.pk).update(summary="Ændret bagefter.")
    sent_midyear.refresh_from_db()
    assert report_data(sent_midyear, public=False)["summary"] == before
    client.force_login(koordinator)
    assert client.get(TEXTS).status_code == 403
    part = sent_midyear.parts.first()
    with pytest.raises(ValidationError):
        services.part_transition(part=part, action="return", user=koordinator, comment="x")


def test_the_partner_cannot_send_the_report(client, midyear, reporter):
    client.force_login(reporter)
    assert client.post(STEP.format(action="recommend")).status_code == 403


def test_the_steering_group_closes_once_every_recommendation_is_decided(
    sent_midyear, styregruppe, koordinator
):
    from trygplan.reporting.models import ReportRecommendation
    from trygplan.reporting.workflow import RECOMMENDATION

    recommendation = ReportRecommendation.private_objects.create(
        round=sent_midyear, title="Til efterretning", text="Tag status til efterretning."
    )
    RECOMMENDATION.start(recommendation, user=koordinator)
    with pytest.raises(ValidationError):
        services.round_transition(round_=sent_midyear, action="close", user=styregruppe)
    services.recommendation_decide(
        recommendation=recommendation, action="approve", user=styregruppe
    )
    with pytest.raises(PermissionDenied):
        services.round_transition(round_=sent_midyear, action="close", user=koordinator)
    closed = services.round_transition(round_=sent_midyear, action="close", user=styregruppe)
    assert closed.status == "closed"


def test_steps_are_post_only(client, midyear, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(STEP.format(action="recommend")).status_code == 405
    assert client.post(STEP.format(action="explode")).status_code == 404


def test_anonymous_and_other_partnerships_cannot_send(client, midyear, outsider):
    assert client.post(STEP.format(action="recommend")).status_code == 302
    client.force_login(outsider)
    assert client.post(STEP.format(action="recommend")).status_code == 404


def test_the_working_group_writes_the_summary_and_notes(client, midyear, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert client.get(TEXTS).status_code == 200
    response = client.post(
        TEXTS, {"summary": "Godt halvår.", "internal_note": "Kun for os.", "meeting_on": ""}
    )
    assert response.status_code == 302
    midyear.refresh_from_db()
    assert (midyear.summary, midyear.internal_note) == ("Godt halvår.", "Kun for os.")


def test_the_steering_group_does_not_write_the_summary(client, midyear, styregruppe, outsider):
    client.force_login(styregruppe)
    assert client.post(TEXTS, {"summary": "Vores tekst."}).status_code == 403
    client.force_login(outsider)
    assert client.get(TEXTS).status_code == 404


def test_the_round_page_costs_a_bounded_number_of_queries(
    client, sent_midyear, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(25):
        response = client.get(sent_midyear.get_absolute_url())
    assert response.status_code == 200
