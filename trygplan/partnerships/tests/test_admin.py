"""The partnership admins are audited like the pages: each change is in the history with
source "admin" and the partnership."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.core.tests.admin_forms import admin_form_data
from trygplan.partnerships.models import Body, Membership, Organisation


@pytest.fixture
def admin_client(client, city_admin):
    client.force_login(city_admin)
    return client


def _change(client, model: str, obj, **changes):
    url = reverse(f"admin:partnerships_{model}_change", args=[obj.pk])
    data = admin_form_data(client.get(url), f"{model}_form") | changes
    return client.post(url, data)


def test_a_partnership_change_is_audited(admin_client, amager):
    response = _change(admin_client, "partnership", amager, also_known_as="Trygt Amager")
    assert response.status_code == 302
    entry = AuditEntry.objects.get(code="partnership.update", object_id=amager.pk)
    assert entry.source == "admin" and entry.partnership == amager
    assert entry.changes["also_known_as"] == ["Tryghedspartnerskabet", "Trygt Amager"]


def test_an_organisation_change_is_audited(admin_client, amager):
    dkr = Organisation.objects.get(key="dkr")
    assert _change(admin_client, "organisation", dkr, short_name="DKR!").status_code == 302
    entry = AuditEntry.objects.get(code="organisation.update", object_id=dkr.pk)
    assert entry.source == "admin" and entry.changes["short_name"] == ["DKR", "DKR!"]


def test_a_body_and_its_members_changes_are_audited(admin_client, amager):
    body = Body.objects.get(partnership=amager, kind="steering_group")
    member = body.members.get(name="Lone Bech")
    index = list(body.members.values_list("pk", flat=True)).index(member.pk)
    response = _change(
        admin_client, "body", body, purpose="Beslutter.", **{f"members-{index}-title": "Chef"}
    )
    assert response.status_code == 302
    assert AuditEntry.objects.get(code="body.update", object_id=body.pk).source == "admin"
    entry = AuditEntry.objects.get(code="bodymember.update", object_id=member.pk)
    assert entry.source == "admin" and entry.partnership == amager
    assert entry.changes["title"] == ["SSP-chef", "Chef"]


def test_a_membership_change_is_audited(admin_client, amager, partner):
    membership = Membership.objects.get(user=partner, partnership=amager)
    assert _change(admin_client, "membership", membership, role="working_group").status_code == 302
    entry = AuditEntry.objects.get(code="membership.update", object_id=membership.pk)
    assert entry.source == "admin" and entry.partnership == amager
    assert entry.changes["role"] == ["partner", "working_group"]
