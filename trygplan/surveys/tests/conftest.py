"""Survey fixtures: the district set, the scales and small generated surveys (fast), and the
demo's police and SSP series."""

import random

import pytest

from trygplan.lib.files import csv_bytes
from trygplan.surveys import demo, importer, services
from trygplan.surveys.models import Domain, Survey

HEADER = ["lbnr", "bydel", "saermaaling", "vaegt", "tryg_nabolag", "tryg_aften"]


def survey_rows(seed: int, sizes: dict[tuple[str, str], int], unsafe: float = 0.2) -> list:
    """Generated respondent rows: sizes maps (district, area) to a number of respondents."""
    rng = random.Random(seed)
    rows = [HEADER]
    number = 0
    for (district, area), count in sizes.items():
        for _ in range(count):
            number += 1
            answers = [
                rng.choice([1, 2, 2, 3, 4, 5, 8]) if rng.random() > unsafe else 5 for _ in range(2)
            ]
            weight = f"{rng.uniform(5, 50):.3f}".replace(".", ",")
            rows.append([number, district, area, weight, *answers])
    return rows


SIZES = {
    ("Amager Vest", ""): 60,
    ("Amager Vest", "Urbanplanen"): 40,
    ("Amager Øst", ""): 50,
    ("Valby", ""): 45,
    ("Christianshavn", ""): 12,  # below the minimum n of 20
}


@pytest.fixture
def district_set(amager):
    district_set = demo.district_set_load()
    demo._area(district_set, amager)
    return district_set


@pytest.fixture
def scales(db):
    return demo.scales_load()


def mapping(scales) -> importer.Mapping:
    scale = scales["tryg-utryg-5"]
    return importer.Mapping(
        weight="vaegt",
        stratum="bydel",
        area="saermaaling",
        questions=[
            importer.QuestionMapping(
                "tryg_nabolag", "tryg-nabolag", "Tryg i nabolaget?", scale, True
            ),
            importer.QuestionMapping("tryg_aften", "tryg-aften", "Tryg om aftenen?", scale, False),
        ],
    )


@pytest.fixture
def make_survey(district_set, scales):
    def make(year: int, *, sizes=SIZES, seed=None, published=True, unsafe=0.2) -> Survey:
        rows = survey_rows(seed or year, sizes, unsafe)
        table = importer.read_table("fil.csv", csv_bytes(rows[0], rows[1:]))
        survey = services.survey_import(
            user=None,
            table=table,
            mapping=mapping(scales),
            year=year,
            district_set=district_set,
            filename="fil.csv",
            by_command=True,
        )
        if published:
            services.survey_publish(survey=survey, user=None, by_command=True)
        return survey

    return make


@pytest.fixture
def surveys(make_survey):
    """Two published years."""
    return [make_survey(2015), make_survey(2016, unsafe=0.1)]


@pytest.fixture
def area(district_set):
    return Domain.objects.get(district_set=district_set, slug="urbanplanen")


@pytest.fixture
def statistics(amager, plan2016):
    from trygplan.followup.demo import load_demo as followup_demo

    followup_demo(partnership=amager, plan=plan2016)
    return demo.statistics_load(amager)
