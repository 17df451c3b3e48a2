import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from trygplan.audit.models import AuditEntry
from trygplan.lib.files import csv_bytes
from trygplan.surveys import importer, services
from trygplan.surveys.models import Estimate, Respondent, StatisticValue, Survey

from .conftest import SIZES, mapping, survey_rows


def _table(rows):
    return importer.read_table("f.csv", csv_bytes(rows[0], rows[1:]))


def test_import_saves_respondents_privately_and_estimates_every_domain(make_survey, area):
    survey = make_survey(2015, published=False)
    assert Respondent.private_objects.filter(survey=survey).count() == sum(SIZES.values())
    assert not hasattr(Respondent, "objects")
    assert not hasattr(Respondent, "public_objects")
    estimates = Estimate.private_objects.filter(survey=survey)
    domains = set(estimates.values_list("domain__slug", flat=True))
    assert {"koebenhavn", "amager-vest", "urbanplanen", "valby", "christianshavn"} <= domains
    assert "vanloese" not in domains  # nobody there: no estimate at all
    assert Estimate.public_objects.filter(survey=survey).count() == 0  # a draft
    assert AuditEntry.objects.filter(code="survey.imported").exists()


def test_a_bad_row_saves_nothing(district_set, scales):
    rows = survey_rows(1, SIZES)
    rows[-1][3] = "nul"
    with pytest.raises(services.SurveyImportError) as caught:
        services.survey_import(
            user=None,
            table=_table(rows),
            mapping=mapping(scales),
            year=2015,
            district_set=district_set,
            by_command=True,
        )
    assert caught.value.messages == [
        f"Række {len(rows)}, kolonne »vaegt«: »nul« er ikke en positiv vægt."
    ]
    assert not Survey.private_objects.filter(year=2015).exists()
    assert not Respondent.private_objects.exists()


def test_a_second_import_of_a_year_needs_replace(make_survey, district_set, scales):
    make_survey(2015)
    rows = survey_rows(2, SIZES)
    arguments = dict(
        user=None, table=_table(rows), mapping=mapping(scales), year=2015,
        district_set=district_set, by_command=True,
    )  # fmt: skip
    with pytest.raises(services.SurveyImportError, match="allerede"):
        services.survey_import(**arguments)
    survey = services.survey_import(**arguments, replace=True)
    assert Survey.private_objects.get(year=2015) == survey
    assert Respondent.private_objects.filter(survey=survey).count() == sum(SIZES.values())


def test_only_a_city_administrator_imports(district_set, scales, koordinator):
    with pytest.raises(PermissionDenied):
        services.survey_import(
            user=koordinator,
            table=_table(survey_rows(1, SIZES)),
            mapping=mapping(scales),
            year=2015,
            district_set=district_set,
        )


def test_a_stratum_with_one_respondent_is_estimated_and_reported(make_survey):
    sizes = dict(SIZES) | {("Vanløse", ""): 1}
    survey = make_survey(2015, sizes=sizes)
    city = Estimate.private_objects.get(
        survey=survey, domain__slug="koebenhavn", question__key="tryg-nabolag", statistic="utryg"
    )
    assert city.se > 0 and city.single_strata <= 1
    lone = Estimate.private_objects.filter(survey=survey, domain__slug="vanloese")
    assert all(e.is_suppressed for e in lone)


def test_publish_makes_estimates_public_and_is_audited(make_survey, city_admin):
    survey = make_survey(2015, published=False)
    services.survey_publish(survey=survey, user=city_admin)
    assert Estimate.public_objects.filter(survey=survey).exists()
    assert AuditEntry.objects.filter(code="survey.published").exists()
    with pytest.raises(ValidationError):
        services.survey_publish(survey=survey, user=city_admin)


def test_a_revision_keeps_the_earlier_figure(statistics, koordinator):
    series = next(s for s in statistics if s.key == "sigtelser-under-18")
    first = services.statistic_value_record(
        series=series, year=2017, quarter=1, value=3, status="provisional", user=koordinator
    )
    second = services.statistic_value_record(
        series=series, year=2017, quarter=1, value=4, status="final", user=koordinator
    )
    assert (first.revision, second.revision) == (1, 2)
    current = StatisticValue.objects.filter(series=series, year=2017).current()
    assert list(current) == [second]
    with pytest.raises(ValidationError, match="hvorfor"):
        services.statistic_value_record(
            series=series, year=2017, quarter=1, value=5, status="final", user=koordinator
        )
    with pytest.raises(ValidationError, match="foreløbigt"):
        services.statistic_value_record(
            series=series, year=2017, quarter=1, value=5, status="provisional", note="x",
            user=koordinator,
        )  # fmt: skip


def test_a_quarterly_series_refuses_a_yearly_figure(statistics, koordinator):
    series = next(s for s in statistics if s.key == "sigtelser-under-18")
    with pytest.raises(ValidationError):
        services.statistic_value_record(
            series=series, year=2017, quarter=0, value=3, status="final", user=koordinator
        )


def test_partner_staff_cannot_record_figures(statistics, partner):
    with pytest.raises(PermissionDenied):
        services.statistic_value_record(
            series=statistics[0], year=2017, quarter=1, value=3, status="final", user=partner
        )
