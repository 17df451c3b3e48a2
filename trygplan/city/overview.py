"""The city overview (Sikker By): every partnership and one plan year in one table.

Computed for all partnerships at once, in a fixed number of queries whatever the number of
partnerships, plans, findings or indicator values (the query count is asserted in the tests
and measured by `make bench-scale`). What a row may show is decided by `access.CityReader`.

Per partnership and year:
- the plan: the newest version the reader may see (members: drafts too), its status and
  money: the frame, the partnership's own funds and the co-financing/external money of the
  year's budget lines;
- deliverables on track / at risk / off track (the follow-up rules, `followup.reports`);
- findings of the year's walks still open, and those past their deadline;
- the pools: allocation (the year's newest approved plan), committed and spent;
- the headline indicators (the first HEADLINES of the effects' indicators, in the effects'
  order) with their approved value of the year.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from django.conf import settings
from django.db.models import Count, F, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from trygplan.followup.status import Status
from trygplan.lib import geo
from trygplan.partnerships.models import Partnership
from trygplan.plans.models import BudgetLine, Plan

from .access import CityReader

DISTRICTS_FILE = "kk_bydele.geojson"


HEADLINES = 4  # indicators per partnership in the table: a row stays a row at any size


@dataclass
class Money:
    frame: int | None = None
    partnership: int = 0
    co_financing: int = 0


@dataclass
class PoolMoney:
    allocation: int = 0
    committed: int = 0
    spent: int = 0
    count: int = 0


@dataclass
class Row:
    partnership: Partnership
    private: bool
    district: str
    plan: Plan | None = None
    money: Money = field(default_factory=Money)
    deliverables: Counter = field(default_factory=Counter)
    findings_open: int = 0
    findings_overdue: int = 0
    pools: PoolMoney = field(default_factory=PoolMoney)
    indicators: list = field(default_factory=list)  # [(indicator, value or None)]

    @property
    def on_track(self) -> int:
        """On track, or met once the year is over."""
        return self.deliverables[Status.ON_TRACK] + self.deliverables[Status.MET]

    @property
    def at_risk(self) -> int:
        return self.deliverables[Status.AT_RISK]

    @property
    def off_track(self) -> int:
        """Off track, or missed once the year is over."""
        return self.deliverables[Status.OFF_TRACK] + self.deliverables[Status.MISSED]


@dataclass
class CityOverview:
    year: int | None
    years: list[int]
    district: str
    districts: list[str]
    rows: list[Row]

    @property
    def totals(self) -> dict:
        rows = self.rows
        return {
            "frame": sum(r.money.frame or 0 for r in rows),
            "partnership": sum(r.money.partnership for r in rows),
            "co_financing": sum(r.money.co_financing for r in rows),
            "findings_open": sum(r.findings_open for r in rows),
            "findings_overdue": sum(r.findings_overdue for r in rows),
            "allocation": sum(r.pools.allocation for r in rows),
            "committed": sum(r.pools.committed for r in rows),
            "spent": sum(r.pools.spent for r in rows),
        }


# ---- Districts --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def districts() -> tuple[tuple[str, dict, tuple], ...]:
    """(name, geometry, bounds) of the city's districts (kk_bydele.geojson), read once."""
    path = settings.TRYGPLAN_GEO_DIR / DISTRICTS_FILE
    if not path.exists():
        return ()
    rows = [(f["properties"]["navn"], f["geometry"]) for f in geo.features_of(path)]
    return tuple(sorted((name, g, geo.bounds(g)) for name, g in rows))


@lru_cache(maxsize=4096)
def _district_at(lon: float, lat: float) -> str:
    for name, geometry, box in districts():
        if geo.bbox_intersects(box, (lon, lat, lon, lat)) and geo.contains(geometry, lon, lat):
            return name
    return ""


def district_of(area: dict | None) -> str:
    """The district the middle of the area's bounding box lies in ("" outside the city)."""
    if not area:
        return ""
    try:
        west, south, east, north = geo.bounds(area)
    except (KeyError, ValueError, TypeError):
        return ""
    return _district_at(round((west + east) / 2, 5), round((south + north) / 2, 5))


# ---- Reading ----------------------------------------------------------------------------------


def visible_plans_of_year(reader: CityReader, year: int):
    plans = Plan.private_objects.filter(year=year)
    if not reader.everything:
        plans = plans.filter(
            Q(partnership_id__in=reader.private_ids) | Q(status=Plan.Status.PUBLISHED)
        )
    return plans


def plan_years(reader: CityReader) -> list[int]:
    plans = Plan.private_objects.all()
    if not reader.everything:
        plans = plans.filter(
            Q(partnership_id__in=reader.private_ids) | Q(status=Plan.Status.PUBLISHED)
        )
    return sorted(set(plans.values_list("year", flat=True).distinct()), reverse=True)


def default_year(years: list[int], today: date | None = None) -> int | None:
    """This year if it has a plan the reader may see, else the newest such year."""
    today = today or timezone.localdate()
    if today.year in years:
        return today.year
    return years[0] if years else None


def _newest_versions(plans) -> dict[int, Plan]:
    """partnership id → its newest amendment among `plans`."""
    newest: dict[int, Plan] = {}
    for plan in plans.order_by("partnership_id", "amendment"):
        newest[plan.partnership_id] = plan
    return newest


