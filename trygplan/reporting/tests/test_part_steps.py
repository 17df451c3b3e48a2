import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.followup.models import DeliverableProgress
from trygplan.reporting.models import PartFigure, PartSpending, ReportPart, Spending
from trygplan.reporting.services import part_transition
from trygplan.workflows.models import Step

STEP = "/p/amager/reporting/2016/midyear/parts/{pk}/{action}/"


@pytest.fixture
def filled(ung_i_job):
    ung_i_job.status_text = "19 unge i job."
    ung_i_job.save()
    PartFigure.private_objects.create(
        part=ung_i_job, deliverable=ung_i_job.deliverables().get(), count=19
    )
    PartSpending.private_objects.create(
        part=ung_i_job, activity=ung_i_job.activities().get(), amount=70_000
    )
    return ung_i_job


def test_the_partner_submits_and_the_coordinator_sends_back_with_a_comment(
    client, filled, reporter, koordinator
):
    client.force_login(reporter)
    assert client.post(STEP.format(pk=filled.pk, action="submit")).status_code == 302
    client.force_login(koordinator)
    client.post(STEP.format(pk=filled.pk, action="return"), {"reason": "Skriv om efteråret."})
    filled.refresh_from_db()
    assert filled.status == ReportPart.Status.DRAFT
    last = Step.objects.for_object(filled).last()
    assert (last.action, last.comment, last.user) == ("return", "Skriv om efteråret.", koordinator)
    page = client.get(filled.get_absolute_url()).content.decode()
    assert "Skriv om efteråret." in page


def test_sending_back_needs_a_comment(filled, reporter, koordinator):
    part_transition(part=filled, action="submit", user=reporter)
    with pytest.raises(ValidationError):
        part_transition(part=filled, action="return", user=koordinator, comment=" ")


def test_a_part_without_a_status_cannot_be_submitted(client, ung_i_job, reporter):
    client.force_login(reporter)
    response = client.post(STEP.format(pk=ung_i_job.pk, action="submit"), follow=True)
    assert "Skriv en kort status, før delrapporten sendes." in response.content.decode()
    ung_i_job.refresh_from_db()
    assert ung_i_job.is_draft


def test_accepting_books_the_figures_and_money_once(filled, reporter, koordinator):
    part_transition(part=filled, action="submit", user=reporter)
    part_transition(part=filled, action="accept", user=koordinator)
    progress = DeliverableProgress.objects.get(deliverable__description__key="ung-i-job")
    assert (progress.count, progress.date) == (19, datetime.date(2016, 6, 30))
    spending = Spending.objects.get(activity_key="ung-i-job")
    assert (spending.amount, spending.date_from, spending.date_to, spending.part) == (
        70_000,
        datetime.date(2016, 1, 1),
        datetime.date(2016, 6, 30),
        filled,
    )


def test_accepting_books_only_what_is_new_since_the_last_booking(filled, reporter, koordinator):
    deliverable = filled.deliverables().get()
    DeliverableProgress.objects.create(
        deliverable=deliverable, date=datetime.date(2016, 3, 1), count=7
    )
    Spending.objects.create(
        partnership=filled.round.partnership,
        year=2016,
        activity_key="ung-i-job",
        date_from=datetime.date(2016, 1, 1),
        date_to=datetime.date(2016, 3, 31),
        amount=30_000,
    )
    part_transition(part=filled, action="submit", user=reporter)
    part_transition(part=filled, action="accept", user=koordinator)
    counts = sorted(
        DeliverableProgress.objects.filter(deliverable=deliverable).values_list("count", flat=True)
    )
    assert counts == [7, 12]
    new = Spending.objects.get(part=filled)
    assert (new.amount, new.date_from) == (40_000, datetime.date(2016, 4, 1))


def test_a_figure_below_what_was_recorded_since_refuses_the_accept(filled, reporter, koordinator):
    part_transition(part=filled, action="submit", user=reporter)
    DeliverableProgress.objects.create(
        deliverable=filled.deliverables().get(), date=datetime.date(2016, 6, 1), count=30
    )
    with pytest.raises(ValidationError) as error:
        part_transition(part=filled, action="accept", user=koordinator)
    assert "Send delrapporten tilbage" in str(error.value)
    filled.refresh_from_db()
    assert filled.status == ReportPart.Status.SUBMITTED
    assert not Spending.objects.exists()  # nothing half-booked


def test_only_the_coordinator_accepts(client, filled, reporter, arbejdsgruppe):
    part_transition(part=filled, action="submit", user=reporter)
    with pytest.raises(PermissionDenied):
        part_transition(part=filled, action="accept", user=reporter)
    client.force_login(arbejdsgruppe)
    assert client.post(STEP.format(pk=filled.pk, action="accept")).status_code == 403


def test_steps_are_post_only_and_unknown_steps_are_not_found(client, filled, koordinator):
    client.force_login(koordinator)
    assert client.get(STEP.format(pk=filled.pk, action="submit")).status_code == 405
    assert client.post(STEP.format(pk=filled.pk, action="publish")).status_code == 404


def test_anonymous_and_other_partnerships_take_no_step(client, filled, outsider):
    assert client.post(STEP.format(pk=filled.pk, action="submit")).status_code == 302
    client.force_login(outsider)
    assert client.post(STEP.format(pk=filled.pk, action="submit")).status_code == 404
    filled.refresh_from_db()
    assert filled.is_draft
