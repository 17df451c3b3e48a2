"""Invented, deterministic demo data for the safety survey and the police and SSP figures.

Real: the 13 survey districts' names and how they sit in the 10 administrative districts of
`kk_bydele.geojson`; the outline of "Urbanplanen mv." (Københavns Kommune, Open Data DK,
CC BY 4.0); the seed's list of the survey's themes and its "one third unsafe" in 3B's
resident survey 2010, which the invented særmåling is made to land near.

Invented (labelled "Opdigtede demodata"): every respondent, weight and answer of 2013-2016,
the populations, and every police and SSP figure. Respondents are drawn with a fixed seed:
about 350 per district and 400 in the særmåling area each year; the weights are design
weights (the stratum's adult residents over its respondents) with a little non-response
noise, scaled so that each stratum sums to its residents: believable margins.
"""

import random
from datetime import UTC, date, datetime
from pathlib import Path

from django.conf import settings

from trygplan.followup.models import Indicator
from trygplan.lib.files import csv_bytes
from trygplan.lib.geo import load_feature
from trygplan.lib.text import ascii_slug

from . import importer, services
from .models import (
    AnswerScale,
    DistrictSet,
    Domain,
    PopulationFigure,
    StatisticSeries,
    StatisticValue,
    Survey,
)

SEED = 20151215
YEARS = [2013, 2014, 2015, 2016]
AREA_SLUG = "urbanplanen"
AREA_CREDIT = "Københavns Kommune (Open Data DK), CC BY 4.0: Udsatte byområder, “Urbanplanen mv.”"

# name, slug, polygon in kk_bydele.geojson, adult residents (invented, rounded), share
# unsafe in the neighbourhood (invented), share unsafe in the evening (invented)
# fmt: off
DISTRICTS = [
    ("Indre By", "indre-by", "Indre By", 38000, 0.06, 0.17),
    ("Christianshavn", "christianshavn", "Indre By", 10000, 0.07, 0.18),
    ("Østerbro", "oesterbro", "Østerbro", 64000, 0.04, 0.12),
    ("Indre Nørrebro", "indre-noerrebro", "Nørrebro", 36000, 0.10, 0.24),
    ("Ydre Nørrebro", "ydre-noerrebro", "Nørrebro", 33000, 0.13, 0.29),
    ("Vesterbro", "vesterbro", "Vesterbro-Kongens Enghave", 40000, 0.08, 0.21),
    ("Kongens Enghave", "kongens-enghave", "Vesterbro-Kongens Enghave", 13000, 0.11, 0.26),
    ("Valby", "valby", "Valby", 45000, 0.06, 0.16),
    ("Vanløse", "vanloese", "Vanløse", 33000, 0.04, 0.12),
    ("Brønshøj-Husum", "broenshoej-husum", "Brønshøj-Husum", 35000, 0.09, 0.22),
    ("Bispebjerg", "bispebjerg", "Bispebjerg", 44000, 0.13, 0.30),
    ("Amager Øst", "amager-oest", "Amager Øst", 46000, 0.06, 0.16),
    ("Amager Vest", "amager-vest", "Amager Vest", 56000, 0.09, 0.22),
]
# fmt: on
AREA = ("Urbanplanen", AREA_SLUG, "amager-vest", 5200, 0.34, 0.47)
YEARLY_CHANGE = {2013: 0.0, 2014: -0.005, 2015: -0.012, 2016: -0.02}  # the city gets safer
AREA_CHANGE = {2013: 0.0, 2014: -0.01, 2015: -0.025, 2016: -0.045}  # the partnership works
PER_DISTRICT, IN_AREA = 350, 400

