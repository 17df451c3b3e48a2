from datetime import date
from decimal import Decimal

from trygplan.followup import reports as followup_reports
from trygplan.followup.models import Indicator
from trygplan.surveys import figures
from trygplan.surveys.models import PopulationFigure, StatisticValue


def _series(statistics, key):
    return next(s for s in statistics if s.key == key)


def test_a_year_sums_its_quarters_and_is_final_only_when_all_are(statistics):
    series = _series(statistics, "anmeldelser-i-alt")
    years = {f.year: f for f in figures.yearly_figures([series])[series.pk]}
    quarters = StatisticValue.objects.filter(series=series, year=2015).current()
    assert years[2015].value == sum(q.value for q in quarters)
    assert years[2015].is_final and not years[2016].is_final


def test_a_missing_quarter_makes_the_year_incomplete(statistics):
    series = _series(statistics, "anmeldelser-i-alt")
    StatisticValue.objects.create(series=series, year=2017, quarter=1, value=90)
    year = figures.yearly_figures([series])[series.pk][-1]
    assert (year.year, year.complete, year.is_final) == (2017, False, False)
    assert "delår" in year.status_label


def test_the_rate_uses_the_population_at_the_start_of_the_period(statistics, amager):
    series = _series(statistics, "anmeldelser-i-alt")
    year = figures.yearly_figures([series])[series.pk][2]  # 2015
    population = PopulationFigure.objects.get(partnership=amager, group="", on=date(2015, 1, 1))
    expected = (Decimal(year.value) * 1000 / population.value).quantize(Decimal("0.1"))
    assert year.population == population
    assert year.rate == expected


def test_small_counts_of_people_show_as_under_5_and_have_no_rate(statistics):
    series = _series(statistics, "ssp-niveau-3")
    StatisticValue.objects.create(series=series, year=2017, value=3)
    figure = figures.period_figures([series])[series.pk][-1]
    assert figure.shown == "<5"
    assert figure.rate is None and figure.rate_shown == "×"


def test_linked_followup_indicators_read_the_statistics_not_typed_values(statistics):
    indicator = Indicator.objects.get(key="sigtelser-under-18")
    series = _series(statistics, "sigtelser-under-18")
    assert indicator.statistic_series == series
    rows = followup_reports.indicator_years(indicator, include_unapproved=False)
    yearly = {f.year: f.value for f in figures.yearly_figures([series])[series.pk]}
    assert {row.year: row.value.value for row in rows if row.value} == {
        year: Decimal(value) for year, value in yearly.items()
    }


def test_a_linked_indicator_can_read_rates_per_1000(statistics):
    indicator = Indicator.objects.get(key="anmeldelser")
    indicator.statistic_per_1000 = True
    indicator.save()
    series = _series(statistics, "anmeldelser-i-alt")
    rates = {f.year: f.rate for f in figures.yearly_figures([series])[series.pk]}
    values = followup_reports.statistic_values(indicator)
    assert {year: value.value for year, value in values.items()} == rates


def test_results_11_and_12_and_less_crime_are_linked(statistics):
    linked = Indicator.objects.filter(statistic_series__isnull=False)
    parents = {(i.result.number if i.result else f"E{i.effect.number}") for i in linked}
    assert parents == {11, 12, "E2"}
