import pytest
from django.core.exceptions import ValidationError

from trygplan.lib.money import format_kroner, parse_kroner


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("150000", 150000),
        ("1.500.000", 1500000),
        ("1.500.000 kr.", 1500000),
        ("1 500 000", 1500000),
        ("1500000,00", 1500000),
        ("1.250,00", 1250),
        ("0", 0),
    ],
)
def test_it_reads_danish_whole_kroner(text, expected):
    assert parse_kroner(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "negativt"),
        ("abc", "er ikke et beløb"),
        ("", "Skriv et beløb"),
        ("1.250,50", "hele kroner uden øre"),
        ("1250.50", "punktum som decimaltegn"),
        ("1.50.000", "er ikke et beløb"),
    ],
)
def test_it_rejects_bad_amounts_in_danish(text, message):
    with pytest.raises(ValidationError) as error:
        parse_kroner(text)
    assert message in error.value.messages[0]


def test_it_writes_amounts_as_the_plan_does():
    assert format_kroner(1500000) == "1.500.000 kr."
    assert format_kroner(58000, unit=False) == "58.000"
    assert format_kroner(None) == "-"
    assert format_kroner(-100) == "-100 kr."
