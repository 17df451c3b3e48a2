"""The demo is the seed's plan: these check the transcription against the seed's own numbers."""

from django.contrib.auth import get_user_model
from django.core.management import call_command

from trygplan.demo.services import demo_load, read_seed
from trygplan.partnerships.models import Membership, Partnership
from trygplan.plans.models import Activity, Plan, Result
from trygplan.plans.overview import build_overview
from trygplan.plans.workflow import PLAN


def test_the_transcription_adds_up_to_the_seeds_totals():
    seed = read_seed()
    totals: dict[int, int] = {}
    for row in seed["activities"]:
        for line in row.get("budget") or []:
            if line.get("source", "partnership") == "partnership":
                totals[line["year"]] = totals.get(line["year"], 0) + line["amount"]
    assert totals == {2014: 750_000, 2015: 1_500_000, 2016: 1_500_000}
    assert [row["number"] for row in seed["activities"]] == list(range(1, 18))
    assert len(seed["results"]) == 15 and len(seed["effects"]) == 2


def test_the_loaded_plan_shows_the_seeds_overview(plan2016):
    overview = build_overview(plan2016)
    assert overview.years == [2014, 2015, 2016]
    assert overview.totals == {2014: 750_000, 2015: 1_500_000, 2016: 1_500_000}
    assert [number for number, _ in overview.footnotes] == [1, 2, 3, 4]
    by_number = {row.activity.number: row for row in overview.rows}
    assert by_number[15].amounts == {2014: None, 2015: None, 2016: 58_000}
    assert by_number[13].amounts[2016] is None and by_number[13].activity.has_ended
    assert by_number[3].focus_area_label == "1, 2 og 3"
    assert by_number[17].focus_area_label == "-"
    assert "ny i 2016" in overview.footnotes[3][1] and "VINK" in overview.footnotes[3][1]


def test_rows_and_described_activities_are_not_one_to_one(plan2016):
    pools = Activity.objects.get(plan=plan2016, number=2).description
    assert sorted(a.number for a in pools.activities.all()) == [2, 3, 4]
    assert Activity.objects.get(plan=plan2016, number=13).description is None
    dialog = Activity.objects.get(plan=plan2016, number=1).description
    assert dialog.children.count() == 2
    fritidsguider = Activity.objects.get(plan=plan2016, number=15)
    assert sum(line.amount for line in fritidsguider.budget_lines.all()) == 99_000
    vink = Activity.objects.get(plan=plan2016, number=16).budget_lines.get()
    assert (vink.amount, vink.source, vink.funder.short_name) == (10_000, "co_financing", "BIF")


def test_the_plan_is_approved_on_2_february_2016_and_published(plan2016):
    assert plan2016.status == Plan.Status.PUBLISHED
    assert plan2016.finance_committee_date.isoformat() == "2016-02-02"
    assert plan2016.frame == 1_500_000 and plan2016.co_financing_required == 375_000
    assert Result.objects.filter(partnership=plan2016.partnership).count() == 15


def test_the_area_is_the_real_urbanplanen_polygon(amager):
    assert amager.area["type"] == "MultiPolygon"
    assert "CC BY 4.0" in amager.area_source


def test_loading_twice_changes_nothing(amager):
    counts = (Activity.objects.count(), Membership.objects.count())
    partnership, created = demo_load()
    assert not created and partnership == amager
    assert (Activity.objects.count(), Membership.objects.count()) == counts


def test_the_command_prints_the_demo_logins(db, capsys):
    call_command("load-demo")
    out = capsys.readouterr().out
    assert "koordinator" in out and "trygplan-demo" in out


def test_no_demo_users_outside_demo_mode(empty_db, settings):
    settings.TRYGPLAN_DEMO = False
    demo_load()
    assert Partnership.objects.filter(slug="amager").exists()
    assert not get_user_model().objects.exists()


def test_the_full_demo_loads_every_modules_invented_data(empty_db):
    partnership, created = demo_load()
    # The seed's 2016, and 2017 as an invented draft in preparation.
    assert created and partnership.plans.count() == 2


def test_reset_reloads_the_partnership_from_scratch(amager):
    partnership, created = demo_load(reset=True, extras=False)
    assert created and partnership.pk != amager.pk
    assert Partnership.objects.filter(slug="amager").count() == 1


def test_the_timeline_has_the_finance_committees_approval_from_the_seed(plan2016, client):
    step = PLAN.steps(plan2016).get()
    assert (step.to_state, step.at.date().isoformat()) == ("approved", "2016-02-02")
    html = client.get(f"/p/amager/plans/2016/?tillaeg={plan2016.amendment}").content.decode()
    assert "fra tryghedsplanens tekst" in html
