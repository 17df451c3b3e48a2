from datetime import date

from trygplan.lib.years import ALL, chosen_year, current_year

TODAY = date(2017, 6, 1)


def test_the_current_year_is_this_year_or_the_newest_before_it():
    assert current_year([2014, 2015, 2017, 2018], TODAY) == 2017
    assert current_year([2014, 2015, 2018], TODAY) == 2015
    assert current_year([2019, 2020], TODAY) == 2019
    assert current_year([], TODAY) is None


def test_a_year_asked_for_is_kept_what_is_no_year_falls_back_and_all_is_none():
    assert chosen_year("2014", [2014, 2015], TODAY) == 2014
    assert chosen_year("1999", [2014, 2015], TODAY) == 1999  # asked for: an empty year
    assert chosen_year("99999", [2014, 2015], TODAY) == 2015
    assert chosen_year("x", [2014, 2015], TODAY) == 2015
    assert chosen_year(None, [2014, 2015], TODAY) == 2015
    assert chosen_year(ALL, [2014, 2015], TODAY) is None
