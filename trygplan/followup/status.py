"""The follow-up rules as pure functions: pro-rata expectation, forecast, status, the band.

Deliverables (a typed `plans.Deliverable`: quantity (and quantity_max), comparator, period):
- The assessment window is the plan's calendar year; for "i planperioden" it is the
  partnership's whole period. A per-half-year/quarter/month quantity is multiplied up to
  the window (4 per quarter -> 16 a year), so progress is always judged on the year.
- Pro rata: by a date, `elapsed share of the window × target` should be done.
- Forecast: what is done so far, divided by the elapsed share (straight-line).
- Status, while the window runs (forecast against target):
    at least  on track ≥ 85 % of target; at risk ≥ 70 %; else off track
    exactly   as at least: the seed's "8 unge årligt" is a commitment to deliver 8, and
              delivering 9 meets it (the extra one is shown, `DeliverableStatus.extra`)
    between   on track from 85 % of the least to the most + 15 %; at risk from 70 % of the
              least; else off track ("1-2 årlige tryghedsvandringer")
    at most   on track ≤ target;          at risk ≤ target + 15 %; else off track
  Before the window: not started. After it: met or missed, judged on what was done.
  A deliverable without a number has no status ("ingen talmål").

Indicators (TolaData's band): a value is on track when it is within 15 % of its target on
the bad side (higher is better: value ≥ 85 % of target; lower is better: value ≤ 115 % of
target). Being better than the target is on track. Against a baseline, the change is
reported as a difference; as a percentage only when the baseline is not zero.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BAND = Decimal("0.15")
AT_RISK = Decimal("0.30")

PERIODS_PER_YEAR = {"year": 1, "half_year": 2, "quarter": 4, "month": 12}


class Status:
    NO_TARGET = "no_target"
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    MET = "met"
    MISSED = "missed"

    labels = {
        NO_TARGET: gettext_lazy("Ingen talmål"),
        NOT_STARTED: gettext_lazy("Ikke begyndt"),
        ON_TRACK: gettext_lazy("På sporet"),
        AT_RISK: gettext_lazy("I risiko"),
        OFF_TRACK: gettext_lazy("Ikke på sporet"),
        MET: gettext_lazy("Opfyldt"),
        MISSED: gettext_lazy("Ikke opfyldt"),
    }


@dataclass
class Window:
    start: date
    end: date  # inclusive

    def share_elapsed(self, on: date) -> Decimal:
        """0 before the window, 1 from its last day, else the share of days gone."""
        if on < self.start:
            return Decimal(0)
        if on >= self.end:
            return Decimal(1)
        days = (self.end - self.start).days + 1
        return Decimal((on - self.start).days + 1) / Decimal(days)


def window_for(period: str, year: int, period_start: int, period_end: int) -> Window:
    if period == "plan_period":
        return Window(date(period_start, 1, 1), date(period_end, 12, 31))
    return Window(date(year, 1, 1), date(year, 12, 31))


def target_for_window(quantity: int | None, period: str) -> int | None:
    """The quantity for the whole window: per quarter × 4, per month × 12, else as stated."""
    if quantity is None:
        return None
    return quantity * PERIODS_PER_YEAR.get(period, 1)


def expected_by(target: int | None, window: Window, on: date) -> Decimal | None:
    if target is None:
        return None
    return Decimal(target) * window.share_elapsed(on)


def forecast(done: int, window: Window, on: date) -> int | None:
    """Straight-line year-end forecast; None before the window starts."""
    share = window.share_elapsed(on)
    if share == 0:
        return None
    return int((Decimal(done) / share).to_integral_value())


@dataclass
class DeliverableStatus:
    status: str
    target: int | None
    done: int
    expected: Decimal | None
    forecast: int | None
    comparator: str
    target_max: int | None = None  # the most, for "between"

    @property
    def label(self) -> str:
        return str(Status.labels[self.status])

    @property
    def extra(self) -> int:
        """What was delivered beyond an exact target (shown beside "met")."""
        if self.comparator == "exactly" and self.target is not None and self.done > self.target:
            return self.done - self.target
        return 0


def deliverable_status(
    *,
    comparator: str,
    target: int | None,
    done: int,
    window: Window,
    on: date,
    target_max: int | None = None,
) -> DeliverableStatus:
    expected = expected_by(target, window, on)
    predicted = forecast(done, window, on)
    result = DeliverableStatus(
        Status.NO_TARGET, target, done, expected, predicted, comparator, target_max
    )
    if target is None:
        return result
    if predicted is None:
        result.status = Status.NOT_STARTED
    elif on >= window.end:
        result.status = Status.MET if _met(comparator, target, done, target_max) else Status.MISSED
    else:
        result.status = _judge(comparator, Decimal(target), Decimal(predicted), target_max)
    return result


def _met(comparator: str, target: int, done: int, target_max: int | None = None) -> bool:
    if comparator == "at_most":
        return done <= target
    if comparator == "between" and target_max is not None:
        return target <= done <= target_max
    return done >= target  # at least, and exactly (more than promised is delivered)


def _judge(comparator: str, target: Decimal, predicted: Decimal, target_max=None) -> str:
    if comparator == "at_most":
        if predicted <= target:
            return Status.ON_TRACK
        return Status.AT_RISK if predicted <= target * (1 + BAND) else Status.OFF_TRACK
    if comparator == "between" and target_max is not None and predicted > target_max * (1 + BAND):
        return Status.AT_RISK
    if target == 0:  # "at least 0" or "exactly 0"
        return Status.ON_TRACK
    share = predicted / target
    if share >= 1 - BAND:
        return Status.ON_TRACK
    return Status.AT_RISK if share >= 1 - AT_RISK else Status.OFF_TRACK


def rule_text(comparator: str) -> str:
    """The rule shown beside a deliverable's status."""
    if comparator == "at_most":
        return _("På sporet hvis prognosen højst er målet; i risiko op til 15 % over.")
    if comparator == "between":
        return _(
            "På sporet hvis prognosen ligger fra 85 % af det mindste til 15 % over det højeste; "
            "i risiko fra 70 %."
        )
    if comparator == "exactly":
        return _(
            "På sporet hvis prognosen er mindst 85 % af målet; mere end målet er også opfyldt."
        )
    return _("På sporet hvis prognosen er mindst 85 % af målet; i risiko fra 70 %.")


def indicator_on_track(value, target, *, higher_is_better: bool) -> bool | None:
    """TolaData's ±15 % band; None without a value or a target."""
    if value is None or target is None:
        return None
    value, target = Decimal(value), Decimal(target)
    if higher_is_better:
        return value >= target * (1 - BAND)
    return value <= target * (1 + BAND) if target else value <= 0


def band_around(target) -> tuple[Decimal, Decimal]:
    target = Decimal(target)
    return target * (1 - BAND), target * (1 + BAND)
