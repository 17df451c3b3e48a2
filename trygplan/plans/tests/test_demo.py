"""The demo's 2017: a draft in preparation, made from 2016 by the service a user calls."""

from django.core.management import call_command
from openpyxl import load_workbook

from trygplan.plans.demo import load_demo
from trygplan.plans.models import Plan
from trygplan.plans.overview import build_overview


def test_the_demo_makes_2017_a_labelled_draft_with_the_approved_history(plan2016, amager):
    load_demo(partnership=amager, plan=plan2016)
    draft = Plan.private_objects.get(partnership=amager, year=2017)
    assert draft.is_draft and draft.is_invented and draft.based_on == plan2016
    overview = build_overview(draft)
    assert [overview.totals[year] for year in (2014, 2015, 2016, 2017)] == [
        750_000,
        1_500_000,
        1_500_000,
        1_500_000,
    ]
    names = [row.activity.name for row in overview.rows]
    assert "Lys og udsyn ved stierne i Hørgården" in names
    load_demo(partnership=amager, plan=plan2016)  # loading again changes nothing
    assert Plan.private_objects.filter(partnership=amager, year=2017).count() == 1


def test_export_plan_writes_the_demos_2017_as_excel(plan2016, amager, tmp_path):
    load_demo(partnership=amager, plan=plan2016)
    target = tmp_path / "tryghedsplan-2017.xlsx"
    call_command("export-plan", "amager", "2017", "--format", "xlsx", "-o", str(target))
    sheet = load_workbook(target).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][3:] == ["2014", "2015", "2016", "2017"]
    end = next(i for i, row in enumerate(rows) if row[0] == "I alt")
    # the totals are formulas (=SUM of the rows above); what they add up to:
    assert rows[end][3:7] == [f"=SUM({c}2:{c}{end})" for c in "DEFG"]
    sums = [sum(row[column] or 0 for row in rows[1:end]) for column in range(3, 7)]
    assert sums == [750_000, 1_500_000, 1_500_000, 1_500_000]
