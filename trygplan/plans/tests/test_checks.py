"""Each rule of plans/checks.py, with a plan broken in exactly that way."""

import pytest
from django.core.management import call_command

from trygplan.plans.checks import (
    ERROR,
    WARNING,
    load_plan_data,
    run_checks,
    run_checks_on,
)
from trygplan.plans.models import Activity, BudgetLine, Deliverable, Footnote


def codes(plan, severity=None):
    return sorted(
        result.code
        for result in run_checks(plan)
        if severity is None or result.severity == severity
    )


def test_the_seeds_plan_has_no_errors_and_two_known_warnings(plan2016):
    assert not any(result.is_error for result in run_checks(plan2016))
    assert codes(plan2016) == ["RESULT_MISSING", "RESULT_UNFUNDED"]
    missing = next(r for r in run_checks(plan2016) if r.code == "RESULT_MISSING")
    assert missing.severity == WARNING
    assert missing.targets == [
        (
            "17. Særmåling i Tryghedsindekset/Københavns Tryghedsundersøgelse",
            "/p/amager/plans/2016/activities/saermaaling/",
        )
    ]


def test_next_years_draft_also_has_no_errors(draft2017):
    assert codes(draft2017, ERROR) == []


def test_money_above_the_frame_is_an_error_that_says_how_much(draft2017):
    line = BudgetLine.private_objects.get(
        activity__plan=draft2017, activity__key="ung-i-job", year=2017
    )
    line.amount = 175_000
    line.save()
    [result] = [r for r in run_checks(draft2017) if r.code == "FRAME_SUM"]
    assert result.severity == ERROR
    assert result.message == (
        "Partnerskabsmidlerne i 2017 er i alt 1.525.000 kr., men rammen er 1.500.000 kr. "
        "(25.000 kr. for meget)."
    )
    assert result.targets == [("Oversigtstabellen", "/p/amager/plans/2017/#overview-table")]


def test_an_empty_frame_is_an_error_pointing_at_the_settings(draft2017):
    draft2017.frame = None
    draft2017.save()
    [result] = [r for r in run_checks(draft2017) if r.code.startswith("FRAME")]
    assert result.code == "FRAME_MISSING" and result.severity == ERROR
    assert "Rammen for 2017 er ikke fastsat" in result.message
    assert result.targets[0][1] == "/p/amager/plans/2017/settings/"


def test_too_little_co_financing_is_an_error(draft2017):
    draft2017.co_financing_required = 500_000
    draft2017.save()
    [result] = [r for r in run_checks(draft2017) if r.code == "CO_FINANCING"]
    assert "giver 425.000 kr. i 2017, men der kræves mindst 500.000 kr." in result.message
    assert len(result.targets) == 4


def test_a_negative_amount_is_an_error(draft2017):
    # The database refuses negative amounts, so break the plan in memory.
    data = load_plan_data(draft2017)
    activity = next(a for a in data.activities if a.key == "streetsport")
    activity.budget_lines.all()[0].amount = -5
    found = [r for r in run_checks_on(data) if r.code == "NEGATIVE_AMOUNT"]
    assert [r.targets[0][1] for r in found] == ["/p/amager/plans/2017/activities/streetsport/"]


def test_an_ended_activity_with_money_this_year_is_an_error(draft2017):
    Activity.objects.filter(plan=draft2017, key="akutpulje").update(has_ended=True)
    assert codes(draft2017, ERROR) == ["ENDED_HAS_MONEY"]


def test_a_new_activity_with_earlier_money_is_an_error(draft2017):
    Activity.objects.filter(plan=draft2017, key="ung-i-job").update(is_new=True)
    [result] = [r for r in run_checks(draft2017) if r.code == "NEW_HAS_HISTORY"]
    assert (
        result.message == "Aktiviteten er markeret som ny i 2017, men har penge i 2014, 2015, 2016."
    )


def test_an_activity_without_a_responsible_organisation_is_an_error(draft2017):
    draft2017.descriptions.get(key="streetsport").responsible_organisations.clear()
    assert codes(draft2017, ERROR) == ["RESPONSIBLE_MISSING"]


def test_an_activity_without_a_description_lacks_both_responsible_and_results(draft2017):
    Activity.objects.filter(plan=draft2017, key="streetsport").update(description=None)
    assert codes(draft2017, ERROR) == ["RESPONSIBLE_MISSING"]
    missing = next(r for r in run_checks(draft2017) if r.code == "RESULT_MISSING")
    assert missing.message.startswith("2 aktiviteter bidrager ikke")


def test_a_result_without_funded_activities_is_a_warning(draft2017):
    first = draft2017.partnership.results.get(number=1)
    first.descriptions.clear()
    unfunded = [r.message for r in run_checks(draft2017) if r.code == "RESULT_UNFUNDED"]
    assert unfunded[0].startswith("Resultat 1. ")
    assert unfunded[0].endswith(" har ingen aktivitet med penge i 2017.")
    assert not any(result.is_error for result in run_checks(draft2017))


def test_a_typed_deliverable_needs_quantity_unit_and_period(draft2017):
    Deliverable.objects.filter(description__plan=draft2017, unit="unge").update(period="")
    found = [r for r in run_checks(draft2017) if r.code == "DELIVERABLE_INCOMPLETE"]
    assert len(found) == 2
    assert found[0].targets[0][1].startswith("/p/amager/plans/2017/activities/")


def test_a_footnote_reference_must_resolve(draft2017):
    Footnote.objects.filter(plan=draft2017, key="urbanfestival").delete()
    [result] = [r for r in run_checks(draft2017) if r.code == "FOOTNOTE_UNRESOLVED"]
    assert result.message == "Fodnoten [^urbanfestival] findes ikke."
    assert result.targets[0][1] == "/p/amager/plans/2017/activities/dialog-og-kommunikation/"


def test_checking_takes_a_fixed_number_of_queries(plan2016, django_assert_max_num_queries):
    # 11: the earlier years read from the approved plans (2) came with issue 10; 12: the pools'
    # commitments (pools/plan_guard.py, one query for all pools).
    with django_assert_max_num_queries(12):
        assert run_checks(plan2016)


def test_the_command_prints_warnings_and_exits_0_for_the_seed(plan2016, capsys):
    call_command("check-plan", "amager", "2016")
    out = capsys.readouterr().out
    assert "ADVARSEL RESULT_MISSING" in out
    assert "0 fejl, 2 advarsler." in out


def test_the_command_exits_1_on_errors(draft2017, capsys):
    draft2017.frame = None
    draft2017.save()
    with pytest.raises(SystemExit) as exit_:
        call_command("check-plan", "amager", "2017")
    assert exit_.value.code == 1
    assert "FEJL FRAME_MISSING" in capsys.readouterr().out


def test_the_summary_counts_one_warning_in_the_singular():
    from trygplan.plans.checks import ERROR, WARNING, CheckResult, summary_line

    one_each = [CheckResult("A", ERROR, "a"), CheckResult("B", WARNING, "b")]
    assert summary_line(one_each) == "1 fejl, 1 advarsel."
    assert summary_line(one_each + [CheckResult("C", WARNING, "c")]) == "1 fejl, 2 advarsler."
