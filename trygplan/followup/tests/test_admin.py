"""The follow-up admins are audited like the pages (source "admin", the partnership), and what
is decided stays read-only: an approved or locked submission and its values."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from trygplan.audit.models import AuditEntry
from trygplan.core.tests.admin_forms import admin_form_data
from trygplan.followup.models import (
    ChartNote,
    DeliverableProgress,
    Event,
    IndicatorValue,
    Reporter,
    Submission,
)
from trygplan.partnerships.models import Organisation


@pytest.fixture
def admin_client(client, city_admin):
    client.force_login(city_admin)
    return client


def _url(model, obj, action="change"):
    return reverse(f"admin:followup_{model}_{action}", args=[obj.pk])


def _change(client, model: str, obj, **changes):
    data = admin_form_data(client.get(_url(model, obj)), f"{model}_form") | changes
    return client.post(_url(model, obj), data)


def _entry(code, obj) -> AuditEntry:
    return AuditEntry.objects.get(code=code, object_id=obj.pk)


def test_a_reporter_change_is_audited(admin_client, followup, partner):
    reporter = Reporter.objects.get(user=partner, partnership=followup)
    police = Organisation.objects.get(key="politi")
    assert _change(admin_client, "reporter", reporter, organisation=police.pk).status_code == 302
    entry = _entry("reporter.update", reporter)
    assert entry.source == "admin" and entry.partnership == followup


def test_an_indicator_and_its_targets_are_audited(admin_client, ssp_cases):
    target = ssp_cases.targets.first()
    response = _change(
        admin_client, "indicator", ssp_cases, unit="enkeltsager", **{"targets-0-value": "7"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _entry("indicator.update", ssp_cases).changes["unit"][1] == "enkeltsager"
    entry = _entry("indicatortarget.update", target)
    assert entry.source == "admin" and entry.partnership == ssp_cases.partnership


def test_a_draft_submission_is_audited_and_an_approved_one_refuses_change(
    admin_client, followup, draft_submission, ssp_cases
):
    IndicatorValue.private_objects.create(
        submission=draft_submission, indicator=ssp_cases, value="12"
    )
    response = _change(admin_client, "submission", draft_submission, **{"values-0-note": "Rettet"})
    assert response.status_code == 302
    value = draft_submission.values.get()
    assert value.note == "Rettet"
    assert _entry("indicatorvalue.update", value).source == "admin"
    approved = Submission.private_objects.filter(partnership=followup, status="approved").first()
    assert approved is not None
    page = admin_client.get(_url("submission", approved)).content.decode()
    assert 'name="values-0-value"' not in page  # shown, not editable
    approved_value = approved.values.first()
    response = admin_client.post(
        _url("submission", approved),
        {"organisation": approved.organisation_id, "year": approved.year},
    )
    assert response.status_code == 403
    approved_value.refresh_from_db()
    assert IndicatorValue.private_objects.get(pk=approved_value.pk).value == approved_value.value
    assert (
        admin_client.post(_url("submission", approved, "delete"), {"post": "yes"}).status_code
        == 403
    )


def test_an_event_change_is_audited(admin_client, followup):
    event = Event.private_objects.create(
        partnership=followup,
        kind="dialogue",
        title="Dialogmøde",
        starts_at=timezone.make_aware(datetime.datetime(2017, 3, 1, 17)),
        place="Beboerhuset",
    )
    assert _change(admin_client, "event", event, place="Biblioteket").status_code == 302
    entry = _entry("event.update", event)
    assert entry.source == "admin" and entry.changes["place"] == ["Beboerhuset", "Biblioteket"]


def test_progress_is_never_changed_in_the_admin_and_its_removal_is_audited(admin_client, followup):
    entry = DeliverableProgress.objects.filter(
        deliverable__description__plan__partnership=followup
    ).first()
    assert admin_client.post(_url("deliverableprogress", entry), {"count": 1}).status_code == 403
    response = admin_client.post(_url("deliverableprogress", entry, "delete"), {"post": "yes"})
    assert response.status_code == 302
    audit = _entry("deliverableprogress.delete", entry)
    assert audit.source == "admin" and audit.partnership == followup


def test_a_chart_note_change_is_audited(admin_client, followup):
    note = ChartNote.objects.create(partnership=followup, year=2015, text="Ny klub")
    assert _change(admin_client, "chartnote", note, text="Ny klub åbner").status_code == 302
    assert _entry("chartnote.update", note).partnership == followup
