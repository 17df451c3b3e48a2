"""A second demo partnership, so the city overview (Sikker By) has more than one row:
"Tingbjerg-Husum Partnerskab" on its real area from the city's open data
(`delomraade == "Tingbjerg/Husum"`), set up through the same service a city administrator
uses (`partnerships.setup`), with Amager's theory of change copied.

Everything else is invented and deterministic, and labelled "Opdigtede demodata": the
partnership itself (`Partnership.is_invented`), its 2016 plan (published) and 2017 draft
(made by the next-year service), two walks with findings, a pool, two headline indicators
with approved values, the bodies' members. Invented people have obviously invented names
(Testesen, Prøvesen, Eksempelsen); nothing identifies a real person.
"""

import datetime
import random
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from trygplan.lib.geo import bounds, contains, load_feature
from trygplan.partnerships.models import Body, BodyMember, Membership, Organisation, Partnership
from trygplan.partnerships.setup import partnership_create

SLUG = "tingbjerg-husum"
NAME = "Tingbjerg-Husum Partnerskab"
AREA = "Tingbjerg/Husum"
AREA_CREDIT = "Københavns Kommune (Open Data DK), CC BY 4.0: Udsatte byområder, “Tingbjerg/Husum”"
HOUSING = ("tingbjerg-boligorganisationerne", "Boligorganisationerne i Tingbjerg (opdigtet)")

# (key, number, name, partnership's money 2016, focus area numbers, deliverable)
# fmt: off
ACTIVITIES = [
    ("th-tryghedsvandringer", 1, "Tryghedsvandringer i Tingbjerg og Husum", 60_000, [1],
     ("To tryghedsvandringer om året", 2, "tryghedsvandringer", "safety_walks")),
    ("th-natteravne", 2, "Voksne på gaden om aftenen", 380_000, [2],
     ("Mindst 40 aftenvagter om året", 40, "aftenvagter", "")),
    ("th-lektiecafe", 3, "Lektiecafé og fritidsjob for unge", 420_000, [2],
     ("Mindst 30 unge i fritidsjob", 30, "unge", "")),
    ("th-byrum", 4, "Byrumspulje: lys og udsyn", 240_000, [1],
     ("", None, "", "")),
    ("th-dialog", 5, "Dialogmøder med beboerne", 100_000, [3],
     ("Fire dialogmøder om året", 4, "dialogmøder", "events")),
]
MEMBERS = [
    ("steering_group", "Tove Testesen", "Områdechef (opdigtet)", "kk", True),
    ("steering_group", "Palle Prøvesen", "Politikommissær (opdigtet)", "politi", False),
    ("working_group", "Eva Eksempelsen", "Koordinator (opdigtet)", "kk", True),
    ("working_group", "Dennis Demosen", "SSP-konsulent (opdigtet)", "ssp", False),
]
USERS = [  # username, first name, last name, role
    ("th-koordinator", "Eva", "Eksempelsen", "coordinator"),
    ("th-arbejdsgruppe", "Dennis", "Demosen", "working_group"),
]
FINDINGS = [
    ("Stien ved Ruten", "lighting", "Mørk sti uden lys på en lang strækning.", "new"),
    ("Indgangen ved Tingbjerg Skole", "sightlines", "Høje hække skjuler indgangen.", "assigned"),
    ("Parkeringspladsen ved Husumvej", "lighting", "To lamper er gået ud.", "fixed"),
    ("Butikstorvet", "litter", "Affald omkring bænkene efter weekender.", "in_progress"),
    ("Kælderen i Langhus", "behaviour", "Grupper om aftenen; beboerne går udenom.", "new"),
    ("Legepladsen ved Gadelandet", "maintenance", "Løse fliser og hul i hegnet.", "fixed"),
]
# fmt: on


def _area() -> dict | None:
    path = Path(settings.TRYGPLAN_GEO_DIR) / "kk_udsatte_byomraader.geojson"
    return load_feature(path, delomraade=AREA)["geometry"] if path.exists() else None


def _orgs() -> dict[str, Organisation]:
    housing, _ = Organisation.objects.get_or_create(
        key=HOUSING[0],
        defaults={"name": HOUSING[1], "short_name": "Boligorg.", "kind": Organisation.Kind.HOUSING},
    )
    found = {o.key: o for o in Organisation.objects.filter(key__in=["kk", "politi", "ssp"])}
    return {**found, "housing": housing}


