import pytest
from django.core.exceptions import ValidationError

from trygplan.plans.models import Plan
from trygplan.plans.services import plan_create_next_year, plan_ended_activities


def test_the_draft_keeps_continuing_activities_and_proposes_this_years_money(draft2017, plan2016):
    assert draft2017.status == Plan.Status.DRAFT and draft2017.based_on == plan2016
    assert draft2017.title == "Tryghedsplan for Amager Partnerskab 2017"
    assert not draft2017.activities.filter(
        key="tvaerfaglig-indsats-for-konflikthaandtering"
    ).exists()
    assert draft2017.partnership_funds(2017) == 1_500_000
    assert draft2017.partnership_funds(2015) == 1_450_000  # row 13's 50.000 left with it
    streetsport = draft2017.activities.get(key="streetsport")
    assert not streetsport.is_new
    assert (
        streetsport.description.results.count()
        == plan2016.activities.get(key="streetsport").description.results.count()
    )
    assert [a.key for a in plan_ended_activities(draft2017)] == [
        "tvaerfaglig-indsats-for-konflikthaandtering"
    ]


def test_the_published_plan_is_left_untouched(draft2017, plan2016):
    assert plan2016.status == Plan.Status.PUBLISHED
    assert plan2016.activities.count() == 17
    assert plan2016.partnership_funds() == 1_500_000


def test_sub_descriptions_keep_their_parent(draft2017):
    dialog = draft2017.descriptions.get(key="dialog")
    assert dialog.children.count() == 2
    assert all(child.plan == draft2017 for child in dialog.children.all())


def test_a_year_cannot_be_made_twice(draft2017, plan2016, arbejdsgruppe):
    with pytest.raises(ValidationError):
        plan_create_next_year(plan=plan2016, user=arbejdsgruppe)
