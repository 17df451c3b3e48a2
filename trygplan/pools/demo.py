"""Invented, deterministic demo data for this module (labelled as invented in the interface).

The three pools of 2015 and 2016 are the seed's; every application, grant and expense in
them is invented. Cases go through the same services as real ones, then get believable dates.
Applicants' names are obviously invented.
"""

import datetime
import random
import uuid
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.utils import timezone

from . import services
from .models import Application, Expense, Grant, Pool
from .workflow import APPLICATION

SEED = Path(__file__).resolve().parent.parent / "demo" / "seed" / "amager-pools.yaml"


def standard_pools() -> dict:
    """The seed's three pools as templates for a first year: {kind: {field: value}}."""
    rows = yaml.safe_load(SEED.read_text(encoding="utf-8"))["pools"]
    return {row.pop("kind"): row for row in rows}


S = Application.Status

NAMES = [
    "Demo-Dorthe Opdigtsen",
    "Fiktiv Frederik Prøvesen",
    "Eksempel-Aisha Testbeboer",
    "Opdigtet Ole Demosen",
    "Prøve-Preben Fiktivsen",
    "Test-Tülay Eksempelsen",
]

# (year, kind, month, title, purpose, addresses, place, lines, outcome)
# outcome: status to end in, granted share, expenses [(month, amount, supplier)], fast track
# fmt: off
CASES = [
    (2015, "urban_space", 3, "Lys i gangtunnelen ved Urbanplanen Nord",
     "Nye LED-armaturer i gangtunnelen under vejen.",
     "Tunnelen er mørk om aftenen, og mange beboere går udenom.",
     "Gangtunnelen ved Urbanplanen Nord",
     [("LED-armaturer", 28_000), ("Montering", 9_500)],
     {"to": S.CLOSED, "expenses": [(5, 36_900, "Amager El-service ApS")]}),
    (2015, "urban_space", 6, "Beskæring af buske langs stien til Hørgården",
     "Buskene langs stien beskæres, så der er udsyn.",
     "Høje buske skjuler stien; den føles utryg i mørke.",
     "Stien mellem Urbanplanen og Hørgården",
     [("Beskæring og bortkørsel", 14_000)],
     {"to": S.CLOSED, "expenses": [(8, 13_200, "Grønt Amager I/S")]}),
    (2015, "urban_space", 9, "Maling af gavl med graffiti",
     "Gavlen males og behandles mod graffiti.",
     "Gavlen er fyldt med tags og giver indtryk af forfald.",
     "Gavlen ved blok 4",
     [("Maling og anti-graffitibehandling", 18_000)],
     {"to": S.CLOSED, "expenses": [(10, 18_000, "Malerfirmaet Sundby")]}),
    (2015, "acute", 2, "Midlertidig belysning efter hærværk på p-plads",
     "Byggepladslamper opsættes, til de ødelagte lygter er skiftet.",
     "Lygterne blev smadret, og p-pladsen er helt mørk.",
     "P-pladsen ved Peder Lykkes Vej",
     [("Leje af lamper i seks uger", 8_500)],
     {"to": S.CLOSED, "fast": True, "expenses": [(3, 8_200, "Byg & Lys Udlejning")]}),
    (2015, "acute", 7, "Lukning af hul i hegn ved legeplads",
     "Hullet i hegnet lukkes straks.",
     "Børn løber ud på vejen gennem hullet.",
     "Legepladsen ved blok 9",
     [("Hegn og arbejdsløn", 4_200)],
     {"to": S.CLOSED, "fast": True, "expenses": [(7, 4_200, "Amager Hegn")]}),
    (2015, "safety_activities", 9, "Lysfest-værksted med referencegruppen",
     "Værksted, hvor beboere laver lygter til Lysfesten.",
     "Flere beboere deltager i Lysfesten og lærer hinanden at kende.",
     "Beboerhuset",
     [("Materialer", 6_000), ("Forplejning", 3_000)],
     {"to": S.CLOSED, "amount": 8_000, "reason": "Forplejning støttes med 2.000 kr.",
      "expenses": [(11, 7_600, "Hobbyhuset Amager")]}),
    (2015, "safety_activities", 5, "Kaffe og dialog på Solvang Plads",
     "Politi, SSP og beboere mødes over en kop kaffe på pladsen.",
     "Beboerne kender ikke nærbetjentene.",
     "Solvang Plads",
     [("Kaffe, kage og telt", 3_500)],
     {"to": S.CLOSED, "expenses": [(6, 3_450, "Bageriet på Hørgården")]}),
    (2015, "safety_activities", 4, "Grillaften for nye beboere",
     "Grillaften for nye beboere i afdelingen.",
     "Nye beboere kender ikke naboerne.",
     "Gården ved blok 2",
     [("Mad og drikke", 6_000)],
     {"to": S.REJECTED, "comment": "Dækkes af afdelingens eget budget til fællesarrangementer."}),
    (2016, "urban_space", 4, "Lys i passagen mellem blok 7 og 8",
     "Fire nye lamper i passagen mellem blok 7 og 8.",
     "Passagen blev udpeget som utryg på forårets tryghedsvandring.",
     "Passagen mellem blok 7 og 8",
     [("Lamper", 26_000), ("Kabler og montering", 16_000)],
     {"to": S.IN_PROGRESS, "share": 1,
      "expenses": [(6, 30_000, "Amager El-service ApS"), (7, -1_200, "Amager El-service ApS")]}),
    (2016, "urban_space", 5, "Beskæring af buske ved stien langs Remiseparken",
     "Buske og lave træer beskæres langs stien.",
     "Stien er uoverskuelig, især om aftenen.",
     "Stien langs Remiseparken",
     [("Beskæring", 12_500), ("Bortkørsel af grene", 4_000)],
     {"to": S.REPORTED, "amount": 15_000, "reason": "Bortkørsel klares delvist af driften.",
      "expenses": [(6, 15_000, "Grønt Amager I/S")]}),
    (2016, "urban_space", 8, "Nye bænke ved opholdsrum mellem husene",
     "To bænke og et bord mellem blok 3 og 4.",
     "Der er ingen steder at sidde, så ingen opholder sig mellem husene.",
     "Mellem blok 3 og 4",
     [("Bænke og bord", 19_000), ("Opsætning", 5_000)],
     {"to": S.ASSESSED}),
    (2016, "urban_space", 10, "Spejl ved uoverskuelige hjørner i kælderen",
     "Trafikspejle ved to hjørner i kældergangen.",
     "Man kan ikke se, om der står nogen om hjørnet.",
     "Kældergangen i blok 6",
     [("To spejle med montering", 6_000)],
     {"to": S.RECEIVED}),
    (2016, "acute", 3, "Vagt ved ungdomsklubben efter uro",
     "Ekstra vagt tre aftener efter uro ved klubben.",
     "Beboerne var utrygge efter flere aftener med uro.",
     "Ved ungdomsklubben",
     [("Vagt tre aftener", 9_800)],
     {"to": S.CLOSED, "fast": True, "expenses": [(3, 9_800, "Sikker Nabo Vagtservice")]}),
    (2016, "acute", 9, "Fjernelse af henstillet storskrald ved indgang",
     "Storskrald ved indgangen fjernes straks.",
     "Skraldet spærrer indgangen og tiltrækker mere.",
     "Indgangen til blok 11",
     [("Bortkørsel", 3_000)],
     {"to": S.GRANTED, "fast": True, "unratified": True,
      "expenses": [(9, 2_800, "Amager Affald & Transport")]}),
    (2016, "safety_activities", 9, "Lysfest-værksted med referencegruppen 2016",
     "Referencegruppen holder værksted, hvor beboere laver lygter til Lysfesten.",
     "Lysfesten samler beboere og naboer og gør området lysere i mørketiden.",
     "Beboerhuset",
     [("Materialer", 5_000), ("Forplejning", 3_000)],
     {"to": S.IN_PROGRESS, "amount": 6_400,
      "reason": "80 % af det ansøgte: forplejning deles med Lysfesten.",
      "expenses": [(10, 3_100, "Hobbyhuset Amager")]}),
    (2016, "safety_activities", 4, "Urbanfestival: tryghedsboden",
     "En bod på Urbanfestivalen, hvor politi og SSP fortæller om tryghedsarbejdet.",
     "Flere beboere skal kende partnerskabets arbejde.",
     "Urbanfestivalen",
     [("Telt og materialer", 4_500), ("Forplejning", 3_000)],
     {"to": S.RECOMMENDED}),
    (2016, "safety_activities", 10, "Fællesspisning for naboer på Hørgården",
     "Fællesspisning for naboer fra Hørgården og Urbanplanen.",
     "Naboerne i de to områder kender ikke hinanden.",
     "Hørgården",
     [("Mad", 4_000), ("Leje af lokale", 1_000)],
     {"to": S.MORE_INFO_REQUESTED,
      "comment": "Hvor mange forventer I kommer, og hvem laver maden?"}),
    (2016, "safety_activities", 6, "Filmaften i gården",
     "Udendørs filmaften for familier.",
     "Gården bruges kun lidt om aftenen.",
     "Gården ved blok 5",
     [("Leje af lærred og projektor", 4_000)],
     {"to": S.WITHDRAWN}),
]
# fmt: on