SAFETY_SCALE = {
    "slug": "tryg-utryg-5",
    "name": "Meget tryg – meget utryg (1-5)",
    "categories": [
        {"value": 1, "label": "Meget tryg"},
        {"value": 2, "label": "Tryg"},
        {"value": 3, "label": "Hverken tryg eller utryg"},
        {"value": 4, "label": "Utryg"},
        {"value": 5, "label": "Meget utryg"},
    ],
    "missing": [{"value": 8, "label": "Ved ikke"}],
    "groups": [
        {"key": "tryg", "label": "Tryg", "values": [1, 2]},
        {"key": "utryg", "label": "Utryg", "values": [4, 5]},
    ],
    "has_mean": True,
    "headline_group": "utryg",
}
YES_NO_SCALE = {
    "slug": "ja-nej",
    "name": "Ja – nej",
    "categories": [{"value": 1, "label": "Ja"}, {"value": 2, "label": "Nej"}],
    "missing": [{"value": 8, "label": "Ved ikke"}],
    "groups": [],
    "has_mean": False,
    "headline_group": "",
}
# column, text, scale slug, headline
QUESTIONS = [
    ("tryg_nabolag", "Hvor tryg eller utryg føler du dig alt i alt i dit nabolag?",
     "tryg-utryg-5", True),
    ("tryg_aften", "Hvor tryg eller utryg føler du dig, når du går alene i dit nabolag "
     "om aftenen og natten?", "tryg-utryg-5", True),
    ("bekymring_vold", "Hvor tryg eller utryg er du for at blive udsat for vold i dit nabolag?",
     "tryg-utryg-5", False),
    ("udsat_kriminalitet", "Har du inden for det seneste år været udsat for kriminalitet?",
     "ja-nej", False),
]  # fmt: skip
COLUMNS = ["lbnr", "bydel", "saermaaling", "vaegt"] + [q[0] for q in QUESTIONS]


def district_set_load() -> DistrictSet:
    """The survey's 13 districts, their polygons, the city and the map regions (real names)."""
    district_set, _ = DistrictSet.objects.get_or_create(
        slug="tryghedsundersoegelsen",
        defaults={
            "name": "Tryghedsundersøgelsens 13 bydele",
            "description": "Københavns Tryghedsundersøgelse rapporterer på 13 bydele: de 10 "
            "administrative bydele, hvor Christianshavn, Kongens Enghave samt Indre og Ydre "
            "Nørrebro står for sig.",
        },
    )
    Domain.objects.get_or_create(
        district_set=district_set,
        slug="koebenhavn",
        defaults={"kind": Domain.Kind.CITY, "name": "Hele København", "order": 0},
    )
    for order, (name, slug, polygon, *_rest) in enumerate(DISTRICTS, start=1):
        Domain.objects.get_or_create(
            district_set=district_set,
            slug=slug,
            defaults={
                "kind": Domain.Kind.DISTRICT,
                "name": name,
                "map_name": polygon,
                "order": order,
            },
        )
    shared = {row[2] for row in DISTRICTS if [r[2] for r in DISTRICTS].count(row[2]) > 1}
    for order, polygon in enumerate(sorted(shared), start=50):
        Domain.objects.get_or_create(
            district_set=district_set,
            slug="kort-" + ascii_slug(polygon),
            defaults={
                "kind": Domain.Kind.MAP_REGION,
                "name": polygon,
                "map_name": polygon,
                "order": order,
            },
        )
    return district_set


def _area(district_set, partnership) -> Domain:
    path = Path(settings.TRYGPLAN_GEO_DIR) / "kk_udsatte_byomraader.geojson"
    geometry = load_feature(path, delomraade="Urbanplanen mv.")["geometry"]
    area, _ = Domain.objects.update_or_create(
        district_set=district_set,
        slug=AREA_SLUG,
        defaults={
            "kind": Domain.Kind.AREA,
            "name": f"Urbanplanen ({partnership.name})",
            "aliases": ["Urbanplanen", "Urbanplanen mv."],
            "parent": Domain.objects.get(district_set=district_set, slug="amager-vest"),
            "partnership": partnership,
            "geometry": geometry,
            "geometry_source": AREA_CREDIT,
            "order": 30,
        },
    )
    return area


def scales_load() -> dict[str, AnswerScale]:
    scales = {}
    for spec in (SAFETY_SCALE, YES_NO_SCALE):
        scale, _ = AnswerScale.objects.get_or_create(slug=spec["slug"], defaults=spec)
        scales[scale.slug] = scale
    return scales


def _answer(rng: random.Random, unsafe: float) -> int | str:
    draw = rng.random()
    if draw < 0.03:
        return 8  # ved ikke
    if draw < 0.04:
        return ""  # not answered
    p5, p4, p3 = 0.35 * unsafe, 0.65 * unsafe, 0.15
    rest = 1 - unsafe - p3
    cut = rng.random()
    for value, share in ((5, p5), (4, p4), (3, p3), (2, 0.55 * rest)):
        if cut < share:
            return value
        cut -= share
    return 1


def _stratum_rows(rng, year, district, area, count, residents, unsafe, evening):
    weights = [rng.lognormvariate(0, 0.25) for _ in range(count)]
    scale = residents / sum(weights)
    rows = []
    for weight in weights:
        victim = 1 if rng.random() < 0.08 + unsafe / 3 else 2
        rows.append(
            [
                district,
                area,
                f"{weight * scale:.4f}".replace(".", ","),
                _answer(rng, unsafe),
                _answer(rng, evening),
                _answer(rng, (unsafe + evening) / 2),
                victim if rng.random() > 0.02 else 8,
            ]
        )
    return rows


