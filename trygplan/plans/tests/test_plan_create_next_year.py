import pytest
from django.core.exceptions import ValidationError

from trygplan.plans.models import BudgetLine, Plan
from trygplan.plans.overview import build_overview
from trygplan.plans.services import activity_delete, plan_create_next_year, plan_ended_activities


def test_the_draft_keeps_continuing_activities_and_proposes_this_years_money(draft2017, plan2016):
    assert draft2017.status == Plan.Status.DRAFT and draft2017.based_on == plan2016
    assert draft2017.title == "Tryghedsplan for Amager Partnerskab 2017"
    assert not draft2017.activities.filter(
        key="tvaerfaglig-indsats-for-konflikthaandtering"
    ).exists()
    assert draft2017.partnership_funds(2017) == 1_500_000
    # Earlier years are not copied: they are read from the plan that approved them.
    assert not BudgetLine.private_objects.filter(activity__plan=draft2017, year__lt=2017).exists()
    streetsport = draft2017.activities.get(key="streetsport")
    assert not streetsport.is_new
    assert (
        streetsport.description.results.count()
        == plan2016.activities.get(key="streetsport").description.results.count()
    )
    assert [a.key for a in plan_ended_activities(draft2017)] == [
        "tvaerfaglig-indsats-for-konflikthaandtering"
    ]


def test_the_new_plans_earlier_totals_are_what_was_approved(draft2017):
    """Row 13 ended in 2015: it is not in 2017's plan, yet 2015's total keeps its 50.000."""
    overview = build_overview(draft2017)
    assert [overview.totals[year] for year in (2014, 2015, 2016, 2017)] == [
        750_000,
        1_500_000,
        1_500_000,
        1_500_000,
    ]
    [ended] = [row for row in overview.rows if row.is_gone]
    assert ended.activity.key == "tvaerfaglig-indsats-for-konflikthaandtering"
    assert ended.amounts[2015] == 50_000 and ended.amounts[2017] is None


def test_removing_an_activity_keeps_its_earlier_years_in_the_totals(draft2017, arbejdsgruppe):
    activity_delete(activity=draft2017.activities.get(key="ung-i-job"), user=arbejdsgruppe)
    overview = build_overview(draft2017)
    assert overview.totals[2015] == 1_500_000 and overview.totals[2016] == 1_500_000
    assert overview.totals[2017] == 1_350_000


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
