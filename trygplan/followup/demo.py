"""Invented, deterministic demo data for follow-up (labelled as invented in the interface).

Real, from the seed (marked `is_real` / not invented, with the source):
- the baseline "Præcis en tredjedel af respondenterne i 3Bs beboerundersøgelse fra 2010
  svarer, at de er utrygge ved at bo i Urbanplanen" (Tryghedsplan 2016, indsatsområde 1).
Everything else (indicator values 2014-2016, targets, progress, events, the year of the
Solvangscentret demolition on the charts) is invented with a fixed random seed.
"""

import random
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from trygplan.partnerships.models import Organisation
from trygplan.plans.models import Deliverable, Effect, Result

from .models import (
    ChartNote,
    DeliverableProgress,
    Event,
    EventAttendance,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Reporter,
    Submission,
)

SEED = 20160601
YEARS = [2014, 2015, 2016]
REAL_BASELINE_SOURCE = (
    "Tryghedsplan for Amager Partnerskab 2016, indsatsområde 1: “Præcis en tredjedel af "
    "respondenterne i 3Bs beboerundersøgelse fra 2010 svarer, at de er utrygge ved at bo i "
    "Urbanplanen.”"
)

# key, result number (or effect "E1"/"E2"), name, kind, measure, source, reporter, unit,
# higher is better, counts young people, start value, yearly change
# fmt: off
INDICATORS = [
    ("utrygge-beboere", "E1", "Beboere der er utrygge ved at bo i Urbanplanen",
     "population", "", "resident_survey", "3b", "% af beboerne", False, False, 31, -1.5),
    ("utrygge-saermaaling", "E1", "Utrygge i særmålingen (Københavns Tryghedsundersøgelse)",
     "population", "", "safety_survey", "kk", "% af de adspurgte", False, False, 27, -1.0),
    ("anmeldelser", "E2", "Anmeldte straffelovsovertrædelser i området",
     "population", "", "police", "politi", "anmeldelser", False, False, 410, -18),
    ("dialogmoeder", 1, "Møder med lokale aktører",
     "performance", "how_much", "partnership", "kk", "møder", True, False, 14, 2),
    ("beboere-i-aktiviteter", 2, "Beboere der deltager i partnerskabets aktiviteter",
     "performance", "how_much", "resident_survey", "3b", "deltagere", True, False, 620, 60),
    ("foraeldre-i-aktiviteter", 3, "Forældre i forældremøder og -netværk",
     "performance", "how_much", "ssp", "ssp", "forældre", True, False, 45, 6),
    ("politiske-droeftelser", 4, "Politiske drøftelser af områdets udfordringer",
     "performance", "how_much", "partnership", "kk", "drøftelser", True, False, 3, 1),
    ("udbedrede-steder", 5, "Utrygge steder fra tryghedsvandringer der er udbedret",
     "performance", "better_off", "partnership", "3b", "% af stederne", True, False, 40, 12),
    ("aktiviteter-byrum", 6, "Faste aktiviteter for børn og unge i byrummet",
     "performance", "how_much", "partnership", "kk", "aktiviteter pr. uge", True, False, 5, 1),
    ("events-byrum", 7, "Borgerrettede events i byrummet",
     "performance", "how_much", "partnership", "3b", "events", True, False, 9, 2),
    ("gaester-udefra", 8, "Gæster udefra ved Urbanfestival og Lysfest",
     "performance", "better_off", "partnership", "3b", "gæster", True, False, 900, 150),
    ("moedesteder", 9, "Byrum der er indrettet til ophold og møder",
     "performance", "how_much", "partnership", "kk", "byrum", True, False, 2, 1),
    ("unge-i-fritidstilbud", 10, "Børn og unge (10-17 år) i en fritidsaktivitet",
     "population", "", "partnership", "kk", "% af børn og unge", True, False, 58, 2.5),
    ("sigtelser-under-18", 11, "Sigtelser mod unge under 18 år",
     "population", "", "police", "politi", "sigtelser", False, True, 11, -3),
    ("sigtelser-18-og-derover", 11, "Sigtelser mod personer på 18 år og derover",
     "population", "", "police", "politi", "sigtelser", False, True, 34, -4),
    ("ssp-enkeltsager", 12, "SSP-enkeltsager om unge fra området",
     "population", "", "ssp", "ssp", "sager", False, True, 19, -3),
    ("tilfredse-medarbejdere", 13, "Medarbejdere der er tilfredse med samarbejdet",
     "performance", "how_well", "partnership", "kk", "% af medarbejderne", True, False, 62, 4),
    ("netvaerksmoeder", 14, "Netværks- og dialogmøder for medarbejdere",
     "performance", "how_much", "ssp", "ssp", "møder", True, False, 6, 2),
    ("faelles-sager", 15, "Sager om unge løst i fællesskab på tværs af parterne",
     "performance", "better_off", "ssp", "ssp", "sager", True, True, 7, 2),
]
# fmt: on

