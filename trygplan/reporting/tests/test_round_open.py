import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.audit.models import AuditEntry
from trygplan.reporting import services
from trygplan.reporting.models import ReportRound
from trygplan.workflows.models import Step

URL = "/p/amager/reporting/"
DATA = {"year": "2016", "kind": "midyear", "deadline": "2016-08-15", "meeting_on": ""}


def test_a_round_has_one_part_per_described_activity_for_its_reporting_partner(midyear, ssp):
    parts = {part.description.key: part for part in midyear.parts.select_related("organisation")}
    assert len(parts) == 12  # 17 rows; the pools, youth jobs and street work share descriptions
    assert "puljer" in parts and "opfoelgning-tryghedsvandringer" not in parts  # a sub-activity
    assert parts["ung-i-job"].organisation == ssp
    # several responsible: SSP has a reporter, so it reports for the campaign it leads with others
    assert parts["flertalsmisforstaaelser"].organisation == ssp
    assert parts["dialog"].organisation.key == "3b"  # no reporter: the first responsible one
    assert midyear.plan.year == 2016 and midyear.as_of == datetime.date(2016, 6, 30)


def test_opening_is_one_step_and_one_audit_entry_per_object(midyear, koordinator):
    steps = Step.objects.for_object(midyear)
    assert [(s.action, s.to_state, s.user) for s in steps] == [("start", "open", koordinator)]
    assert AuditEntry.objects.filter(code="report_round.start", object_id=midyear.pk).count() == 1
    assert Step.objects.filter(workflow="report_part", action="start").count() == 12


def test_only_the_coordinator_opens_a_round(amager, plan2016, arbejdsgruppe):
    with pytest.raises(PermissionDenied):
        services.round_open(
            partnership=amager,
            year=2016,
            kind="annual",
            deadline=datetime.date(2017, 4, 15),
            user=arbejdsgruppe,
        )


def test_a_round_is_opened_once_per_kind_and_needs_an_approved_plan(
    midyear, koordinator, draft2017
):
    with pytest.raises(ValidationError) as error:
        services.round_open(
            partnership=midyear.partnership,
            year=2016,
            kind="midyear",
            deadline=datetime.date(2016, 8, 15),
            user=koordinator,
        )
    assert "allerede åbnet" in str(error.value)
    with pytest.raises(ValidationError) as error:
        services.round_open(
            partnership=midyear.partnership,
            year=2017,
            kind="midyear",
            deadline=datetime.date(2017, 8, 15),
            user=koordinator,
        )
    assert "ingen godkendt tryghedsplan for 2017" in str(error.value)


def test_the_coordinator_opens_a_round_on_the_index_page(client, plan2016, koordinator):
    client.force_login(koordinator)
    page = client.get(URL)
    assert page.status_code == 200 and "Åbn en afrapportering" in page.content.decode()
    response = client.post(URL + "open/", DATA)
    assert response.status_code == 302
    assert response["Location"] == "/p/amager/reporting/2016/midyear/"
    assert ReportRound.private_objects.get().deadline == datetime.date(2016, 8, 15)


def test_a_missing_deadline_is_explained_beside_the_field(client, plan2016, koordinator):
    client.force_login(koordinator)
    response = client.post(URL + "open/", {**DATA, "deadline": ""})
    assert response.status_code == 400
    assert "Skriv fristen for delrapporterne." in response.content.decode()
    assert not ReportRound.private_objects.exists()


def test_opening_is_post_only(client, plan2016, koordinator):
    client.force_login(koordinator)
    assert client.get(URL + "open/").status_code == 405


def test_the_working_group_may_not_open_a_round(client, plan2016, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    assert "Åbn en afrapportering" not in client.get(URL).content.decode()
    assert client.post(URL + "open/", DATA).status_code == 403


def test_anonymous_and_other_partnerships_cannot_open_a_round(client, plan2016, outsider):
    assert client.post(URL + "open/", DATA).status_code == 302  # to the login
    client.force_login(outsider)
    assert client.post(URL + "open/", DATA).status_code == 404
    assert not ReportRound.private_objects.exists()


def test_the_public_index_lists_only_sent_reports(client, sent_midyear, koordinator, outsider):
    annual = services.round_open(
        partnership=sent_midyear.partnership,
        year=2016,
        kind="annual",
        deadline=datetime.date(2017, 4, 15),
        user=koordinator,
    )
    for user in (None, outsider):
        if user:
            client.force_login(user)
        text = client.get(URL).content.decode()
        assert "Halvårsstatus 2016 for beboere" in text
        assert str(annual) not in text


def test_the_index_costs_a_bounded_number_of_queries(
    client, sent_midyear, koordinator, django_assert_max_num_queries
):
    client.force_login(koordinator)
    with django_assert_max_num_queries(15):
        response = client.get(URL)
    assert response.status_code == 200