def _members(partnership: Partnership, orgs: dict) -> None:
    bodies = {body.kind: body for body in partnership.bodies.all()}
    for kind, name, title, org, chair in MEMBERS:
        BodyMember.objects.create(
            body=bodies[kind],
            name=name,
            title=title,
            organisation=orgs.get(org),
            is_chair=chair,
            is_invented=True,
        )


def _users(partnership: Partnership) -> None:
    """Demo logins; Amager's partner staff user also reads here (two memberships)."""
    if not settings.TRYGPLAN_DEMO:
        return
    from .services import DEMO_PASSWORD

    User = get_user_model()
    for username, first, last, role in USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(
            user=user, partnership=partnership, defaults={"role": role}
        )
    partner = User.objects.filter(username="partner").first()
    if partner:
        Membership.objects.get_or_create(
            user=partner, partnership=partnership, defaults={"role": "partner"}
        )


def _plan(partnership: Partnership, admin, orgs: dict):
    from trygplan.plans.models import (
        Activity,
        ActivityDescription,
        BudgetLine,
        Deliverable,
        Plan,
    )

    plan = Plan.private_objects.create(
        partnership=partnership,
        year=2016,
        title="Tryghedsplan for Tingbjerg-Husum Partnerskab 2016",
        status=Plan.Status.PUBLISHED,
        frame=1_200_000,
        co_financing_required=100_000,
        introduction="En opdigtet plan til demoen: Sikker By-oversigten får en række mere.",
        finance_committee_date=datetime.date(2016, 2, 2),
        is_invented=True,
    )
    focus = {area.number: area for area in partnership.focus_areas.all()}
    results = list(partnership.results.order_by("number"))
    for order, (key, number, name, amount, areas, deliverable) in enumerate(ACTIVITIES):
        description = ActivityDescription.objects.create(
            plan=plan, key=key, title=name, focus_area=focus.get(areas[0]), order=order
        )
        description.results.set(results[order * 3 : order * 3 + 2])
        description.responsible_organisations.set([orgs["kk"]] if "kk" in orgs else [])
        text, quantity, unit, counts_from = deliverable
        if text:
            Deliverable.objects.create(
                description=description,
                text=text,
                quantity=quantity,
                unit=unit,
                comparator="at_least",
                period="year",
                counts_from=counts_from,
            )
        activity = Activity.objects.create(
            plan=plan, key=key, number=number, name=name, description=description
        )
        activity.focus_areas.set([focus[n] for n in areas if n in focus])
        BudgetLine.private_objects.create(activity=activity, year=2016, amount=amount, label=name)
    co = Activity.objects.create(
        plan=plan,
        key="th-helhedsplan",
        number=6,
        name="Helhedsplanens medfinansiering",
        co_finances_housing_plan=True,
    )
    BudgetLine.private_objects.create(
        activity=co,
        year=2016,
        amount=100_000,
        label=co.name,
        source=BudgetLine.Source.CO_FINANCING,
        funder=orgs["housing"],
    )
    return plan


def _walks(partnership: Partnership, orgs: dict) -> None:
    from trygplan.walks.models import Finding, Walk

    area = partnership.area
    rnd = random.Random(20160915)
    west, south, east, north = bounds(area)

    def inside() -> tuple[float, float]:
        for _attempt in range(500):
            lon, lat = rnd.uniform(west, east), rnd.uniform(south, north)
            if contains(area, lon, lat):
                return lon, lat
        return (west + east) / 2, (south + north) / 2

    for index, (month, title, light) in enumerate(
        (
            (5, "Forårsvandring i Tingbjerg 2016", "daylight"),
            (10, "Aftenvandring i Husum 2016", "dark"),
        )
    ):
        route = [list(inside()) for _ in range(5)]
        walk = Walk.private_objects.create(
            partnership=partnership,
            title=title,
            starts_at=datetime.datetime(2016, month, 12, 18, tzinfo=datetime.UTC),
            light=light,
            season="spring" if index == 0 else "autumn",
            meeting_point="Beboerhuset (opdigtet)",
            route={"type": "LineString", "coordinates": route},
            status=Walk.Status.FOLLOW_UP_HELD if index == 0 else Walk.Status.PROTOCOL_SENT,
            is_invented=True,
        )
        for number, (place, category, text, status) in enumerate(FINDINGS[index::2], start=1):
            lon, lat = inside()
            Finding.private_objects.create(
                walk=walk,
                number=number,
                client_uuid=uuid.UUID(int=rnd.getrandbits(128), version=4),
                lon=lon,
                lat=lat,
                place=place,
                category=category,
                description=text,
                owner_organisation=orgs["housing"],
                deadline=datetime.date(2016, month + 2, 1),
                visibility=Finding.Visibility.PARTNERSHIP
                if category == "behaviour"
                else Finding.Visibility.PUBLIC,
                status=status,
                fixed_at=walk.starts_at + datetime.timedelta(days=40)
                if status == "fixed"
                else None,
                score_feeling=rnd.randint(0, 2),
                is_invented=True,
            )


