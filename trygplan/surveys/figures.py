"""Police and SSP figures as they may be shown: current revisions, yearly sums, rates per
1.000 residents, and the small-number rule.

Rules (decisions in docs/architecture.md, "Surveys and crime statistics"):
- the current figure of a period is its newest revision; earlier revisions are kept and
  listed on the series page;
- a year of a quarterly series is the sum of its quarters; it is final only when all four
  quarters are there and final, and marked incomplete ("delår") while quarters are missing;
- a rate is count / residents × 1.000, with the newest population figure dated on or before
  the period's first day; without one there is no rate;
- a count of people from 1 to 4 is shown as "<5" and its rate is not shown (with the
  population the rate would give the count away).
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from trygplan.lib.numbers import format_number
from trygplan.lib.small_numbers import is_small, small_label

from .models import PopulationFigure, StatisticSeries, StatisticValue


@dataclass
class Figure:
    series: StatisticSeries
    label: str  # "2015" or "2015 K2"
    year: int
    quarter: int
    value: int
    is_final: bool
    is_invented: bool
    complete: bool = True  # a year of a quarterly series with all four quarters
    revisions: int = 1
    population: PopulationFigure | None = None

    @property
    def is_hidden(self) -> bool:
        return self.series.counts_people and is_small(self.value)

    @property
    def shown(self) -> str:
        return small_label() if self.is_hidden else format_number(self.value)

    @property
    def rate(self) -> Decimal | None:
        """Per 1.000 residents, one decimal; None without population or for a hidden count."""
        if self.population is None or self.is_hidden:
            return None
        rate = Decimal(self.value) * 1000 / Decimal(self.population.value)
        return rate.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def rate_shown(self) -> str:
        if self.is_hidden:
            return "×"
        return "" if self.rate is None else format_number(self.rate)

    @property
    def status_label(self) -> str:
        text = _("Endelig") if self.is_final else _("Foreløbig")
        return text if self.complete else f"{text}, {_('delår')}"


def _populations(partnership) -> dict[str, list[PopulationFigure]]:
    found = defaultdict(list)
    for figure in PopulationFigure.objects.filter(partnership=partnership).order_by("on"):
        found[figure.group].append(figure)
    return found


def population_on(figures: list[PopulationFigure], day: date) -> PopulationFigure | None:
    """The newest figure dated on or before `day`."""
    before = [figure for figure in figures if figure.on <= day]
    return before[-1] if before else None


def _current(series_list) -> dict[int, list[StatisticValue]]:
    values = defaultdict(list)
    rows = StatisticValue.objects.filter(series__in=series_list).current()
    for value in rows.order_by("year", "quarter"):
        values[value.series_id].append(value)
    return values


def _revision_counts(series_list) -> dict[tuple, int]:
    counts = defaultdict(int)
    for key in StatisticValue.objects.filter(series__in=series_list).values_list(
        "series", "year", "quarter"
    ):
        counts[key] += 1
    return counts


def period_figures(series_list) -> dict[int, list[Figure]]:
    """Each series' figures per period as delivered (quarters or years), by series pk."""
    series_list = list(series_list)
    if not series_list:
        return {}
    populations = _populations(series_list[0].partnership)
    current, counts = _current(series_list), _revision_counts(series_list)
    result = {}
    for series in series_list:
        figures = populations.get(series.population_group, [])
        result[series.pk] = [
            Figure(
                series=series,
                label=value.period_label,
                year=value.year,
                quarter=value.quarter,
                value=value.value,
                is_final=value.is_final,
                is_invented=value.is_invented,
                revisions=counts[(series.pk, value.year, value.quarter)],
                population=population_on(figures, value.period_start),
            )
            for value in current.get(series.pk, [])
        ]
    return result


def yearly_figures(series_list) -> dict[int, list[Figure]]:
    """Each series per calendar year (quarters summed), by series pk."""
    result = {}
    for pk, figures in period_figures(series_list).items():
        by_year = defaultdict(list)
        for figure in figures:
            by_year[figure.year].append(figure)
        years = []
        for year, parts in sorted(by_year.items()):
            quarterly = parts[0].quarter != 0
            complete = not quarterly or len(parts) == 4
            years.append(
                Figure(
                    series=parts[0].series,
                    label=str(year),
                    year=year,
                    quarter=0,
                    value=sum(part.value for part in parts),
                    is_final=complete and all(part.is_final for part in parts),
                    is_invented=any(part.is_invented for part in parts),
                    complete=complete,
                    revisions=max(part.revisions for part in parts),
                    population=parts[0].population if not quarterly else _year_start(parts),
                )
            )
        result[pk] = years
    return result


def _year_start(parts: list[Figure]) -> PopulationFigure | None:
    first = min(parts, key=lambda part: part.quarter)
    return first.population if first.quarter == 1 else None


def indicator_value(figure: Figure, *, per_1000: bool) -> Decimal | None:
    """What a linked follow-up indicator shows for a year: the count, or the rate."""
    if per_1000:
        return figure.rate
    return Decimal(figure.value)
