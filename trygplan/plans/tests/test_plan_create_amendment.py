import pytest
from django.core.exceptions import ValidationError

from trygplan.plans import access as plan_access
from trygplan.plans.models import Plan
from trygplan.plans.services import plan_create_amendment, plan_ended_activities


def test_an_amendment_is_a_draft_copy_of_the_same_year(plan2016, arbejdsgruppe):
    amendment = plan_create_amendment(plan=plan2016, user=arbejdsgruppe)
    assert (amendment.year, amendment.amendment) == (2016, 1)
    assert amendment.status == Plan.Status.DRAFT and amendment.based_on == plan2016
    assert amendment.title == plan2016.title
    assert amendment.finance_committee_date is None
    assert amendment.activities.count() == 17  # ended rows too: it is the same year
    assert amendment.partnership_funds() == 1_500_000
    assert amendment.activities.get(key="streetsport").is_new
    assert list(plan_ended_activities(amendment)) == []


def test_the_approved_version_stays_public_and_members_see_the_amendment(
    plan2016, arbejdsgruppe, partner, outsider
):
    from django.contrib.auth.models import AnonymousUser

    amendment = plan_create_amendment(plan=plan2016, user=arbejdsgruppe)
    assert plan_access.get_plan_for_read(AnonymousUser(), "amager", 2016) == plan2016
    assert plan_access.get_plan_for_read(outsider, "amager", 2016) == plan2016
    assert plan_access.get_plan_for_read(partner, "amager", 2016) == amendment
    assert plan_access.get_plan_for_read(partner, "amager", 2016, amendment=0) == plan2016
    assert Plan.private_objects.get(pk=plan2016.pk).status == Plan.Status.PUBLISHED


def test_only_an_approved_plan_gets_an_amendment(draft2017, arbejdsgruppe):
    with pytest.raises(ValidationError, match="Kun en godkendt plan"):
        plan_create_amendment(plan=draft2017, user=arbejdsgruppe)


def test_only_the_newest_version_gets_an_amendment(plan2016, arbejdsgruppe):
    plan_create_amendment(plan=plan2016, user=arbejdsgruppe)
    with pytest.raises(ValidationError, match="Der findes allerede tillæg nr. 1"):
        plan_create_amendment(plan=plan2016, user=arbejdsgruppe)