def _money(plans: dict[int, Plan], year: int) -> dict[int, Money]:
    sums = (
        BudgetLine.private_objects.filter(
            activity__plan__in=[p.pk for p in plans.values()], year=year
        )
        .values("activity__plan__partnership_id", "source")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    money = {pid: Money(frame=plan.frame) for pid, plan in plans.items()}
    for row in sums:
        entry = money[row["activity__plan__partnership_id"]]
        if row["source"] == BudgetLine.Source.PARTNERSHIP:
            entry.partnership += row["total"] or 0
        else:
            entry.co_financing += row["total"] or 0
    return money


def _findings(reader: CityReader, ids: list[int], year: int, today: date) -> dict[int, tuple]:
    from trygplan.walks.models import Finding

    private = Q(walk__partnership_id__in=[i for i in ids if reader.is_private(i)])
    police = Q(walk__partnership_id__in=[i for i in ids if reader.sees_police(i)])
    visible = (
        Q(visibility=Finding.Visibility.PUBLIC)
        | (private & Q(visibility=Finding.Visibility.PARTNERSHIP))
        | (police & Q(visibility=Finding.Visibility.POLICE_ONLY))
    )
    open_ = Finding.private_objects.open().values("pk")
    rows = (
        Finding.private_objects.filter(visible, walk__partnership_id__in=ids)
        .filter(walk__starts_at__year=year, is_good_place=False, pk__in=open_)
        .values("walk__partnership_id")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(deadline__lt=today)))
        .order_by()
    )
    return {r["walk__partnership_id"]: (r["open"], r["overdue"]) for r in rows}


def _pools(reader: CityReader, ids: list[int], year: int) -> dict[int, PoolMoney]:
    from trygplan.pools.models import Pool

    pools = Pool.private_objects.filter(year=year, partnership_id__in=ids)
    if not reader.everything:
        public = Pool.public_objects.filter(year=year).values("pk")
        pools = pools.filter(Q(partnership_id__in=reader.private_ids) | Q(pk__in=public))
    pools = list(pools.with_money())
    approved = (
        BudgetLine.private_objects.filter(
            year=year,
            source=BudgetLine.Source.PARTNERSHIP,
            activity__plan__year=year,
            activity__plan__status__in=[Plan.Status.APPROVED, Plan.Status.PUBLISHED],
            activity__plan__partnership_id__in={p.partnership_id for p in pools},
        )
        .values("activity__plan__partnership_id", "activity__plan__amendment", "activity__key")
        .annotate(total=Sum("amount"))
        .order_by("activity__plan__amendment")
    )
    allocation = {}
    for row in approved:  # the newest approved amendment wins
        key = (row["activity__plan__partnership_id"], row["activity__key"])
        allocation[key] = row["total"] or 0
    money: dict[int, PoolMoney] = defaultdict(PoolMoney)
    for pool in pools:
        entry = money[pool.partnership_id]
        entry.count += 1
        entry.allocation += allocation.get((pool.partnership_id, pool.activity_key), 0)
        entry.committed += pool.money_open_granted - pool.money_spent_open
        entry.spent += pool.money_spent
    return money


def _indicators(ids: list[int], year: int) -> dict[int, list]:
    from trygplan.followup.models import Indicator, IndicatorValue
    from trygplan.followup.reports import shown_value

    rank = Window(
        RowNumber(),
        partition_by=[F("partnership_id")],
        order_by=[F("effect__number"), F("order"), F("name")],
    )
    indicators = (
        Indicator.objects.filter(
            partnership_id__in=ids, effect__isnull=False, statistic_series__isnull=True
        )
        .annotate(rank=rank)
        .filter(rank__lte=HEADLINES)
        .order_by("partnership_id", "effect__number", "order", "name")
    )
    values = {
        row["indicator_id"]: row["value"]
        for row in IndicatorValue.public_objects.filter(
            indicator__in=indicators, submission__year=year
        )
        .values("indicator_id", "value")
        .order_by("submission__organisation_id")
    }
    shown = defaultdict(list)
    for indicator in indicators:
        shown[indicator.partnership_id].append(
            (indicator, shown_value(indicator, values.get(indicator.pk)))
        )
    return shown


def build_city_overview(
    reader: CityReader,
    *,
    year: int | None = None,
    district: str = "",
    today: date | None = None,
    years: list[int] | None = None,
) -> CityOverview:
    """The overview's rows for `year`; `years` is `plan_years(reader)` when the caller has it."""
    from trygplan.followup.reports import status_counts

    today = today or timezone.localdate()
    years = plan_years(reader) if years is None else years
    year = year if year in years else default_year(years, today)
    names = [name for name, _g, _b in districts()]
    partnerships = list(Partnership.objects.order_by("name"))
    rows = [Row(p, reader.is_private(p.pk), district_of(p.area)) for p in partnerships]
    if district:
        rows = [row for row in rows if row.district == district]
    ids = [row.partnership.pk for row in rows]
    if year is None or not ids:
        return CityOverview(year, years, district, names, rows)
    plans = _newest_versions(visible_plans_of_year(reader, year).filter(partnership_id__in=ids))
    by_id = {p.pk: p for p in partnerships}
    for plan in plans.values():
        plan.partnership = by_id[plan.partnership_id]
    money = _money(plans, year)
    counts = status_counts(list(plans.values()), today)
    findings = _findings(reader, ids, year, today)
    pools = _pools(reader, ids, year)
    indicators = _indicators(ids, year)
    for row in rows:
        pid = row.partnership.pk
        row.plan = plans.get(pid)
        row.money = money.get(pid, Money())
        row.deliverables = counts.get(row.plan.pk, Counter()) if row.plan else Counter()
        row.findings_open, row.findings_overdue = findings.get(pid, (0, 0))
        row.pools = pools.get(pid, PoolMoney())
        row.indicators = indicators.get(pid, [])
    return CityOverview(year, years, district, names, rows)
