"""Invented, deterministic demo data for safety walks (labelled as invented in the interface).

Two walks a year 2014–2016 (spring in daylight, autumn in the dark), with findings spread over
the real Urbanplanen polygon (`partnership.area`). A handful of places come back walk after
walk, so the follow-up report has recurring problems and later walks re-rate earlier
findings. Older findings are mostly fixed; some 2016 findings are open past their deadline.
A few urban-space fixes are linked to the pools module's invented Byrumspulje grants.
No person is named: participants are counted, steps have no user.
"""

import datetime
import random
import uuid

from django.utils import timezone

from trygplan.lib.geo import bounds, contains
from trygplan.partnerships.models import Organisation
from trygplan.workflows.models import Step

from .distance import distance_to_line_m
from .models import Finding, Participants, ReRating, Walk
from .workflow import FINDING

C = Finding.Category
S = Finding.Status

# (place, category, description, proposed measure, owner kind, organisation key)
# fmt: off
PLACES = [
    ("Gangtunnelen ved Urbanplanen Nord", C.LIGHTING,
     "Tunnelen er mørk, og flere lamper er gået ud. Mange går udenom om aftenen.",
     "Udskift armaturerne med LED og sæt lyset på tænd/sluk efter mørke.", "housing", "3b"),
    ("Stien mellem Urbanplanen og Hørgården", C.VEGETATION,
     "Høje buske på begge sider; man kan ikke se, hvem der kommer.",
     "Beskær buskene til under en meter langs stien.", "housing", "3b"),
    ("Gavlen ved blok 4", C.GRAFFITI,
     "Gavlen er fyldt med tags. Det giver et indtryk af, at ingen passer på stedet.",
     "Mal gavlen og behandl den mod graffiti; fjern nye tags inden for et døgn.", "housing", "3b"),
    ("P-pladsen ved Peder Lykkes Vej", C.LIGHTING,
     "To lygter er smadret; den bageste del af p-pladsen ligger helt mørk.",
     "Reparer lygterne og sæt en ekstra mast ved cykelstativerne.", "municipality", "tmf"),
    ("Legepladsen ved blok 9", C.MAINTENANCE,
     "Hul i hegnet ud mod vejen og løse fliser.",
     "Luk hullet i hegnet og læg fliserne om.", "housing", "3b"),
    ("Indgangen til Remiseparken", C.SIGHTLINES,
     "Et skur og parkerede containere skjuler indgangen.",
     "Flyt containerne og fjern skuret, så der er udsyn fra vejen.", "housing", "3b"),
    ("Busstoppestedet på Englandsvej", C.TRAFFIC,
     "Fodgængere krydser vejen midt på strækningen for at nå bussen.",
     "Undersøg et fodgængerfelt eller en helle ved stoppestedet.", "municipality", "tmf"),
    ("Cykelkælderen i blok 6", C.BEHAVIOUR,
     "Grupper opholder sig i kælderen om aftenen; beboere tør ikke hente cyklen.",
     "Politiet og 3B's driftspersonale går forbi om aftenen; lås døren efter kl. 22.",
     "police", "politi"),
    ("Græsplænen ved Solvang Plads", C.LITTER,
     "Meget affald efter weekender; overfyldte skraldespande.",
     "Flere og større skraldespande og tømning mandag morgen.", "municipality", "tmf"),
    ("Stien langs Amager Fælled", C.LIGHTING,
     "Ingen belysning på de sidste 150 meter af stien.",
     "Sæt pullertlamper langs stien.", "municipality", "tmf"),
]
GOOD_PLACES = [
    ("Beboerhuset", "Godt lys og mennesker om aftenen; her føles trygt."),
    ("Solvang Plads", "Åben plads med udsyn i alle retninger og liv fra butikkerne."),
    ("Den nye legeplads ved blok 2", "Lys, udsyn og forældre på bænkene."),
]
THEMES = ["Ældre", "Kvinder", "Unge", "Børnefamilier", "Nye beboere", "Kvinder"]
CLOSING_NOTES = "Fundene blev gennemgået; 3B og kommunen tager de fleste punkter med i driften."
NOT_POSSIBLE = "Stedet er privat grund, og ejeren ønsker ikke ændringer. Vi har henvist til ejeren."
# fmt: on


def _point_inside(rnd, area, near=None, spread=0.0008) -> tuple[float, float]:
    min_lon, min_lat, max_lon, max_lat = bounds(area)
    for _attempt in range(500):
        if near:
            lon = near[0] + rnd.uniform(-spread, spread)
            lat = near[1] + rnd.uniform(-spread / 2, spread / 2)
        else:
            lon, lat = rnd.uniform(min_lon, max_lon), rnd.uniform(min_lat, max_lat)
        if contains(area, lon, lat):
            return round(lon, 6), round(lat, 6)
    return _point_inside(rnd, area)


