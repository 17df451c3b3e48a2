"""The default window of a list that grows with time: the current plan year.

A page that lists a partnership's history (findings, walks, events, pools) shows one year by
default, so its cost does not grow with the years behind it: the current year when it has
rows, else the newest year before it that has, else the newest year. `?aar=alle` asks for
every year (still paginated where the list is long); a year without rows shows an empty
list; what is not a year falls back to the default.
"""

from datetime import date

ALL = "alle"


def current_year(years, today: date) -> int | None:
    years = sorted(set(years), reverse=True)
    if not years:
        return None
    earlier = [year for year in years if year <= today.year]
    return earlier[0] if earlier else years[-1]


def chosen_year(value, years, today: date) -> int | None:
    """The year asked for in `value` (text from the query string), or the default; None
    means every year (`ALL`)."""
    if value == ALL:
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        return current_year(years, today)
    return year if 1900 <= year <= 2200 else current_year(years, today)
