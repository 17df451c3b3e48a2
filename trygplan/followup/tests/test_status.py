from datetime import date
from decimal import Decimal

from trygplan.followup.status import (
    Status,
    Window,
    band_around,
    deliverable_status,
    expected_by,
    forecast,
    indicator_on_track,
    target_for_window,
    window_for,
)

YEAR = Window(date(2016, 1, 1), date(2016, 12, 31))
MID_YEAR = date(2016, 7, 1)  # day 183 of 366: share 0.5


def _status(comparator, target, done, on):
    return deliverable_status(comparator=comparator, target=target, done=done, window=YEAR, on=on)


def test_the_expectation_is_pro_rata_through_the_year():
    assert expected_by(40, YEAR, MID_YEAR) == Decimal(20)
    assert expected_by(40, YEAR, date(2015, 12, 31)) == 0
    assert expected_by(40, YEAR, date(2017, 3, 1)) == 40


def test_the_forecast_extends_what_is_done_in_a_straight_line():
    assert forecast(17, YEAR, MID_YEAR) == 34


def test_a_deliverable_on_the_way_to_34_of_at_least_40_is_on_track():
    result = _status("at_least", 40, 17, MID_YEAR)
    assert result.forecast == 34
    assert result.status == Status.ON_TRACK  # 85 %


def test_at_least_below_85_percent_is_at_risk_and_below_70_off_track():
    assert _status("at_least", 40, 16, MID_YEAR).status == Status.AT_RISK  # 32 = 80 %
    assert _status("at_least", 40, 13, MID_YEAR).status == Status.OFF_TRACK  # 26 = 65 %


def test_exactly_8_delivered_9_is_met_and_shows_the_extra_one():
    assert _status("exactly", 8, 4, MID_YEAR).status == Status.ON_TRACK
    assert _status("exactly", 8, 6, MID_YEAR).status == Status.ON_TRACK  # ahead is fine
    done = _status("exactly", 8, 9, date(2017, 1, 1))
    assert (done.status, done.extra) == (Status.MET, 1)


def test_a_range_is_met_between_its_ends():
    def between(done, on):
        return deliverable_status(
            comparator="between", target=1, target_max=2, done=done, window=YEAR, on=on
        )

    assert between(2, date(2017, 1, 1)).status == Status.MET
    assert between(0, date(2017, 1, 1)).status == Status.MISSED
    assert between(3, date(2017, 1, 1)).status == Status.MISSED
    assert between(1, MID_YEAR).status == Status.ON_TRACK  # on the way to 2


def test_at_most_is_on_track_while_under_the_limit():
    assert _status("at_most", 10, 5, MID_YEAR).status == Status.ON_TRACK
    assert _status("at_most", 10, 6, MID_YEAR).status == Status.OFF_TRACK  # 12 = 120 %
    assert _status("at_most", 0, 0, MID_YEAR).status == Status.ON_TRACK
    assert _status("at_most", 0, 1, MID_YEAR).status == Status.OFF_TRACK


def test_a_deliverable_without_a_number_has_no_status():
    result = _status("", None, 3, MID_YEAR)
    assert result.status == Status.NO_TARGET
    assert result.expected is None


def test_a_period_not_started_has_no_forecast():
    result = _status("at_least", 40, 0, date(2015, 6, 1))
    assert result.status == Status.NOT_STARTED
    assert result.forecast is None
    assert result.expected == 0


def test_a_period_over_is_met_or_missed_on_what_was_done():
    assert _status("at_least", 40, 41, date(2017, 2, 1)).status == Status.MET
    assert _status("at_least", 40, 39, date(2017, 2, 1)).status == Status.MISSED
    assert _status("at_most", 10, 10, date(2016, 12, 31)).status == Status.MET
    assert _status("exactly", 5, 4, date(2017, 1, 1)).status == Status.MISSED


def test_per_quarter_quantities_are_counted_up_to_the_year():
    assert target_for_window(4, "quarter") == 16
    assert target_for_window(5, "year") == 5
    assert target_for_window(None, "year") is None


def test_the_plan_period_window_spans_the_partnership_period():
    window = window_for("plan_period", 2016, 2013, 2016)
    assert window.start == date(2013, 1, 1)
    assert window.end == date(2016, 12, 31)


def test_the_band_is_fifteen_percent_on_the_bad_side():
    assert indicator_on_track(85, 100, higher_is_better=True)
    assert not indicator_on_track(84, 100, higher_is_better=True)
    assert indicator_on_track(130, 100, higher_is_better=True)
    assert indicator_on_track(115, 100, higher_is_better=False)
    assert not indicator_on_track(116, 100, higher_is_better=False)
    assert indicator_on_track(None, 100, higher_is_better=True) is None
    assert indicator_on_track(5, None, higher_is_better=True) is None
    assert band_around(100) == (Decimal("85.00"), Decimal("115.00"))


def test_a_zero_target_for_lower_is_better_needs_zero():
    assert indicator_on_track(0, 0, higher_is_better=False)
    assert not indicator_on_track(1, 0, higher_is_better=False)