def _aware(year, month, day, hour=0, minute=0):
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))


def _route(spots) -> dict:
    """A route through a few of the walk's places, ordered from south to north."""
    points = sorted(spots, key=lambda p: p[1])
    return {"type": "LineString", "coordinates": [list(p) for p in points]}


def _participants(rnd, walk, orgs):
    rows = [
        (Participants.Group.RESIDENTS, None, rnd.randint(6, 18)),
        (Participants.Group.HOUSING_STAFF, orgs.get("3b"), rnd.randint(2, 3)),
        (Participants.Group.MUNICIPAL_STAFF, orgs.get("tmf"), rnd.randint(1, 2)),
        (Participants.Group.POLICE, orgs.get("politi"), rnd.randint(1, 2)),
        (Participants.Group.SSP, orgs.get("ssp"), 1),
    ]
    for group, org, count in rows:
        Participants.objects.create(walk=walk, group=group, organisation=org, count=count)


def _outcome(rnd, walk, finding_date, category):
    """(status, days to the end state) for a finding, older findings mostly closed."""
    age = 2016 - finding_date.year
    roll = rnd.random()
    if age >= 1 and roll < 0.72 or age == 0 and finding_date.month < 6 and roll < 0.4:
        return S.FIXED, rnd.randint(21, 220)
    if age >= 1 and roll < 0.8:
        return S.NOT_POSSIBLE, rnd.randint(30, 90)
    if category == C.TRAFFIC and roll < 0.9:
        return S.NOT_OURS, rnd.randint(10, 40)
    return rnd.choice([S.ASSIGNED, S.PLANNED, S.WAITING_FOR_MONEY, S.IN_PROGRESS]), 0


def _steps(finding, status, days, start):
    path = [S.NEW]
    if status != S.NEW:
        path.append(S.ASSIGNED)
    if status in (S.PLANNED, S.IN_PROGRESS, S.FIXED, S.WAITING_FOR_MONEY):
        path.append(S.PLANNED)
    if status in (S.IN_PROGRESS, S.FIXED):
        path.append(S.IN_PROGRESS)
    if status not in path:
        path.append(status)
    total = max(days, len(path))
    previous = ""
    for index, step in enumerate(path):
        when = start + datetime.timedelta(days=round(total * index / max(len(path) - 1, 1)))
        Step.objects.create(
            subject=finding,
            workflow=FINDING.name,
            action=_action(previous, step),
            from_state=previous,
            to_state=step,
            at=when,
            is_invented=True,
        )
        previous = step
    return start + datetime.timedelta(days=total)


def _action(previous: str, status: str) -> str:
    if not previous:
        return "start"
    return next(t.action for t in FINDING.from_state(previous) if t.target == status)


def _grants(partnership):
    """Invented Byrumspulje grants from the pools module, by year and kind of fix."""
    try:
        from trygplan.pools.models import Grant
    except ImportError:  # pragma: no cover - the pools module is part of the project
        return {}
    keywords = {C.LIGHTING: "lys", C.VEGETATION: "beskæring", C.GRAFFITI: "maling"}
    grants = {}
    for grant in Grant.private_objects.filter(
        pool__partnership=partnership, pool__kind="urban_space"
    ).select_related("application", "pool"):
        for category, word in keywords.items():
            if word in grant.application.title.lower():
                grants.setdefault((grant.pool.year, category), grant)
    return grants