REPORTERS = {"partner": "ssp", "koordinator": "kk"}


def _number(value: float) -> Decimal:
    return Decimal(str(round(max(value, 0), 1)))


def _indicators(partnership, orgs, rng) -> list[tuple[Indicator, float, float]]:
    results = {r.number: r for r in Result.objects.filter(partnership=partnership)}
    effects = {f"E{e.number}": e for e in Effect.objects.filter(partnership=partnership)}
    made = []
    for order, row in enumerate(INDICATORS):
        key, parent, name, kind, measure, source, org, unit, higher, young, start, step = row
        indicator = Indicator.objects.create(
            partnership=partnership,
            key=key,
            name=name,
            result=results.get(parent) if isinstance(parent, int) else None,
            effect=effects.get(parent) if isinstance(parent, str) else None,
            kind=kind,
            measure=measure,
            definition=_definition(name, unit, source),
            source=source,
            reported_by=orgs[org],
            unit=unit,
            higher_is_better=higher,
            counts_young_people=young,
            baseline_value=_number(start - step),
            baseline_label="2013",
            baseline_is_invented=True,
            order=order,
            is_invented=True,
        )
        made.append((indicator, start, step))
    return made


def _definition(name: str, unit: str, source: str) -> str:
    return (
        f"{name}, opgjort pr. kalenderår i partnerskabsområdet (Urbanplanen og Hørgården); "
        f"enhed: {unit}."
    )


def _real_baseline(indicator: Indicator) -> None:
    """The seed's own figure: one third unsafe in 3B's resident survey 2010."""
    indicator.baseline_value = Decimal("33.3")
    indicator.baseline_label = "2010"
    indicator.baseline_source = REAL_BASELINE_SOURCE
    indicator.baseline_is_invented = False
    indicator.definition = (
        "Andel af respondenterne i 3B's beboerundersøgelse, der svarer, at de er utrygge ved "
        "at bo i Urbanplanen."
    )
    indicator.save()


def _counts_things(indicator: Indicator) -> bool:
    """People and things are counted in whole numbers ("732 deltagere", "5 drøftelser");
    only shares ("% af …") carry a decimal."""
    return indicator.counts_young_people or not indicator.unit.startswith("%")


def _values(partnership, made, orgs, rng) -> None:
    submissions = {}
    for org in {indicator.reported_by.key for indicator, _, _ in made}:
        for year in YEARS:
            # SSP's 2016 figures are still waiting for the coordinator (not public)
            status = Submission.Status.LOCKED if year < 2016 else Submission.Status.APPROVED
            if org == "ssp" and year == 2016:
                status = Submission.Status.SUBMITTED
            submissions[org, year] = Submission.private_objects.create(
                partnership=partnership,
                organisation=orgs[org],
                year=year,
                status=status,
                is_invented=True,
            )
    for indicator, start, step in made:
        if indicator.key == "utrygge-beboere":
            # 3B's survey is not yearly (2004, 2010/2011, next in 2017): only the real baseline
            IndicatorTarget.objects.create(indicator=indicator, year=2017, value=Decimal(25))
            continue
        for position, year in enumerate(YEARS):
            noise = rng.uniform(-0.12, 0.12) * abs(step or 1) * 2
            value = start + step * position + noise
            if indicator.key == "sigtelser-under-18" and year == 2016:
                value = 4  # a small count: shown as "<5"
            if _counts_things(indicator):
                value = round(value)
            IndicatorValue.private_objects.create(
                submission=submissions[indicator.reported_by.key, year],
                indicator=indicator,
                value=_number(value),
                quality=IndicatorValue.Quality.FINAL if year < 2016 else "provisional",
                is_invented=True,
            )
        for year in (2015, 2016):
            target = start + step * YEARS.index(year) * 0.8
            IndicatorTarget.objects.create(
                indicator=indicator,
                year=year,
                value=_number(round(target) if abs(step) >= 1 else target),
            )


