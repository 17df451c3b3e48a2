"""The multi-site, computed once for the page, the PDF and the CSV: headline shares with their
intervals, changes and their significance, development charts, the district map, the police
and SSP figures as rates. Small n is suppressed here, in one place (`Shown`).

Significance of a change: two years are independent samples, so the difference d of two
estimates has se = sqrt(se1^2 + se2^2); it is significant at the 5 % level when
|d| / se > 1.96 (two-sided, the normal quantile: the samples have thousands of degrees of
freedom). A suppressed estimate on either side gives no verdict.
"""

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from trygplan.lib import drawing
from trygplan.lib.numbers import format_number
from trygplan.lib.student_t import normal_quantile

from . import figures
from .models import Domain, Estimate, StatisticSeries, Survey
from .models.survey import max_cv, min_n

Z_5_PERCENT = normal_quantile(0.975)


def percent(value: float) -> str:
    """0.3124 -> "31,2 %": always one decimal, Danish comma."""
    return f"{value * 100:.1f}".replace(".", ",") + " %"


def _mean(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


@dataclass
class Shown:
    """An estimate as it may be shown (suppressed below the minimum n)."""

    estimate: Estimate | None

    @property
    def hidden(self) -> bool:
        return self.estimate is None or self.estimate.is_suppressed

    @property
    def uncertain(self) -> bool:
        return not self.hidden and self.estimate.is_uncertain

    @property
    def value(self) -> float | None:
        return None if self.hidden else self.estimate.estimate

    def _format(self, value) -> str:
        return _mean(value) if self.estimate.is_mean else percent(value)

    @property
    def text(self) -> str:
        if self.estimate is None:
            return "–"
        if self.hidden:
            return _("for få svar")
        return self._format(self.estimate.estimate)

    @property
    def interval(self) -> str:
        if self.hidden or self.estimate.ci_low is None:
            return ""
        low, high = self.estimate.ci_low, self.estimate.ci_high
        if self.estimate.is_mean:
            return f"{_mean(low)}–{_mean(high)}"
        return f"{percent(low)[:-2]}–{percent(high)}"

    @property
    def n(self) -> int | None:
        return self.estimate.n if self.estimate else None


@dataclass
class Change:
    difference: float
    significant: bool
    is_mean: bool

    @property
    def text(self) -> str:
        sign = "+" if self.difference > 0 else ("−" if self.difference < 0 else "±")
        if self.is_mean:
            return f"{sign}{_mean(abs(self.difference))}"
        points = format_number(round(abs(self.difference) * 100, 1))
        return f"{sign}{points} " + _("procentpoint")

    @property
    def verdict(self) -> str:
        return _("signifikant") if self.significant else _("ikke signifikant")


def compare(before: Shown, now: Shown) -> Change | None:
    if before.hidden or now.hidden or before.estimate.se is None or now.estimate.se is None:
        return None
    difference = now.estimate.estimate - before.estimate.estimate
    se = math.sqrt(before.estimate.se**2 + now.estimate.se**2)
    significant = se > 0 and abs(difference) / se > Z_5_PERCENT
    return Change(difference, significant, now.estimate.is_mean)


@dataclass
class YearRow:
    year: int
    shown: Shown
    city: Shown
    change_previous: Change | None = None
    change_first: Change | None = None


@dataclass
class Headline:
    key: str
    text: str
    statistic: str
    label: str
    rows: list[YearRow] = field(default_factory=list)
    svg: str = ""
    table: dict = field(default_factory=dict)

    @property
    def latest(self) -> YearRow | None:
        return self.rows[-1] if self.rows else None


def published_surveys(district_set=None):
    surveys = Survey.public_objects.select_related("district_set").order_by("year")
    return surveys.filter(district_set=district_set) if district_set else surveys


def _index(estimates) -> dict:
    return {(e.survey.year, e.domain_id, e.question.key, e.statistic): e for e in estimates}


def _headline_rows(index, years, domain, city, key, statistic) -> list[YearRow]:
    rows = []
    for year in years:
        shown = Shown(index.get((year, domain.pk, key, statistic)))
        if shown.estimate is None:
            continue
        rows.append(YearRow(year, shown, Shown(index.get((year, city.pk, key, statistic)))))
    for position, row in enumerate(rows):
        if position:
            row.change_previous = compare(rows[position - 1].shown, row.shown)
            row.change_first = compare(rows[0].shown, row.shown)
    return rows


def _development_chart(headline: Headline, domain: Domain, city: Domain):
    def points(attribute):
        found = []
        for row in headline.rows:
            shown = getattr(row, attribute)
            value = shown.value
            found.append(
                drawing.Point(
                    str(row.year),
                    None if value is None else round(value * 100, 1),
                    shown.text,
                    low=None if value is None else round(shown.estimate.ci_low * 100, 1),
                    high=None if value is None else round(shown.estimate.ci_high * 100, 1),
                )
            )
        return found

    series = [drawing.Series(domain.name, points("shown"))]
    if not domain.is_city:
        series.append(drawing.Series(city.name, points("city")))
    title = _("%(label)s: %(question)s") % {"label": headline.label, "question": headline.text}
    svg = drawing.line_chart(
        series,
        title=title,
        y_label=_("% af de adspurgte"),
        desc=_("Andel med 95 %-konfidensinterval pr. år."),
    )
    return svg, drawing.chart_table(series, x_label=_("År"))


def headlines(domain: Domain, surveys: list[Survey], city: Domain) -> list[Headline]:
    """For each headline question: its groupings over the years, domain beside the city."""
    if not surveys:
        return []
    years = [survey.year for survey in surveys]
    estimates = Estimate.public_objects.filter(
        survey__in=surveys, domain__in=[domain, city], question__headline=True
    ).select_related("survey", "question__scale")
    index = _index(estimates)
    questions = surveys[-1].questions.filter(headline=True).select_related("scale")
    result = []
    for question in questions:
        for group in question.scale.groups:
            headline = Headline(question.key, question.text, group["key"], group["label"])
            headline.rows = _headline_rows(index, years, domain, city, question.key, group["key"])
            if group["key"] == question.scale.headline_group and headline.rows:
                headline.svg, headline.table = _development_chart(headline, domain, city)
            result.append(headline)
    return result


def all_questions(domain: Domain, survey: Survey) -> list[dict]:
    """Every question of the year in the domain: each category, grouping and the mean."""
    estimates = Estimate.public_objects.filter(survey=survey, domain=domain).select_related(
        "question__scale"
    )
    by_question: dict[int, list] = {}
    for estimate in estimates.order_by("question__order", "pk"):
        by_question.setdefault(estimate.question_id, []).append(estimate)
    rows = []
    for question in survey.questions.select_related("scale"):
        found = by_question.get(question.pk, [])
        rows.append(
            {
                "question": question,
                "estimates": [(question.scale.label_of(e.statistic), Shown(e)) for e in found],
            }
        )
    return rows


# ---- The map -------------------------------------------------------------------------------


def _polygons(district_set) -> dict[str, dict]:
    path = Path(settings.TRYGPLAN_GEO_DIR) / district_set.map_file
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        feature["properties"].get(district_set.map_property): feature["geometry"]
        for feature in data["features"]
    }