def _finding(rnd, walk, number, spot, place, today, grants):
    name, category, description, measure, owner, org = place
    found = walk.date
    status, days = _outcome(rnd, walk, found, category)
    visibility = Finding.Visibility.PUBLIC
    if category == C.BEHAVIOUR:
        visibility = rnd.choice([Finding.Visibility.POLICE_ONLY, Finding.Visibility.PARTNERSHIP])
    elif rnd.random() < 0.15:
        visibility = Finding.Visibility.PARTNERSHIP
    finding = Finding.private_objects.create(
        walk=walk,
        number=number,
        client_uuid=uuid.UUID(int=rnd.getrandbits(128), version=4),
        lon=spot[0],
        lat=spot[1],
        place=name,
        category=category,
        cpted={
            C.LIGHTING: "natural_surveillance",
            C.VEGETATION: "natural_surveillance",
            C.SIGHTLINES: "natural_surveillance",
            C.GRAFFITI: "maintenance",
            C.MAINTENANCE: "maintenance",
            C.LITTER: "maintenance",
            C.BEHAVIOUR: "territorial",
            C.TRAFFIC: "access_control",
        }.get(category, ""),
        description=description,
        proposed_measure=measure,
        owner=owner,
        owner_organisation=walk._orgs.get(org),
        priority=rnd.choice([1, 2, 2, 3]),
        deadline=found + datetime.timedelta(days=rnd.choice([60, 90, 120, 180])),
        visibility=visibility,
        status=status,
        public_reason=NOT_POSSIBLE if status == S.NOT_POSSIBLE else "",
        forwarded_to="Vejdirektoratet" if status == S.NOT_OURS else "",
        score_feeling=rnd.randint(0, 2),
        score_lighting=rnd.randint(0, 2) if walk.light == Walk.Light.DARK else None,
        score_visibility=rnd.randint(0, 3) if walk.light == Walk.Light.DARK else None,
        score_people=rnd.randint(0, 3) if walk.light == Walk.Light.DARK else None,
        is_invented=True,
    )
    start = timezone.localtime(walk.starts_at)
    end = _steps(finding, status, days, start)
    if status == S.FIXED:
        finding.fixed_at = min(end, today)
        grant = grants.get((found.year, category))
        finding.funding = Finding.Funding.BYRUMSPULJE if grant else Finding.Funding.OPERATIONS
        finding.grant = grant
        finding.save(update_fields=["fixed_at", "funding", "grant"])
    return finding


def _rerate(rnd, walk, earlier):
    for finding in earlier:
        if finding.is_good_place or finding.status == S.DUPLICATE:
            continue
        if distance_to_line_m(finding.lon, finding.lat, walk.route_points) > 60:
            continue
        fixed = finding.status == S.FIXED and (finding.fixed_at or walk.starts_at) < walk.starts_at
        base = finding.score_feeling or 0
        ReRating.objects.create(
            finding=finding,
            walk=walk,
            fixed=ReRating.Fixed.YES
            if fixed
            else rnd.choice([ReRating.Fixed.NO, ReRating.Fixed.PARTLY]),
            feeling=min(3, base + (rnd.randint(1, 2) if fixed else rnd.randint(-1, 1)))
            if base or fixed
            else rnd.randint(0, 1),
            is_invented=True,
        )


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan is loaded."""
    area = partnership.area
    if not area:
        return
    rnd = random.Random(20161012)
    orgs = {o.key: o for o in Organisation.objects.filter(key__in=["3b", "tmf", "politi", "ssp"])}
    spots = {place[0]: _point_inside(rnd, area) for place in PLACES}
    good_spots = {name: _point_inside(rnd, area) for name, _text in GOOD_PLACES}
    today = timezone.now()
    grants = _grants(partnership)
    earlier = []
    for year in (2014, 2015, 2016):
        for index, (month, day, hour, light) in enumerate(
            ((4, 21, 17, "daylight"), (10, 27, 19, "dark"))
        ):
            chosen = rnd.sample(PLACES, rnd.randint(6, 8))
            walk = Walk.private_objects.create(
                partnership=partnership,
                title=("Forårsvandring" if index == 0 else "Aftenvandring i mørke") + f" {year}",
                starts_at=_aware(year, month, day + rnd.randint(0, 3), hour),
                light=light,
                season="spring" if index == 0 else "autumn",
                theme=THEMES[(year - 2014) * 2 + index],
                meeting_point="Beboerhuset",
                route=_route([spots[p[0]] for p in chosen]),
                pre_meeting_notes="Gennemgang af sidste vandrings fund og aftale om ruten.",
                closing_meeting_notes=CLOSING_NOTES,
                status=Walk.Status.PROTOCOL_SENT
                if (year, index) == (2016, 1)
                else Walk.Status.FOLLOW_UP_HELD,
                is_invented=True,
            )
            walk._orgs = orgs
            _participants(rnd, walk, orgs)
            _rerate(rnd, walk, earlier)
            findings = [
                _finding(
                    rnd,
                    walk,
                    number,
                    _point_inside(rnd, area, near=spots[place[0]], spread=0.0002),
                    place,
                    today,
                    grants,
                )
                for number, place in enumerate(chosen, start=1)
            ]
            name, text = GOOD_PLACES[(year + index) % len(GOOD_PLACES)]
            findings.append(
                Finding.private_objects.create(
                    walk=walk,
                    number=len(findings) + 1,
                    client_uuid=uuid.UUID(int=rnd.getrandbits(128), version=4),
                    lon=good_spots[name][0],
                    lat=good_spots[name][1],
                    place=name,
                    category=C.OTHER,
                    is_good_place=True,
                    description=text,
                    score_feeling=3,
                    visibility=Finding.Visibility.PUBLIC,
                    is_invented=True,
                )
            )
            earlier.extend(findings)
