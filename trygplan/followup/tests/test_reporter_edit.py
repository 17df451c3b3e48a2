"""Who reports for which organisation (`setup_views.reporter_create`, `reporter_edit`,
`reporter_delete`)."""

import pytest
from django.urls import reverse

from trygplan.audit.models import AuditEntry
from trygplan.followup.models import Reporter
from trygplan.partnerships.models import Organisation

CREATE = reverse("followup:reporter_create", args=["amager"])


def test_the_coordinator_makes_a_partner_a_reporter(client, followup, koordinator, styregruppe):
    client.force_login(koordinator)
    police = Organisation.objects.get(key="politi")
    form = client.get(CREATE).content.decode()
    assert "Ny indberetter" in form and "Mette Søndergaard" in form
    assert (
        client.post(CREATE, {"user": styregruppe.pk, "organisation": police.pk}).status_code == 302
    )
    reporter = Reporter.objects.get(user=styregruppe, partnership=followup)
    assert reporter.organisation == police
    assert (
        AuditEntry.objects.get(code="reporter.create", object_id=reporter.pk).partnership
        == followup
    )


def test_one_organisation_per_user_and_only_the_partnerships_users(
    client, followup, koordinator, partner, outsider
):
    client.force_login(koordinator)
    police = Organisation.objects.get(key="politi")
    html = client.post(CREATE, {"user": partner.pk, "organisation": police.pk}).content.decode()
    assert "Anders Mikkelsen indberetter allerede for SSP København. Ret den i stedet." in html
    html = client.post(CREATE, {"user": outsider.pk, "organisation": police.pk}).content.decode()
    assert "Bruger" in html and "Der er problemer" in html
    assert not Reporter.objects.filter(user=outsider).exists()


def test_the_coordinator_changes_and_removes_a_reporter(client, followup, koordinator, partner):
    client.force_login(koordinator)
    reporter = Reporter.objects.get(user=partner, partnership=followup)
    police = Organisation.objects.get(key="politi")
    url = reverse("followup:reporter_edit", args=["amager", reporter.pk])
    assert client.post(url, {"user": partner.pk, "organisation": police.pk}).status_code == 302
    reporter.refresh_from_db()
    assert reporter.organisation == police
    delete = reverse("followup:reporter_delete", args=["amager", reporter.pk])
    assert client.post(delete).status_code == 302
    assert not Reporter.objects.filter(pk=reporter.pk).exists()
    assert AuditEntry.objects.filter(code="reporter.delete", object_id=reporter.pk).exists()


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_other_roles_are_refused(client, followup, who, request, partner):
    client.force_login(request.getfixturevalue(who))
    reporter = Reporter.objects.get(user=partner, partnership=followup)
    assert client.get(CREATE).status_code == 403
    delete = reverse("followup:reporter_delete", args=["amager", reporter.pk])
    assert client.post(delete).status_code == 403
    assert Reporter.objects.filter(pk=reporter.pk).exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, followup, outsider, partner):
    reporter = Reporter.objects.get(user=partner, partnership=followup)
    delete = reverse("followup:reporter_delete", args=["amager", reporter.pk])
    assert client.post(delete).status_code == 302
    client.force_login(outsider)
    assert client.post(delete).status_code == 404
    assert Reporter.objects.filter(pk=reporter.pk).exists()


def test_wrong_methods_are_refused(client, followup, koordinator, partner):
    client.force_login(koordinator)
    reporter = Reporter.objects.get(user=partner, partnership=followup)
    assert client.delete(CREATE).status_code == 405
    assert (
        client.get(reverse("followup:reporter_delete", args=["amager", reporter.pk])).status_code
        == 405
    )