def _progress(plan, rng) -> None:
    deliverables = Deliverable.objects.filter(description__plan=plan, quantity__isnull=False)
    for number, deliverable in enumerate(deliverables):
        # most deliver about what was promised; every third falls short
        share = 0.75 if number % 3 == 2 else rng.uniform(1.0, 1.2)
        total = round(deliverable.quantity * share)
        months = sorted(rng.sample(range(1, 13), k=min(total, rng.randint(4, 8)) or 1))
        left = total
        for position, month in enumerate(months):
            count = left if position == len(months) - 1 else max(0, round(total / len(months)))
            count = min(count, left)
            left -= count
            # the magazine is counted from its published issues (trygplan.magazine.demo);
            # the random draws stay the same, so the other deliverables' entries do too
            if count and deliverable.counts_from != Deliverable.CountsFrom.MAGAZINE:
                DeliverableProgress.objects.create(
                    deliverable=deliverable,
                    date=date(plan.year, month, rng.randint(1, 28)),
                    count=count,
                    note="Registreret af aktivitetens ansvarlige",
                    is_invented=True,
                )


EVENTS = [
    ("urbanfestival", "Urbanfestival {year}", 6, 4, "Urbanpladsen", "3b", True),
    ("lysfest", "Lysfest {year}", 11, 20, "Remiseparken", "3b", True),
    (
        "safety_walk",
        "Tryghedsvandring forår {year}",
        4,
        14,
        "Urbanplanen, mødested ved Kulturhuset",
        "kk",
        True,
    ),
    (
        "safety_walk",
        "Tryghedsvandring efterår {year}",
        10,
        6,
        "Hørgården, mødested ved beboerhuset",
        "kk",
        True,
    ),
    ("dialogue", "Dialogmøde med referencegruppen", 3, 9, "Solvang Bibliotek", "kk", False),
    ("debate", "Debatmøde om Urbanplanens omdømme", 9, 22, "Solvang Bibliotek", "3b", True),
]

STORIES = {
    "urbanfestival": "Solen skinnede over Urbanpladsen, hvor naboer fra hele Amager spiste sammen, "
    "og de unge fra Lommepengeprojektet stod for kaffen.",
    "lysfest": "Lanterner og lyskæder gjorde stierne i Remiseparken lyse i den mørke tid, "
    "og mange gik turen sammen med naboer, de ikke kendte i forvejen.",
    "safety_walk": "Beboere, politi og 3B gik området igennem og udpegede mørke stier og "
    "buske, der skal beskæres. Byrumspuljen betaler det meste.",
}


def _events(partnership, orgs, rng) -> None:
    tz = timezone.get_default_timezone()
    for year in YEARS:
        for kind, title, month, day, place, org, public in EVENTS:
            start = datetime(year, month, day, 17 if kind != "urbanfestival" else 12, 0, tzinfo=tz)
            _event(partnership, orgs, rng, kind, title.format(year=year), start, place, org, public)
    # two coming events, so the calendar feed has something to subscribe to
    today = timezone.localdate()
    for offset, (kind, title, place) in enumerate(
        [
            ("safety_walk", "Tryghedsvandring", "Urbanplanen"),
            ("dialogue", "Dialogmøde", "Solvang Bibliotek"),
        ]
    ):
        day = today + timedelta(days=14 + 21 * offset)
        start = datetime(day.year, day.month, day.day, 17, 0, tzinfo=tz)
        _event(partnership, orgs, rng, kind, title, start, place, "kk", True, story=False)


def _event(partnership, orgs, rng, kind, title, start, place, org, public, story=True):
    event = Event.private_objects.create(
        partnership=partnership,
        activity_key="dialog-og-kommunikation",
        kind=kind,
        title=title,
        starts_at=start,
        ends_at=start + timedelta(hours=2 if kind != "urbanfestival" else 6),
        place=place,
        organiser=orgs[org],
        is_public=public,
        story=STORIES.get(kind, "") if story else "",
        is_invented=True,
    )
    scale = 30 if kind in ("urbanfestival", "lysfest") else 1
    for group in EventAttendance.Group.values:
        count = rng.randint(2, 12) * scale
        EventAttendance.objects.create(event=event, group=group, count=count)


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan is loaded."""
    rng = random.Random(SEED)
    orgs = {
        org.key: org for org in Organisation.objects.filter(key__in=["kk", "politi", "ssp", "3b"])
    }
    made = _indicators(partnership, orgs, rng)
    _real_baseline(next(ind for ind, _, _ in made if ind.key == "utrygge-beboere"))
    _values(partnership, made, orgs, rng)
    _progress(plan, rng)
    _events(partnership, orgs, rng)
    ChartNote.objects.create(
        partnership=partnership,
        year=2015,
        text="Solvangscentret rives ned",
        source="Tryghedsplan 2016 nævner nedrivningen; året her er antaget.",
        is_invented=True,
    )
    users = get_user_model().objects.filter(username__in=REPORTERS)
    for user in users:
        Reporter.objects.get_or_create(
            user=user,
            partnership=partnership,
            defaults={"organisation": orgs[REPORTERS[user.username]]},
        )
