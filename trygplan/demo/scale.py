"""Invented partnerships in bulk, for the national-scale benchmark (`make bench-scale`) and the
query-bound tests: `scale_build(partnerships=100, sizes=FULL)` makes 100 partnerships with ten
plan years each, 60.000 findings and 600.000 indicator values, with `bulk_create` (a few
hundred statements in all, whatever the size).

Deterministic: the same arguments give the same rows (no random numbers, no clock but the
year the plan years end in). Everything is labelled invented (`is_invented`), the partnerships
are named "Skala 001" …, their users "skala-001-ag" (working group, password `PASSWORD`).
The rows are written with the ORM directly, not through the services: they stand for many
years of use, not for one person's changes, so there is no audit trail for them.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from trygplan.followup.models import Event, Indicator, IndicatorValue, Submission
from trygplan.partnerships.models import Membership, Organisation, Partnership, Party, Role
from trygplan.plans.models import (
    Activity,
    ActivityDescription,
    BudgetLine,
    Deliverable,
    Effect,
    Plan,
)
from trygplan.pools.models.application import Application
from trygplan.pools.models.grant import Expense, Grant
from trygplan.pools.models.pool import Pool
from trygplan.walks.models.finding import Finding
from trygplan.walks.models.walk import Walk

PASSWORD = "skala-demo"
REPORTERS = 6  # organisations that send a submission each year; values = REPORTERS × indicators
FINDING_STATUSES = ["new", "assigned", "in_progress", "fixed", "planned", "fixed"]
VISIBILITIES = ["public", "public", "partnership", "police_only"]


@dataclass(frozen=True)
class Sizes:
    """How much one partnership has: per plan year unless said otherwise."""

    years: int = 10
    walks: int = 6
    findings: int = 10  # per walk
    indicators: int = 100  # per partnership; each reported by all REPORTERS every year
    effects: int = 10  # per partnership
    activities: int = 10
    events: int = 12
    grants: int = 5  # per pool (three pools a year)


FULL = Sizes()
QUICK = Sizes(years=3, walks=3, findings=10, indicators=30, activities=6, events=6, grants=3)


def slug_of(number: int) -> str:
    return f"skala-{number:03}"


def scale_build(
    *, partnerships: int = 100, sizes: Sizes = FULL, last_year: int | None = None, first: int = 1
):
    """Add `partnerships` invented partnerships of `sizes`, numbered from `first`, their plan
    years ending in `last_year` (default: this year, so the pages' default window has data).
    Returns them."""
    last_year = last_year or timezone.localdate().year
    years = list(range(last_year - sizes.years + 1, last_year + 1))
    with transaction.atomic():
        reporters = _reporters()
        made = Partnership.objects.bulk_create(
            [_partnership(n, years) for n in range(first, first + partnerships)]
        )
        made = list(Partnership.objects.filter(slug__in=[p.slug for p in made]).order_by("slug"))
        _people(made, reporters)
        effects = _effects(made, sizes)
        indicators = _indicators(made, effects, reporters, sizes)
        for year in years:
            plans = Plan.private_objects.bulk_create([_plan(p, year) for p in made])
            _activities(plans, year, sizes, reporters[0])
            _walks(made, year, sizes, old=year < last_year)
            _pools(made, year, sizes)
            _events(made, year, sizes)
            _values(made, indicators, reporters, year)
    return made


def _reporters() -> list[Organisation]:
    rows = [
        Organisation(key=f"skala-org-{n}", short_name=f"SO{n}", name=f"Skala-organisation {n}")
        for n in range(1, REPORTERS + 1)
    ]
    Organisation.objects.bulk_create(rows, ignore_conflicts=True)
    return list(Organisation.objects.filter(key__startswith="skala-org-").order_by("key"))


def square(n: int) -> tuple[float, float, dict]:
    """A small square in Copenhagen per partnership: its corner and its polygon."""
    lon, lat = 12.45 + (n % 20) * 0.008, 55.62 + (n // 20) * 0.01
    ring = [[lon, lat], [lon + 0.006, lat], [lon + 0.006, lat + 0.004], [lon, lat + 0.004]]
    return lon, lat, {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def _partnership(n: int, years: list[int]) -> Partnership:
    return Partnership(
        slug=slug_of(n),
        name=f"Skala {n:03} Partnerskab",
        area_name=f"Skalaområde {n}",
        period_start=years[0],
        period_end=years[-1],
        area=square(n)[2],
        area_source="Opdigtet",
        is_invented=True,
    )


def _people(partnerships, reporters) -> None:
    user_model = get_user_model()
    password = make_password(PASSWORD)
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"{p.slug}-ag", first_name="Skala", password=password)
            for p in partnerships
        ]
    )
    users = user_model.objects.filter(username__in=[u.username for u in users]).order_by("username")
    Membership.objects.bulk_create(
        [
            Membership(user=u, partnership=p, role=Role.WORKING_GROUP)
            for u, p in zip(users, partnerships, strict=True)
        ]
    )
    Party.objects.bulk_create(
        [
            Party(partnership=p, organisation=o, order=i)
            for p in partnerships
            for i, o in enumerate(reporters)
        ]
    )


def _effects(partnerships, sizes) -> dict[int, list[Effect]]:
    Effect.objects.bulk_create(
        [
            Effect(partnership=p, number=k, name=f"Effekt {k}")
            for p in partnerships
            for k in range(1, sizes.effects + 1)
        ]
    )
    found: dict[int, list[Effect]] = {}
    for effect in Effect.objects.filter(partnership__in=partnerships).order_by("number"):
        found.setdefault(effect.partnership_id, []).append(effect)
    return found


def _indicators(partnerships, effects, reporters, sizes) -> dict[int, list[Indicator]]:
    rows = []
    for p in partnerships:
        for k in range(sizes.indicators):
            rows.append(
                Indicator(
                    partnership=p,
                    key=f"indikator-{k + 1}",
                    name=f"Indikator {k + 1}",
                    effect=effects[p.pk][k % len(effects[p.pk])],
                    kind="population",
                    definition="Opdigtet indikator.",
                    source="partnership",
                    reported_by=reporters[k % len(reporters)],
                    unit="procent",
                    higher_is_better=k % 2 == 0,
                    order=k,
                    is_invented=True,
                )
            )
    Indicator.objects.bulk_create(rows, batch_size=2000)
    found: dict[int, list[Indicator]] = {}
    for indicator in Indicator.objects.filter(partnership__in=partnerships).order_by("order"):
        found.setdefault(indicator.partnership_id, []).append(indicator)
    return found


def _plan(partnership, year) -> Plan:
    return Plan(
        partnership=partnership,
        year=year,
        title=f"Tryghedsplan {year} for {partnership.name}",
        status=Plan.Status.PUBLISHED,
        frame=2_000_000,
        is_invented=True,
    )


def _activities(plans, year, sizes, funder) -> None:
    descriptions = ActivityDescription.objects.bulk_create(
        [
            ActivityDescription(plan=plan, key=f"a{k}", title=f"Aktivitet {k}", order=k)
            for plan in plans
            for k in range(1, sizes.activities + 1)
        ],
        batch_size=2000,
    )
    Deliverable.objects.bulk_create(
        [
            Deliverable(
                description=d, text=f"{4 + d.order} møder", quantity=4 + d.order, unit="møder"
            )
            for d in descriptions
        ],
        batch_size=2000,
    )
    activities = Activity.objects.bulk_create(
        [
            Activity(plan_id=d.plan_id, key=d.key, number=d.order, name=d.title, description=d)
            for d in descriptions
        ],
        batch_size=2000,
    )
    lines = []
    for activity in activities:
        lines.append(BudgetLine(activity=activity, year=year, amount=150_000, label="Drift"))
        lines.append(
            BudgetLine(
                activity=activity,
                year=year,
                amount=25_000,
                label="Medfinansiering",
                source=BudgetLine.Source.CO_FINANCING,
                funder=funder,
            )
        )
    BudgetLine.private_objects.bulk_create(lines, batch_size=2000)


def _walks(partnerships, year, sizes, *, old: bool) -> None:
    """Walks and findings; of an earlier year's findings nine in ten are fixed by now."""
    walks = []
    for p in partnerships:
        lon, lat, _area = square(_number(p))
        for k in range(sizes.walks):
            month = 3 + (k * 7) // max(sizes.walks, 1)
            route = [[lon + 0.0005, lat + 0.0005], [lon + 0.0055, lat + 0.0035]]
            walks.append(
                Walk(
                    partnership=p,
                    title=f"Tryghedsvandring {k + 1} {year}",
                    starts_at=datetime.datetime(year, month, 1 + k, 19, tzinfo=datetime.UTC),
                    light=["daylight", "dusk", "dark"][k % 3],
                    season="spring" if month < 6 else "autumn",
                    route={"type": "LineString", "coordinates": route},
                    status=Walk.Status.WALKED,
                    is_invented=True,
                )
            )
    walks = Walk.private_objects.bulk_create(walks, batch_size=2000)
    numbers = {p.pk: _number(p) for p in partnerships}
    findings = []
    for walk in walks:
        lon, lat, _area = square(numbers[walk.partnership_id])
        for k in range(sizes.findings):
            status = FINDING_STATUSES[k % len(FINDING_STATUSES)]
            if old and k % 10:
                status = "fixed"
            fixed_at = datetime.datetime(year, 10, 1, tzinfo=datetime.UTC)
            findings.append(
                Finding(
                    walk=walk,
                    number=k + 1,
                    client_uuid=uuid.UUID(int=walk.pk * 1000 + k),
                    lon=lon + 0.0005 + (k * 0.005) / max(sizes.findings, 1),
                    lat=lat + 0.0005 + (k * 0.003) / max(sizes.findings, 1),
                    category=["lighting", "sightlines", "litter", "behaviour"][k % 4],
                    description="Opdigtet fund.",
                    visibility=VISIBILITIES[k % len(VISIBILITIES)],
                    status=status,
                    fixed_at=fixed_at if status == "fixed" else None,
                    deadline=datetime.date(year, 11, 1),
                    is_invented=True,
                )
            )
    Finding.private_objects.bulk_create(findings, batch_size=5000)


def _pools(partnerships, year, sizes) -> None:
    pools = Pool.private_objects.bulk_create(
        [
            Pool(
                partnership=p,
                year=year,
                kind=kind,
                activity_key=f"a{k + 1}",
                purpose="Opdigtet pulje.",
                who_may_apply="Beboere",
            )
            for p in partnerships
            for k, kind in enumerate(Pool.Kind.values)
        ]
    )
    applications = Application.private_objects.bulk_create(
        [
            Application(
                pool=pool,
                status=Application.Status.GRANTED,
                title=f"Ansøgning {k + 1}",
                purpose="Opdigtet.",
                addresses="Opdigtet.",
                is_invented=True,
            )
            for pool in pools
            for k in range(sizes.grants)
        ],
        batch_size=2000,
    )
    grants = Grant.private_objects.bulk_create(
        [
            Grant(
                pool=a.pool,
                application=a,
                amount=10_000,
                decided_on=datetime.date(year, 4, 1),
                is_invented=True,
            )
            for a in applications
        ],
        batch_size=2000,
    )
    Expense.private_objects.bulk_create(
        [
            Expense(grant=g, date=datetime.date(year, 6, 1), amount=4_000, supplier="Opdigtet")
            for g in grants
        ],
        batch_size=2000,
    )


def _events(partnerships, year, sizes) -> None:
    Event.private_objects.bulk_create(
        [
            Event(
                partnership=p,
                activity_key="a1",
                kind="dialogue",
                title=f"Dialogmøde {k + 1}",
                starts_at=datetime.datetime(year, 1 + k % 12, 10, 17, tzinfo=datetime.UTC),
                place="Beboerhuset",
                is_public=k % 2 == 0,
                is_invented=True,
            )
            for p in partnerships
            for k in range(sizes.events)
        ],
        batch_size=2000,
    )


def _values(partnerships, indicators, reporters, year) -> None:
    submissions = Submission.private_objects.bulk_create(
        [
            Submission(
                partnership=p, organisation=o, year=year, status="approved", is_invented=True
            )
            for p in partnerships
            for o in reporters
        ],
        batch_size=2000,
    )
    values = []
    for submission in submissions:
        for k, indicator in enumerate(indicators[submission.partnership_id]):
            value = 10 + (k * 7 + year + submission.organisation_id) % 50
            values.append(
                IndicatorValue(
                    submission=submission, indicator=indicator, value=value, is_invented=True
                )
            )
    IndicatorValue.private_objects.bulk_create(values, batch_size=5000)


def _number(partnership) -> int:
    return int(partnership.slug.rsplit("-", 1)[1])