def district_map(survey: Survey, question_key: str, statistic: str):
    """The district map coloured by the share (e.g. unsafe), the særmåling areas outlined,
    and the same figures as table rows."""
    district_set = survey.district_set
    domains = list(Domain.objects.filter(district_set=district_set))
    estimates = {
        e.domain_id: Shown(e)
        for e in Estimate.public_objects.filter(
            survey=survey, question__key=question_key, statistic=statistic
        )
    }
    regions, rows = [], []
    for name, geometry in _polygons(district_set).items():
        region = next(
            (d for d in domains if d.kind == Domain.Kind.MAP_REGION and d.map_name == name), None
        )
        members = [d for d in domains if d.kind == Domain.Kind.DISTRICT and d.map_name == name]
        source = region or (members[0] if len(members) == 1 else None)
        shown = estimates.get(source.pk, Shown(None)) if source else Shown(None)
        value = None if shown.value is None else round(shown.value * 100, 1)
        regions.append(drawing.Region(name, geometry, value, shown.text))
        rows.append({"name": name, "shown": shown, "districts": [d.name for d in members]})
    outlines = [d.geometry for d in domains if d.kind == Domain.Kind.AREA and d.geometry]
    svg = drawing.polygon_map(
        regions,
        outlines=outlines,
        title=_("Bydelskort %(year)s") % {"year": survey.year},
        unit=_("Andel utrygge (%)"),
        desc=_(
            "Bydelene farvet efter andelen, der svarer utryg; partnerskabsområder med blå kant."
        ),
    )
    return svg, rows


