"""The small-number rule: counts about young people from 1 to 4 are never shown exactly.

A count of people between 1 and `threshold() - 1` is shown as "<5" (the threshold is the
setting `TRYGPLAN_SMALL_NUMBER_THRESHOLD`, default 5). Decisions:

- 0 is shown as 0: "nobody" identifies nobody, and hiding it would hide good news.
- None (no figure) stays None: the page shows it as missing, not as small.
- Totals and differences: a hidden cell must not be computable from what is shown.
  `suppress_row` hides the total when it is itself small, and when exactly one cell of a
  row is hidden it also hides the smallest other non-zero cell (secondary suppression),
  so "total minus the visible cells" gives only the sum of two hidden cells.
  `suppress_difference` hides a difference when either side is hidden.

Use it on pages, in charts and in exports, always on the stored aggregate, never on a
figure already rounded for display.

By construction: a count of people is stored in a `core.fields.PeopleCountField`, which
reads back as a `PeopleCount`. Its text ("<5" for 1-4) is what templates, CSV, Excel, Word
and the API write, whatever page or export it reaches; `.exact` is read only where a person
approves or corrects the figure. Sums of such fields read back as `PeopleCount` too; a row
shown together with its total goes through `suppress_row`.
"""

from dataclasses import dataclass

from django.conf import settings

DEFAULT_THRESHOLD = 5
# A cell hidden only so that another, small cell cannot be worked out.
HIDDEN = "×"


def threshold() -> int:
    """The smallest count shown as is (read from settings each call, so tests can change it)."""
    return int(getattr(settings, "TRYGPLAN_SMALL_NUMBER_THRESHOLD", DEFAULT_THRESHOLD))


def small_label() -> str:
    return f"<{threshold()}"


def is_small(value) -> bool:
    """True for 1 .. threshold-1 (also for fractional values in that range)."""
    return value is not None and 0 < value < threshold()


def suppress(value):
    """The value as it may be shown: "<5" for a small count, else the value unchanged."""
    return small_label() if is_small(value) else value


class PeopleCount(int):
    """A count of people: an int whose text is "<5" when it is 1-4 (see the module docstring).

    Arithmetic gives plain ints (use `suppress_row` for totals shown beside their cells);
    `shown` is what may be written anywhere, `exact` what an approver may see.
    """

    @property
    def exact(self) -> int:
        return int(self)

    @property
    def shown(self):
        return suppress(int(self))

    def __str__(self) -> str:
        return str(self.shown)

    def __format__(self, spec: str) -> str:
        return format(self.shown, spec) if not is_small(int(self)) else str(self.shown)

    __repr__ = int.__repr__


def shown(value):
    """What may be written anywhere: a `PeopleCount` as its suppressed text, else the value."""
    return value.shown if isinstance(value, PeopleCount) else value


def suppress_difference(a, b):
    """b - a, unless either side is hidden (then HIDDEN) or missing (then None)."""
    if a is None or b is None:
        return None
    if is_small(a) or is_small(b):
        return HIDDEN
    return b - a


@dataclass
class SuppressedRow:
    cells: list
    total: object
    # indexes of cells hidden only to protect another cell
    secondary: list[int]


def suppress_row(values: list, total=None) -> SuppressedRow:
    """A row of counts and its total (computed if not given), safe to show together."""
    numbers = [value for value in values if value is not None]
    if total is None and numbers:
        total = sum(numbers)
    cells = [suppress(value) for value in values]
    primary = [index for index, value in enumerate(values) if is_small(value)]
    secondary = []
    shown_total = suppress(total)
    if len(primary) == 1 and shown_total == total and total is not None:
        candidates = [
            (value, index)
            for index, value in enumerate(values)
            if index not in primary and value  # not None, not 0
        ]
        if candidates:
            _, index = min(candidates)
            cells[index] = HIDDEN
            secondary.append(index)
        else:
            shown_total = HIDDEN
    return SuppressedRow(cells=cells, total=shown_total, secondary=secondary)