# Steps a case goes through before a normal grant, and after it.
BEFORE_GRANT = [S.SCREENING, S.ASSESSED, S.RECOMMENDED]
AFTER_GRANT = [S.IN_PROGRESS, S.REPORTED, S.CLOSED]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _moment(rnd, year, month, day_from=1) -> datetime.datetime:
    day = rnd.randint(day_from, 26)
    naive = datetime.datetime(year, month, day, rnd.randint(8, 15), rnd.choice([0, 15, 30, 45]))
    return timezone.make_aware(naive)


def _walk(application, steps, users, outcome):
    for to in steps:
        if application.status == outcome["to"]:
            return
        comment = outcome.get("comment", "") if to == outcome["to"] else ""
        services.application_transition(
            application=application, to=to, user=users["wg"], comment=comment
        )
        application.refresh_from_db()


def _grant(application, pool, lines, users, outcome, decided_on):
    requested = sum(amount for _item, amount in lines)
    amount = outcome.get("amount", requested)
    fast = outcome.get("fast", False)
    if not fast:
        _walk(application, BEFORE_GRANT, users, {"to": S.RECOMMENDED})
    grant = services.grant_create(
        application=application,
        amount=amount,
        reason=outcome.get("reason", ""),
        user=users["coordinator"] if fast else users["wg"],
        fast_track=fast,
        decided_on=decided_on,
    )
    if fast and not outcome.get("unratified"):
        services.grant_ratify(grant=grant, user=users["wg"])
    for month, value, supplier in outcome.get("expenses", []):
        services.expense_add(
            grant=grant,
            user=users["wg"],
            date=min(
                max(datetime.date(pool.year, month, 20), decided_on + datetime.timedelta(days=3)),
                _last_day(pool.year),
            ),
            amount=value,
            supplier=supplier,
            note="Tilbagebetalt for meget faktureret." if value < 0 else "",
        )
    application.refresh_from_db()
    _walk(application, AFTER_GRANT, users, outcome)
    return grant