def demo_microdata(year: int) -> list[list]:
    """The year's invented respondent rows (header first), as Danmarks Statistik might send."""
    rng = random.Random(SEED + year)
    rows = []
    for name, slug, _polygon, residents, unsafe, evening in DISTRICTS:
        change = YEARLY_CHANGE[year]
        if slug == AREA[2]:
            area_name, _s, _p, area_residents, area_unsafe, area_evening = AREA
            change_area = AREA_CHANGE[year]
            rows += _stratum_rows(
                rng,
                year,
                name,
                area_name,
                IN_AREA,
                area_residents,
                area_unsafe + change_area,
                area_evening + change_area,
            )
            residents -= area_residents
        rows += _stratum_rows(
            rng, year, name, "", PER_DISTRICT, residents, unsafe + change, evening + change
        )
    rng.shuffle(rows)
    return [COLUMNS] + [[number, *row] for number, row in enumerate(rows, start=1)]


def demo_csv(year: int) -> bytes:
    """The invented file for `year`: semicolon CSV with decimal commas."""
    table = demo_microdata(year)
    return csv_bytes(table[0], table[1:])


def demo_mapping(scales: dict[str, AnswerScale]) -> importer.Mapping:
    return importer.Mapping(
        weight="vaegt",
        stratum="bydel",
        area="saermaaling",
        questions=[
            importer.QuestionMapping(column, column.replace("_", "-"), text, scales[scale], head)
            for column, text, scale, head in QUESTIONS
        ],
    )


def surveys_load(partnership, years=YEARS) -> list[Survey]:
    district_set = district_set_load()
    _area(district_set, partnership)
    scales = scales_load()
    made = []
    for year in years:
        if Survey.private_objects.filter(year=year).exists():
            continue
        raw = demo_csv(year)
        survey = services.survey_import(
            user=None,
            table=importer.read_table(f"tryghed-{year}.csv", raw),
            mapping=demo_mapping(scales),
            year=year,
            district_set=district_set,
            filename=f"tryghed-{year}.csv",
            fieldwork=f"december {year} – marts {year + 1}",
            is_invented=True,
            by_command=True,
        )
        Survey.private_objects.filter(pk=survey.pk).update(
            status=Survey.Status.PUBLISHED, published_at=datetime(year + 1, 5, 15, tzinfo=UTC)
        )
        made.append(survey)
    return made


# ---- Police and SSP ----------------------------------------------------------------------

GEOGRAPHY = "Partnerskabsområdet: Urbanplanen og Hørgården"
POLICE_NOTE = (
    "Københavns Politis kreds omfatter også Frederiksberg, Tårnby og Dragør; tallene her er "
    "udtrukket for partnerskabsområdets adresser."
)
# key, name, source, measure, breakdown, category, period, population group, counts people,
# yearly level 2013 and yearly change (or, for a total, the series it sums)
# fmt: off
SERIES = [
    ("sigtelser-under-18", "Sigtelser mod unge under 18 år", "police", "charges", "age_band",
     "under 18 år", "quarter", "under 18 år", True, 16, -3),
    ("sigtelser-18-24", "Sigtelser mod unge 18-24 år", "police", "charges", "age_band",
     "18-24 år", "quarter", "18 år og derover", True, 22, -2),
    ("sigtelser-25-og-derover", "Sigtelser mod personer på 25 år og derover", "police",
     "charges", "age_band", "25 år og derover", "quarter", "18 år og derover", True, 18, -1),
    ("sigtelser-18-og-derover", "Sigtelser mod personer på 18 år og derover", "police",
     "charges", "age_band", "18 år og derover", "quarter", "18 år og derover", True,
     ["sigtelser-18-24", "sigtelser-25-og-derover"], None),
    ("anmeldelser-i-alt", "Anmeldte straffelovsovertrædelser i alt", "police", "reported",
     "total", "i alt", "quarter", "", False, 430, -16),
    ("anmeldelser-vold", "Anmeldt vold", "police", "reported", "crime_type", "vold",
     "quarter", "", False, 48, -3),
    ("anmeldelser-indbrud", "Anmeldte indbrud i beboelse", "police", "reported", "crime_type",
     "indbrud", "quarter", "", False, 95, -6),
    ("anmeldelser-tyveri", "Anmeldte tyverier", "police", "reported", "crime_type", "tyveri",
     "quarter", "", False, 160, -5),
    ("anmeldelser-haervaerk", "Anmeldt hærværk", "police", "reported", "crime_type",
     "hærværk", "quarter", "", False, 70, -2),
    ("ssp-niveau-1", "SSP-enkeltsager på niveau 1 (bekymring)", "ssp", "ssp_cases",
     "ssp_level", "niveau 1", "year", "under 18 år", True, 12, -1),
    ("ssp-niveau-2", "SSP-enkeltsager på niveau 2 (kriminalitetstruede)", "ssp", "ssp_cases",
     "ssp_level", "niveau 2", "year", "under 18 år", True, 7, -1),
    ("ssp-niveau-3", "SSP-enkeltsager på niveau 3 (kriminelle)", "ssp", "ssp_cases",
     "ssp_level", "niveau 3", "year", "under 18 år", True, 3, -1),
    ("ssp-i-alt", "SSP-enkeltsager i alt", "ssp", "ssp_cases", "total", "i alt", "year",
     "under 18 år", True, ["ssp-niveau-1", "ssp-niveau-2", "ssp-niveau-3"], None),
]
# fmt: on
POPULATION = {"": 7850, "under 18 år": 2150, "18 år og derover": 5700}
# follow-up indicator key -> series key: these read their values from the statistics
LINKS = {
    "sigtelser-under-18": "sigtelser-under-18",
    "sigtelser-18-og-derover": "sigtelser-18-og-derover",
    "ssp-enkeltsager": "ssp-i-alt",
    "anmeldelser": "anmeldelser-i-alt",
}


