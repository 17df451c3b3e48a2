"""A follow-up step is dated to the day the work was done: never in the future, never before
the finding was made; bad dates are Danish messages beside the field, nothing is saved."""

import datetime

import pytest
from django.utils import timezone

from trygplan.walks.models import Finding, Walk
from trygplan.walks.workflow import FINDING

from .conftest import make_finding


def _url(finding):
    return f"/p/amager/walks/findings/{finding.pk}/step/"


def _post(client, finding, **data):
    data.setdefault("photo_kind", "after")
    return client.post(_url(finding), data)


def test_a_fix_dated_to_the_day_of_work_counts_from_the_walk(client, arbejdsgruppe, findings):
    finding = findings["public"]
    client.force_login(arbejdsgruppe)
    response = _post(client, finding, to_status="fixed", done_on="2016-11-03")
    assert response.status_code == 302
    finding.refresh_from_db()
    assert finding.status == "fixed"
    assert timezone.localdate(finding.fixed_at) == datetime.date(2016, 11, 3)
    assert finding.days_to_fix() == 22  # the walk was 12 October 2016
    step = FINDING.steps(finding).order_by("recorded_at", "pk").last()
    assert timezone.localdate(step.at) == datetime.date(2016, 11, 3)


def test_a_step_dated_today_is_accepted_whatever_the_hour(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    today = timezone.localdate()
    assert FINDING._when(today) <= timezone.now()
    response = _post(client, findings["public"], to_status="planned", done_on=today.isoformat())
    assert response.status_code == 302
    step = FINDING.steps(findings["public"]).order_by("recorded_at", "pk").last()
    assert (step.to_state, timezone.localdate(step.at)) == ("planned", today)


def test_a_date_in_the_future_is_refused_beside_the_field(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = _post(client, findings["public"], to_status="fixed", done_on=tomorrow.isoformat())
    assert response.status_code == 400
    assert "Datoen kan ikke ligge i fremtiden." in response.context["step_form"].errors["done_on"]
    findings["public"].refresh_from_db()
    assert findings["public"].status == "new"


def test_a_date_before_the_walk_is_refused(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    response = _post(client, findings["public"], to_status="fixed", done_on="2016-10-11")
    assert response.status_code == 400
    assert response.context["step_form"].errors["done_on"] == [
        "Datoen kan ikke ligge før fundet blev gjort (12. oktober 2016)."
    ]
    findings["public"].refresh_from_db()
    assert findings["public"].status == "new" and findings["public"].fixed_at is None


def test_a_residents_report_cannot_be_fixed_before_it_was_accepted(client, arbejdsgruppe, amager):
    reports = Walk.private_objects.create(
        partnership=amager,
        title="Beboernes indberetninger 2016",
        starts_at=timezone.make_aware(datetime.datetime(2016, 1, 1, 0, 0)),
        light=Walk.Light.DAYLIGHT,
        season=Walk.Season.WINTER,
        kind=Walk.Kind.RESIDENT_REPORTS,
        status=Walk.Status.WALKED,
    )
    report = make_finding(reports, 1)
    Finding.private_objects.filter(pk=report.pk).update(
        created_at=timezone.make_aware(datetime.datetime(2016, 6, 1, 10, 0))
    )
    client.force_login(arbejdsgruppe)
    response = _post(client, report, to_status="fixed", done_on="2016-05-31")
    assert response.status_code == 400
    assert response.context["step_form"].errors["done_on"] == [
        "Datoen kan ikke ligge før fundet blev gjort (1. juni 2016)."
    ]
    assert _post(client, report, to_status="fixed", done_on="2016-06-01").status_code == 302


def test_the_workflow_itself_refuses_a_step_before_the_finding(arbejdsgruppe, findings):
    from django.core.exceptions import ValidationError
    from django.db import transaction

    with pytest.raises(ValidationError) as refused, transaction.atomic():
        FINDING.apply(findings["public"], "fix", user=arbejdsgruppe, at=datetime.date(2016, 10, 1))
    assert "done_on" in refused.value.message_dict


def test_the_date_picker_offers_only_the_allowed_days(client, arbejdsgruppe, findings):
    client.force_login(arbejdsgruppe)
    content = client.get(f"/p/amager/walks/findings/{findings['public'].pk}/").content.decode()
    assert 'min="2016-10-12"' in content
    assert f'max="{timezone.localdate().isoformat()}"' in content
