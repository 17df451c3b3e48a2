import pytest

from trygplan.lib.small_numbers import (
    HIDDEN,
    is_small,
    suppress,
    suppress_difference,
    suppress_row,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, 0), (1, "<5"), (3, "<5"), (4, "<5"), (4.5, "<5"), (5, 5), (120, 120), (None, None)],
)
def test_counts_from_one_to_four_are_shown_as_less_than_five(value, shown):
    assert suppress(value) == shown


def test_the_threshold_comes_from_settings(settings):
    settings.TRYGPLAN_SMALL_NUMBER_THRESHOLD = 10
    assert suppress(7) == "<10"
    assert suppress(10) == 10


def test_zero_and_missing_are_not_small():
    assert not is_small(0)
    assert not is_small(None)


def test_a_row_without_small_counts_is_shown_whole_with_its_total():
    row = suppress_row([10, 20, 30])
    assert row.cells == [10, 20, 30]
    assert row.total == 60
    assert row.secondary == []


def test_one_small_cell_also_hides_the_smallest_other_cell_so_the_total_reveals_nothing():
    row = suppress_row([3, 40, 12])
    assert row.cells == ["<5", 40, HIDDEN]
    assert row.total == 55
    assert row.secondary == [2]


def test_zero_cells_are_not_chosen_for_secondary_suppression():
    row = suppress_row([0, 3, 8])
    assert row.cells == [0, "<5", HIDDEN]


def test_two_small_cells_need_no_secondary_suppression():
    row = suppress_row([3, 2, 40])
    assert row.cells == ["<5", "<5", 40]
    assert row.total == 45


def test_a_small_total_is_hidden_too():
    row = suppress_row([3, 0, 0])
    assert row.cells == ["<5", 0, 0]
    assert row.total == "<5"


def test_a_given_total_larger_than_the_cells_is_hidden_when_nothing_else_can_be():
    row = suppress_row([3, 0], total=20)
    assert row.total == HIDDEN


def test_a_difference_with_a_small_side_is_hidden():
    assert suppress_difference(12, 3) == HIDDEN
    assert suppress_difference(3, 12) == HIDDEN
    assert suppress_difference(12, 20) == 8
    assert suppress_difference(12, 0) == -12
    assert suppress_difference(None, 4) is None
