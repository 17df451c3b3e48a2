from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.audit.display import changes_by_label
from trygplan.audit.models import AuditEntry
from trygplan.followup.models import IndicatorValue, Submission
from trygplan.followup.services import submission_transition, submission_values_save


def _rows(indicator, value, quality="provisional"):
    return [{"indicator": indicator.pk, "value": value, "quality": quality, "note": ""}]


def test_values_are_saved_and_recorded(draft_submission, ssp_cases, partner):
    submission_values_save(submission=draft_submission, rows=_rows(ssp_cases, "3"), user=partner)
    value = IndicatorValue.private_objects.get(submission=draft_submission, indicator=ssp_cases)
    assert value.value == Decimal(3)
    entry = AuditEntry.objects.newest_first().first()
    assert entry.user == partner
    assert list(changes_by_label(entry).values()) == [["–", "3"]]


def test_changing_a_final_value_needs_a_reason(draft_submission, ssp_cases, partner):
    submission_values_save(
        submission=draft_submission, rows=_rows(ssp_cases, "12", "final"), user=partner
    )
    with pytest.raises(ValidationError, match="Skriv en begrundelse"):
        submission_values_save(
            submission=draft_submission, rows=_rows(ssp_cases, "13", "final"), user=partner
        )
    submission_values_save(
        submission=draft_submission,
        rows=_rows(ssp_cases, "13", "final"),
        user=partner,
        reason="Politiet rettede en dobbeltregistrering",
    )
    entry = AuditEntry.objects.newest_first().first()
    assert entry.reason == "Politiet rettede en dobbeltregistrering"
    assert list(changes_by_label(entry).values()) == [["12", "13"]]


def test_nothing_is_saved_when_one_row_is_bad(draft_submission, ssp_cases, partner, followup):
    from trygplan.followup.models import Indicator

    police = Indicator.objects.get(key="sigtelser-under-18")
    rows = _rows(ssp_cases, "3") + _rows(police, "4")
    with pytest.raises(ValidationError):
        submission_values_save(submission=draft_submission, rows=rows, user=partner)
    assert not draft_submission.values.exists()


def test_a_submitted_submission_cannot_be_changed(draft_submission, ssp_cases, partner):
    submission_values_save(submission=draft_submission, rows=_rows(ssp_cases, "3"), user=partner)
    submission_transition(submission=draft_submission, action="submit", user=partner)
    draft_submission.refresh_from_db()
    with pytest.raises(PermissionDenied):
        submission_values_save(
            submission=draft_submission, rows=_rows(ssp_cases, "4"), user=partner
        )


def test_it_goes_from_draft_to_locked(draft_submission, ssp_cases, partner, koordinator):
    submission_values_save(submission=draft_submission, rows=_rows(ssp_cases, "3"), user=partner)
    for action, status in [("submit", "submitted"), ("approve", "approved"), ("lock", "locked")]:
        submission = submission_transition(
            submission=draft_submission, action=action, user=koordinator
        )
        assert submission.status == status
    assert AuditEntry.objects.filter(action="transition").count() == 3


def test_an_empty_submission_cannot_be_submitted(draft_submission, partner):
    with pytest.raises(ValidationError, match="ingen værdier"):
        submission_transition(submission=draft_submission, action="submit", user=partner)


def test_a_locked_submission_cannot_be_returned(draft_submission, koordinator):
    Submission.private_objects.filter(pk=draft_submission.pk).update(status="locked")
    with pytest.raises(ValidationError):
        submission_transition(
            submission=draft_submission, action="return", user=koordinator, reason="fejl"
        )


def test_returning_needs_a_reason(draft_submission, koordinator):
    Submission.private_objects.filter(pk=draft_submission.pk).update(status="submitted")
    with pytest.raises(ValidationError, match="hvorfor"):
        submission_transition(submission=draft_submission, action="return", user=koordinator)


def test_making_a_final_value_provisional_needs_a_reason_and_is_recorded(
    draft_submission, ssp_cases, partner
):
    submission_values_save(
        submission=draft_submission, rows=_rows(ssp_cases, "12", "final"), user=partner
    )
    with pytest.raises(ValidationError, match="Skriv en begrundelse"):
        submission_values_save(
            submission=draft_submission, rows=_rows(ssp_cases, "12", "provisional"), user=partner
        )
    submission_values_save(
        submission=draft_submission,
        rows=_rows(ssp_cases, "12", "provisional"),
        user=partner,
        reason="Politiet har varslet en rettelse",
    )
    entry = AuditEntry.objects.newest_first().first()
    assert changes_by_label(entry) == {"Status": ["Endelig", "Foreløbig"]}
    assert entry.reason == "Politiet har varslet en rettelse"
