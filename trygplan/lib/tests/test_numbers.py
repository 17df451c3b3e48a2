from decimal import Decimal

import pytest

from trygplan.lib.money import format_kroner
from trygplan.lib.numbers import format_number


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (1234, 1, "1.234"),
        (12.5, 1, "12,5"),
        (1234.5, 1, "1.234,5"),
        (12.0, 1, "12"),  # a whole count has no ",0"
        (Decimal("12.04"), 1, "12"),  # whole after rounding
        (12.25, 1, "12,3"),  # half up, on the decimal value
        (-1234.5, 1, "-1.234,5"),
        (-0.04, 1, "0"),  # no "-0"
        (Decimal("3.14159"), 2, "3,14"),
        (Decimal("12.50"), 2, "12,5"),
        (Decimal("1.250"), None, "1,25"),
        (Decimal("1234567.891"), None, "1.234.567,891"),
        (1_500_000, 0, "1.500.000"),
        ("7", 1, "7"),
    ],
)
def test_numbers_are_written_the_danish_way(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_nothing_is_empty_or_what_the_cell_shows():
    assert format_number(None) == ""
    assert format_number(None, empty="–") == "–"


def test_what_is_not_a_number_is_refused():
    with pytest.raises(ValueError):
        format_number("mange")


def test_kroner_are_whole_numbers_written_the_same_way():
    assert format_kroner(Decimal("2500.5")) == "2.501 kr."
    assert format_kroner(1234567, unit=False) == format_number(1234567)
