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


@pytest.mark.parametrize(
    "text",
    ["9" * 4300, "1" + "0" * 12, "1.000.000.000.000", "1000000000000,00", "0" * 5 + "9" * 13],
)
def test_it_refuses_amounts_above_the_cap_in_danish(text):
    with pytest.raises(ValidationError) as error:
        parse_kroner(text)
    assert error.value.code == "too_large"
    assert "for stort" in error.value.messages[0]


def test_long_text_that_is_not_a_number_is_not_echoed_back():
    with pytest.raises(ValidationError) as error:
        parse_kroner("x" * 5000)
    assert error.value.messages == ["Skriv et beløb i hele kroner, fx 150.000."]


def test_the_largest_amount_is_accepted_and_leading_zeros_do_not_count():
    assert parse_kroner("999.999.999.999") == 999_999_999_999
    assert parse_kroner("000000000000000042") == 42


def test_a_4300_digit_amount_gets_the_too_large_message():
    with pytest.raises(ValidationError) as error:
        parse_kroner("9" * 4300)
    assert error.value.messages[0] == "Beløbet er for stort. Det kan højst være 999.999.999.999 kr."