def _case(rnd, pools, users, case):
    year, kind, month, title, purpose, addresses, place, lines, outcome = case
    pool = pools[(year, kind)]
    application, _created = services.application_submit(
        pool=pool,
        data={
            "title": title,
            "purpose": purpose,
            "addresses": addresses,
            "place": place,
            "from_reference_group": "referencegruppen" in title.lower(),
            "applicant_name": rnd.choice(NAMES),
            "applicant_email": f"beboer{rnd.randint(100, 999)}@example.org",
            "applicant_phone": "",
        },
        lines=lines,
        files=[],
        submission_key=uuid.UUID(int=rnd.getrandbits(128)),
    )
    if outcome["to"] in {S.GRANTED, S.IN_PROGRESS, S.REPORTED, S.CLOSED}:
        decided_on = (_moment(rnd, year, month, 1) + datetime.timedelta(days=14)).date()
        _grant(application, pool, lines, users, outcome, min(decided_on, _last_day(year)))
    elif outcome["to"] in {S.REJECTED, S.WITHDRAWN}:
        services.application_transition(application=application, to=S.SCREENING, user=users["wg"])
        services.application_transition(
            application=application,
            to=outcome["to"],
            user=users["wg"],
            comment=outcome.get("comment", ""),
        )
    else:
        steps = BEFORE_GRANT
        if outcome["to"] == S.MORE_INFO_REQUESTED:
            steps = [S.SCREENING, S.MORE_INFO_REQUESTED]
        _walk(application, steps, users, outcome)
    _date(rnd, application, year, month)


