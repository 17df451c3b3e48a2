"""Walk capture and deliverable progress through the API, by the working group only."""

import datetime
import uuid

import pytest
from django.utils import timezone

from trygplan.audit.models import AuditEntry
from trygplan.followup.models import DeliverableProgress
from trygplan.plans.models import Deliverable
from trygplan.walks.models import Finding, Walk
from trygplan.walks.tests.conftest import INSIDE

from .conftest import bearer


@pytest.fixture
def walk(amager):
    return Walk.private_objects.create(
        partnership=amager,
        title="Aftenvandring",
        starts_at=timezone.make_aware(datetime.datetime(2016, 10, 12, 19)),
        light="dark",
        season="autumn",
        status="walked",
    )


def _capture(client, walk, headers, key=None):
    body = {
        "client_uuid": str(key or uuid.uuid4()),
        "lat": INSIDE[1],
        "lon": INSIDE[0],
        "category": "lighting",
        "description": "Mørk sti",
    }
    return client.post(f"/api/v1/walks/{walk.pk}/findings", body, "application/json", **headers)


def test_the_working_group_captures_a_finding_once(client, walk, arbejdsgruppe):
    headers = bearer(arbejdsgruppe)
    key = uuid.uuid4()
    first = _capture(client, walk, headers, key)
    again = _capture(client, walk, headers, key)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and first.json()["visibility"] == "partnership"
    assert Finding.private_objects.count() == 1
    entry = AuditEntry.objects.get(code="finding.start")
    assert entry.source == "api" and entry.user == arbejdsgruppe


def test_partner_staff_may_not_capture(client, walk, partner):
    assert _capture(client, walk, bearer(partner)).status_code == 403
    assert not Finding.private_objects.exists()


def test_a_bad_category_is_400_with_the_field(client, walk, arbejdsgruppe):
    body = {
        "client_uuid": str(uuid.uuid4()),
        "lat": INSIDE[1],
        "lon": INSIDE[0],
        "category": "unicorns",
    }
    response = client.post(
        f"/api/v1/walks/{walk.pk}/findings", body, "application/json", **bearer(arbejdsgruppe)
    )
    assert response.status_code == 400 and "category" in response.json()["errors"]


def test_members_list_walks_and_the_public_does_not(client, walk, partner):
    assert client.get("/api/v1/walks").status_code == 401
    items = client.get("/api/v1/walks", **bearer(partner)).json()["items"]
    assert [item["id"] for item in items] == [walk.pk]


def test_the_working_group_records_progress(client, plan2016, arbejdsgruppe):
    # counted by hand: deliverables counted from walks or events take no entries
    deliverable = Deliverable.objects.filter(
        description__plan=plan2016, quantity__isnull=False, counts_from=""
    ).first()
    body = {"date": "2016-06-15", "count": 4, "note": "To møder"}
    response = client.post(
        f"/api/v1/deliverables/{deliverable.pk}/progress",
        body,
        "application/json",
        **bearer(arbejdsgruppe),
    )
    assert response.status_code == 201 and response.json()["count"] == 4
    entry = DeliverableProgress.objects.get()
    assert entry.created_by == arbejdsgruppe and entry.deliverable == deliverable


def test_partner_staff_may_not_record_progress(client, plan2016, partner):
    deliverable = Deliverable.objects.filter(description__plan=plan2016).first()
    response = client.post(
        f"/api/v1/deliverables/{deliverable.pk}/progress",
        {"date": "2016-06-15", "count": 4},
        "application/json",
        **bearer(partner),
    )
    assert response.status_code == 403 and not DeliverableProgress.objects.exists()
