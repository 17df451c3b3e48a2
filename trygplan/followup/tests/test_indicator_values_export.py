"""One file of every approved indicator value: key, area, source, period, value, status."""

import io
import re

import pytest
from openpyxl import load_workbook

URL = "/followup/indicator-values"


@pytest.fixture
def followup(amager, plan2016):
    from trygplan.followup.demo import load_demo

    load_demo(partnership=amager, plan=plan2016)
    return amager


def test_the_csv_has_the_columns_and_one_number_format(client, followup):
    response = client.get(f"{URL}.csv")
    lines = response.content.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "Nøgle;Indikator;Område;Kilde;Periode;Værdi;Enhed;Status"
    rows = [line.split(";") for line in lines[1:] if line]
    assert rows and all(row[2] == "amager" for row in rows)
    assert not any(re.fullmatch(r"\d+\.\d{1,2}", row[5]) for row in rows)  # 26,9, never 26.9
    assert any("," in row[5] for row in rows)


def test_only_approved_values_are_exported(client, followup):
    from trygplan.followup.models import IndicatorValue

    unapproved = IndicatorValue.private_objects.exclude(
        submission__status__in=["approved", "locked"]
    ).select_related("indicator", "submission")
    assert unapproved.exists()
    text = client.get(f"{URL}.csv").content.decode("utf-8-sig")
    for value in unapproved:
        assert f"{value.indicator.key};{value.indicator.name};amager;" not in text or (
            f";{value.submission.year};" not in text.split(value.indicator.key)[1][:200]
        )


def test_a_small_count_of_young_people_is_under_five(client, followup):
    text = client.get(f"{URL}.csv", {"area": "amager"}).content.decode("utf-8-sig")
    small = [line for line in text.split("\r\n") if line.startswith("sigtelser-under-18;")]
    assert any(";<5;" in line for line in small)


def test_the_excel_file_has_numbers(client, followup):
    content = client.get(f"{URL}.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    values = [row[5] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(value, int | float) for value in values)
    assert "<5" in values


def test_a_year_filter(client, followup):
    text = client.get(f"{URL}.csv", {"aar": 2014}).content.decode("utf-8-sig")
    rows = [line.split(";") for line in text.split("\r\n")[1:] if line]
    assert rows and {row[4] for row in rows} == {"2014"}


def test_an_unknown_area_is_404(client, followup):
    assert client.get(f"{URL}.csv", {"area": "odense"}).status_code == 404


def test_it_refuses_post(client, followup):
    assert client.post(f"{URL}.csv").status_code == 405