def _last_day(year: int) -> datetime.date:
    return min(datetime.date(year, 12, 31), timezone.localdate())


def _date(rnd, application, year, month):
    """Give the case believable dates in its year instead of today's."""
    start = _moment(rnd, year, month, 1)
    Application.private_objects.filter(pk=application.pk).update(created_at=start, is_invented=True)
    steps = APPLICATION.steps(application)
    for number, step in enumerate(steps):
        steps.filter(pk=step.pk).update(
            at=start + datetime.timedelta(days=4 * number, hours=number), is_invented=True
        )
    grant = Grant.private_objects.filter(application=application).first()
    if grant is not None:
        decided = timezone.make_aware(
            datetime.datetime.combine(grant.decided_on, datetime.time(10))
        )
        steps.filter(to_state=S.GRANTED).update(at=decided)
        changes = {"granted_at": decided, "is_invented": True}
        if grant.ratified_at:
            changes["ratified_at"] = decided + datetime.timedelta(days=7)
        if grant.closed_at:
            changes["closed_at"] = datetime.datetime(year, 12, 1, 12, tzinfo=datetime.UTC)
        Grant.private_objects.filter(pk=grant.pk).update(**changes)
        Expense.private_objects.filter(grant=grant).update(is_invented=True)
    last = APPLICATION.steps(application).order_by("at", "pk").last()
    application.refresh_from_db()
    if application.closed_at:
        closed = last.at
        changes = {"closed_at": closed}
        if closed < timezone.now() - datetime.timedelta(days=services.retention_days()):
            # Old cases: contact details erased as `erase-expired-contacts` would have done.
            changes.update(
                applicant_name="",
                applicant_email="",
                applicant_phone="",
                contacts_erased_at=closed + datetime.timedelta(days=services.retention_days()),
            )
        Application.private_objects.filter(pk=application.pk).update(**changes)


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan is loaded."""
    rnd = random.Random(20160202)
    users = {"wg": _user("arbejdsgruppe"), "coordinator": _user("koordinator")}
    pools = {}
    for year in (2015, 2016):
        pools_of_year = services.pools_create_year(
            partnership=partnership, year=year, templates=standard_pools()
        )
        for pool in pools_of_year:
            pools[(year, pool.kind)] = pool
    if Application.private_objects.filter(pool__partnership=partnership).exists():
        return
    for case in CASES:
        _case(rnd, pools, users, case)
    Pool.private_objects.filter(partnership=partnership, year=2016).update(
        accepts_applications=True
    )
    Pool.private_objects.filter(partnership=partnership, year=2015).update(
        accepts_applications=False
    )