def _population(partnership, rng):
    for group, base in POPULATION.items():
        for offset, year in enumerate(range(2013, 2018)):
            PopulationFigure.objects.create(
                partnership=partnership,
                group=group,
                on=date(year, 1, 1),
                value=round(base * (1 + 0.006 * offset) + rng.randint(-30, 30)),
                source="Opdigtet: Københavns Statistikbank, adresser i området pr. 1. januar",
                is_invented=True,
            )


def _values(series, rng, level, step):
    for position, year in enumerate(YEARS):
        yearly = max(level + step * position + rng.uniform(-1.5, 1.5) * abs(step), 0)
        quarters = [1, 2, 3, 4] if series.period == "quarter" else [0]
        for quarter in quarters:
            value = round(yearly / len(quarters) * rng.uniform(0.8, 1.2))
            _value(series, year, quarter, value, "provisional", 1, "")
            if year < 2016:  # delivered provisional, then final, sometimes revised
                revised = value + (rng.choice([0, 0, 0, 1, 2]) if quarter in (0, 4) else 0)
                note = "Endelige tal" + (" (efterregistrerede sager)" if revised != value else "")
                _value(series, year, quarter, revised, "final", 2, note)


def _value(series, year, quarter, value, status, revision, note):
    StatisticValue.objects.create(
        series=series,
        year=year,
        quarter=quarter,
        value=value,
        status=status,
        revision=revision,
        note=note,
        is_invented=True,
    )


def _sums(series, parts):
    """A total is the sum of its parts, period by period and revision by revision."""
    rows = StatisticValue.objects.filter(series__in=parts).order_by("year", "quarter", "revision")
    totals = {}
    for row in rows:
        key = (row.year, row.quarter, row.revision)
        value, _status, _note = totals.get(key, (0, row.status, row.note))
        totals[key] = (value + row.value, row.status, row.note)
    for (year, quarter, revision), (value, status, note) in totals.items():
        _value(series, year, quarter, value, status, revision, note)


def statistics_load(partnership) -> list[StatisticSeries]:
    rng = random.Random(SEED)
    _population(partnership, rng)
    by_key = {}
    for order, row in enumerate(SERIES):
        key, name, source, measure, breakdown, category, period, group, people, level, step = row
        series = StatisticSeries.objects.create(
            partnership=partnership,
            key=key,
            name=name,
            source=source,
            measure=measure,
            breakdown=breakdown,
            category=category,
            period=period,
            geography=GEOGRAPHY,
            geography_note=POLICE_NOTE if source == "police" else "",
            population_group=group,
            counts_people=people,
            order=order,
            is_invented=True,
        )
        if isinstance(level, list):
            _sums(series, [by_key[part] for part in level])
        else:
            _values(series, rng, level, step)
        by_key[key] = series
    for indicator_key, series_key in LINKS.items():
        Indicator.objects.filter(partnership=partnership, key=indicator_key).update(
            statistic_series=by_key[series_key]
        )
    return list(by_key.values())


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan and follow-up are loaded."""
    surveys_load(partnership)
    statistics_load(partnership)