def district_table(survey: Survey, previous: Survey | None, question_key: str, statistic: str):
    """Each district and særmåling area: the share this year and its change since last year."""
    domains = Domain.objects.filter(district_set=survey.district_set).reported()
    surveys = [s for s in (previous, survey) if s is not None]
    index = _index(
        Estimate.public_objects.filter(
            survey__in=surveys, question__key=question_key, statistic=statistic
        ).select_related("survey", "question")
    )
    rows = []
    for domain in domains:
        now = Shown(index.get((survey.year, domain.pk, question_key, statistic)))
        if now.estimate is None:
            continue
        change = None
        if previous is not None:
            before = Shown(index.get((previous.year, domain.pk, question_key, statistic)))
            change = compare(before, now)
        rows.append({"domain": domain, "shown": now, "change": change})
    return rows


# ---- Police and SSP -------------------------------------------------------------------------


def police_figures(partnership) -> list[dict]:
    """Each series per year: counts ("<5" for small counts of people) and rates per 1.000."""
    series_list = list(
        StatisticSeries.objects.filter(partnership=partnership).select_related("partnership")
    )
    yearly = figures.yearly_figures(series_list)
    rows = []
    for series in series_list:
        years = yearly.get(series.pk, [])
        points = [
            drawing.Point(figure.label, figure.rate, figure.rate_shown)
            for figure in years
            if figure.complete
        ]
        rows.append({"series": series, "years": years, "points": points})
    return rows


def police_chart(rows: list[dict], measure: str, title: str):
    chosen = [row for row in rows if row["series"].measure == measure and row["points"]]
    if not chosen:
        return "", {}
    series = [drawing.Series(row["series"].category.capitalize(), row["points"]) for row in chosen]
    svg = drawing.line_chart(
        series[:4],
        title=title,
        y_label=_("pr. 1.000 indbyggere"),
        desc=_("Rater pr. 1.000 indbyggere pr. år; hele år."),
    )
    return svg, drawing.chart_table(series, x_label=_("År"))


# ---- The page ------------------------------------------------------------------------------


def city_of(district_set) -> Domain:
    return Domain.objects.get(district_set=district_set, kind=Domain.Kind.CITY)


def multisite(domain: Domain, year: int | None = None) -> dict:
    """Everything the multi-site page and its PDF show for one domain."""
    surveys = list(published_surveys(domain.district_set))
    if year is not None:
        surveys = [s for s in surveys if s.year <= year]
    city = city_of(domain.district_set)
    context = {
        "domain": domain,
        "city": city,
        "surveys": surveys,
        "min_n": min_n(),
        "max_cv_percent": round(max_cv() * 100),
    }
    if not surveys:
        return context
    survey = surveys[-1]
    previous = surveys[-2] if len(surveys) > 1 else None
    context["survey"] = survey
    context["is_invented"] = any(s.is_invented for s in surveys)
    context["headlines"] = headlines(domain, surveys, city)
    context["questions"] = all_questions(domain, survey)
    main = next((h for h in context["headlines"] if h.svg), None)
    context["main"] = main
    if main is not None:
        context["map_svg"], context["map_rows"] = district_map(survey, main.key, main.statistic)
        context["district_rows"] = district_table(survey, previous, main.key, main.statistic)
    if domain.partnership_id:
        rows = police_figures(domain.partnership)
        context["police_rows"] = rows
        context["crime_svg"], context["crime_table"] = police_chart(
            rows, StatisticSeries.Measure.REPORTED, _("Anmeldelser pr. 1.000 indbyggere")
        )
        context["charges_svg"], context["charges_table"] = police_chart(
            rows, StatisticSeries.Measure.CHARGES, _("Sigtelser pr. 1.000 indbyggere")
        )
    context["areas"] = Domain.objects.filter(
        district_set=domain.district_set, kind=Domain.Kind.AREA
    ).select_related("parent")
    context["districts"] = Domain.objects.filter(
        district_set=domain.district_set, kind=Domain.Kind.DISTRICT
    )
    return context


def estimate_rows(survey: Survey, *, apply_suppression: bool = True) -> list[list]:
    """`year;domain;question;category;estimate;se;ci_low;ci_high;n` with a decimal point;
    estimate, se and interval are empty where n is below the minimum."""
    estimates = Estimate.private_objects.filter(survey=survey).select_related("domain", "question")
    rows = []
    for e in estimates.order_by("question__order", "domain__order", "pk"):
        hidden = apply_suppression and e.is_suppressed
        numbers = [e.estimate, e.se, e.ci_low, e.ci_high]
        rows.append(
            [
                survey.year,
                e.domain.slug,
                e.question.key,
                e.statistic,
                *("" if hidden or v is None else f"{v:.6f}" for v in numbers),
                e.n,
            ]
        )
    return rows


ESTIMATE_HEADER = ["year", "domain", "question", "category", "estimate", "se", "ci_low"]
ESTIMATE_HEADER += ["ci_high", "n"]