def _pool(partnership: Partnership) -> None:
    from trygplan.pools.models import Pool

    Pool.private_objects.create(
        partnership=partnership,
        year=2016,
        kind=Pool.Kind.URBAN_SPACE,
        activity_key="th-byrum",
        purpose="Små forbedringer af lys og udsyn i Tingbjerg og Husum (opdigtet).",
        who_may_apply="Beboere, foreninger og institutioner i området.",
        max_per_application=50_000,
    )


def _indicators(partnership: Partnership, orgs: dict) -> None:
    from trygplan.followup.models import Indicator, IndicatorValue, Submission

    effects = list(partnership.effects.order_by("number"))
    if not effects:
        return
    rows = [
        ("th-utrygge", "Beboere, der føler sig utrygge", "procent", False, [31, 28, 26]),
        (
            "th-anmeldelser",
            "Anmeldte forbrydelser pr. 1.000 indbyggere",
            "pr. 1.000",
            False,
            [62, 58, 55],
        ),
    ]
    for order, (key, name, unit, higher, values) in enumerate(rows):
        indicator = Indicator.objects.create(
            partnership=partnership,
            key=key,
            name=name,
            effect=effects[min(order, len(effects) - 1)],
            kind=Indicator.Kind.POPULATION,
            definition=f"{name} (opdigtet til demoen).",
            source=Indicator.Source.PARTNERSHIP,
            reported_by=orgs["kk"],
            unit=unit,
            higher_is_better=higher,
            baseline_value=values[0],
            baseline_label="2014",
            baseline_is_invented=True,
            order=order,
            is_invented=True,
        )
        for year, value in zip((2014, 2015, 2016), values, strict=True):
            submission, _ = Submission.private_objects.get_or_create(
                partnership=partnership,
                organisation=orgs["kk"],
                year=year,
                defaults={"status": Submission.Status.APPROVED, "is_invented": True},
            )
            IndicatorValue.private_objects.create(
                submission=submission, indicator=indicator, value=value, is_invented=True
            )


def load_tingbjerg_husum(*, amager: Partnership, reset: bool = False) -> Partnership | None:
    """Create the second demo partnership unless it is there (the demo loader calls this
    after Amager, inside its transaction); `reset` makes it anew."""
    from trygplan.plans.models import Plan

    existing = Partnership.objects.filter(slug=SLUG).first()
    if existing and not reset:
        return None
    if existing:
        Plan.private_objects.filter(partnership=existing).delete()
        existing.delete()
    from trygplan.plans.services import plan_create_next_year

    admin = get_user_model().objects.filter(is_city_admin=True).order_by("pk").first()
    if admin is None:  # demo mode only: the demo's city administrator sets it up
        return None
    orgs = _orgs()
    partnership = partnership_create(
        user=admin,
        fields={
            "slug": SLUG,
            "name": NAME,
            "area_name": "Tingbjerg og Husum",
            "period_start": 2016,
            "period_end": 2019,
            "description": "Et opdigtet partnerskab til demoen, på det rigtige område fra "
            "Københavns Kommunes åbne data.",
            "area": _area(),
            "area_source": AREA_CREDIT,
            "is_invented": True,
        },
        parties=[orgs[k] for k in ("kk", "politi", "ssp") if k in orgs] + [orgs["housing"]],
        bodies=[Body.Kind.STEERING_GROUP, Body.Kind.WORKING_GROUP],
        copy_from=amager,
    )
    _members(partnership, orgs)
    _users(partnership)
    plan = _plan(partnership, admin, orgs)
    if partnership.area:
        _walks(partnership, orgs)
    _pool(partnership)
    _indicators(partnership, orgs)
    draft = plan_create_next_year(plan=plan, user=admin)
    draft.is_invented = True
    draft.save(update_fields=["is_invented"])
    return partnership
