"""The approval services: draft -> recommended -> decided -> approved -> published."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.audit.models import AuditEntry
from trygplan.plans import services
from trygplan.plans.models import BudgetLine, Plan
from trygplan.plans.workflow import PLAN


def test_the_plan_goes_all_the_way_and_every_step_is_stored(
    published2017, arbejdsgruppe, styregruppe, koordinator
):
    plan = Plan.private_objects.get(pk=published2017.pk)
    assert plan.status == Plan.Status.PUBLISHED
    assert plan.finance_committee_date == datetime.date(2017, 2, 7)
    assert plan.finance_committee_ref == "2017-0012345"
    steps = list(PLAN.steps(plan).values_list("from_state", "to_state", "user__username"))
    assert steps == [
        ("draft", "recommended", "arbejdsgruppe"),
        ("recommended", "decided", "styregruppe"),
        ("decided", "approved", "koordinator"),
        ("approved", "published", "koordinator"),
    ]
    audited = AuditEntry.objects.filter(plan=plan, action="transition").order_by("pk")
    assert [entry.user.username for entry in audited] == [
        "arbejdsgruppe",
        "styregruppe",
        "koordinator",
        "koordinator",
    ]
    assert audited[2].code == "plan.approve"
    assert audited[2].changes == {
        "status": ["decided", "approved"],
        "finance_committee_date": [None, "2017-02-07"],
        "finance_committee_ref": ["", "2017-0012345"],
    }
    assert {c.label: [c.old, c.new] for c in audited[2].readable_changes()} == {
        "Status": ["Besluttet af styregruppen", "Godkendt af Økonomiudvalget"],
        "Godkendt af Økonomiudvalget": ["–", "7. februar 2017"],
        "Sagsnummer": ["–", "2017-0012345"],
    }
    assert Plan.public_objects.filter(pk=plan.pk).exists()


@pytest.mark.parametrize("who", ["partner", "styregruppe", "outsider"])
def test_only_the_working_group_recommends(draft2017, who, request):
    with pytest.raises(PermissionDenied, match="Kun arbejdsgruppen kan indstille planen."):
        services.plan_recommend(plan=draft2017, user=request.getfixturevalue(who))
    assert not PLAN.steps(draft2017).exists()


def test_the_coordinator_and_a_city_admin_may_recommend(draft2017, koordinator, city_admin):
    services.plan_recommend(plan=draft2017, user=koordinator)
    assert Plan.private_objects.get(pk=draft2017.pk).status == Plan.Status.RECOMMENDED


@pytest.mark.parametrize("who", ["arbejdsgruppe", "koordinator", "partner"])
def test_only_the_steering_group_decides(recommended2017, who, request):
    with pytest.raises(PermissionDenied, match="Kun styregruppen kan beslutte planen."):
        services.plan_decide(plan=recommended2017, user=request.getfixturevalue(who))


@pytest.mark.parametrize("who", ["arbejdsgruppe", "styregruppe", "partner"])
def test_only_the_coordinator_records_the_finance_committees_approval(decided2017, who, request):
    with pytest.raises(PermissionDenied):
        services.plan_approve(
            plan=decided2017,
            user=request.getfixturevalue(who),
            date=datetime.date(2017, 2, 7),
            reference="x",
        )


def test_a_city_admin_records_the_approval_too(decided2017, city_admin):
    plan = services.plan_approve(
        plan=decided2017, user=city_admin, date=datetime.date(2017, 2, 7), reference="17/1"
    )
    assert plan.status == Plan.Status.APPROVED


def test_the_approval_needs_a_date_and_a_reference(decided2017, koordinator):
    with pytest.raises(ValidationError, match="sagsnummeret"):
        services.plan_approve(plan=decided2017, user=koordinator, date=None, reference="")
    assert Plan.private_objects.get(pk=decided2017.pk).status == Plan.Status.DECIDED


def test_a_step_out_of_turn_is_refused(draft2017, styregruppe, koordinator):
    with pytest.raises(ValidationError, match="Planen er kladde"):
        services.plan_decide(plan=draft2017, user=styregruppe)
    with pytest.raises(ValidationError):
        services.plan_publish(plan=draft2017, user=koordinator)


def test_a_plan_with_errors_cannot_be_recommended(draft2017, arbejdsgruppe):
    BudgetLine.private_objects.filter(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    ).update(amount=175_000)
    with pytest.raises(ValidationError) as error:
        services.plan_recommend(plan=draft2017, user=arbejdsgruppe)
    assert error.value.messages[0] == "Planen kan ikke indstilles, fordi den har fejl:"
    assert "1.525.000 kr., men rammen er 1.500.000 kr." in error.value.messages[1]
    assert Plan.private_objects.get(pk=draft2017.pk).status == Plan.Status.DRAFT
    assert not AuditEntry.objects.filter(action="transition").exists()


def test_a_plan_with_errors_cannot_be_approved(decided2017, koordinator):
    Plan.private_objects.filter(pk=decided2017.pk).update(frame=None)
    with pytest.raises(ValidationError, match="godkendes, fordi den har fejl"):
        services.plan_approve(
            plan=decided2017, user=koordinator, date=datetime.date(2017, 2, 7), reference="x"
        )


def test_the_steering_group_sends_it_back_with_a_comment(recommended2017, styregruppe):
    with pytest.raises(ValidationError, match="Skriv hvorfor"):
        services.plan_send_back(plan=recommended2017, user=styregruppe, comment="  ")
    plan = services.plan_send_back(
        plan=recommended2017, user=styregruppe, comment="Streetsport skal beskrives bedre."
    )
    assert plan.status == Plan.Status.DRAFT
    step = PLAN.steps(plan).last()
    assert step.action == "send_back" and step.comment == "Streetsport skal beskrives bedre."
    entry = AuditEntry.objects.filter(plan=plan, action="transition").latest("pk")
    assert entry.reason == "Streetsport skal beskrives bedre."


def test_a_partner_cannot_send_it_back(recommended2017, partner):
    with pytest.raises(PermissionDenied):
        services.plan_send_back(plan=recommended2017, user=partner, comment="Nej")


def test_an_approved_plan_cannot_be_sent_back(approved2017, styregruppe):
    with pytest.raises(ValidationError):
        services.plan_send_back(plan=approved2017, user=styregruppe, comment="For sent")


def test_an_approved_plan_refuses_direct_changes(approved2017, arbejdsgruppe):
    line = BudgetLine.private_objects.filter(activity__plan=approved2017).first()
    with pytest.raises(ValidationError, match="Kun en kladde kan ændres."):
        services.budget_line_delete(line=line, user=arbejdsgruppe)
    assert BudgetLine.private_objects.filter(pk=line.pk).exists()
