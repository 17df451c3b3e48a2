"""Invented, deterministic demo data: the 2016 mid-year status and the 2016 annual report, each
carried through by the demo users with the real services and workflows, labelled invented.

- Mid-year (as of 30 June 2016): opened by `koordinator` on 1 June; SSP's parts written by
  `partner` (SSP's reporter), the others by the coordinator on the partners' behalf; one part
  sent back and fixed; every part accepted (booking the money spent so far, and for Ung i job
  two youths more than the board had); recommended by `arbejdsgruppe` on 25 August; decided
  by `styregruppe` on 7 September.
- Annual (the whole of 2016): opened 1 March 2017, recommended 28 April, decided at the
  steering group's meeting on 10 May 2017 (the seed: "afrapporteres årligt i maj").
The texts, the money spent and the decisions are invented. No decision moves money here, so
the demo's 2016 plan stays as the seed published it (the browser journey shows a decision
that opens an amendment). Invented rounds send no mail.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from trygplan.plans.models import BudgetLine
from trygplan.workflows.models import Step

from . import services
from .booking import recorded_progress
from .models import PartFigure, PartSpending, ReportPart, ReportRecommendation, ReportRound
from .workflow import RECOMMENDATION

SEED = 20160630
D = datetime.date

STATUS = {
    "dialog": "Koordinatoren har holdt dialogmøder med referencegruppen og skrevet til "
    "beboerbladet. Forårets tryghedsvandring er gennemført, og fundene følges op.",
    "puljer": "Puljerne er åbne. Byrumspuljen har bevilget lys og beskæring efter "
    "tryghedsvandringen; akutpuljen er kun brugt lidt, hvilket er godt.",
    "lommepengeprojekter": "Lommepengeprojektet er i gang med to hold; fritidsjobkoordinatoren "
    "har fundet flere virksomheder i området.",
    "ung-i-job": "Ung i job har flere unge i fritidsjob end sidste år på samme tid. Backup-"
    "personerne holder fast i de unge, der er ved at falde fra.",
    "uddannelsesmodel": "IT-kurset er planlagt til efteråret; de første unge er fundet.",
    "gadeplansindsats": "Gadeplansmedarbejderen er i området fire aftener om ugen og har god "
    "kontakt til de unge ved Urbanpladsen.",
    "familiebehandling": "Familiebehandleren arbejder med en række familier; samarbejdet med "
    "skolerne er styrket.",
    "flertalsmisforstaaelser": "Kampagnen er kørt på skolerne i 7. og 8. klasse.",
    "streetsport": "Streetsport kører to aftener om ugen med mange deltagere.",
    "fritidsguiderne": "FritidsGuiderne har hjulpet børn og unge i gang med en fritidsaktivitet.",
    "radikalisering": "VINK har holdt oplæg for medarbejderne i området.",
    "saermaaling": "Særmålingen gennemføres med byens tryghedsundersøgelse i efteråret.",
}
OBSTACLES = {
    "ung-i-job": "Det er svært at finde fritidsjob til de 14-årige.",
    "uddannelsesmodel": "Kurset kan først starte efter sommerferien.",
}
PROPOSALS = {
    "ung-i-job": "Flere virksomheder i området bør inviteres med i Ung i job.",
}


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _mark_invented(*objects) -> None:
    for obj in objects:
        Step.objects.for_object(obj).update(is_invented=True)


def _fill(part: ReportPart, *, day, rng, share: float, extra: int = 0) -> None:
    """The part's figures (what the board has by `day`, plus `extra` for Ung i job) and the
    money spent so far (`share` of the year's budget, rounded to hundreds)."""
    part.status_text = STATUS.get(part.description.key, "Aktiviteten går som planlagt.")
    part.obstacles = OBSTACLES.get(part.description.key, "")
    part.proposals = PROPOSALS.get(part.description.key, "")
    part.is_invented = True
    part.save()
    for deliverable in part.deliverables():
        count = recorded_progress(deliverable, year=part.round.year, day=day)
        if part.description.key == "ung-i-job":
            count += extra
        PartFigure.private_objects.create(part=part, deliverable=deliverable, count=count)
    pools = {"byrumspulje", "akutpulje", "pulje-til-tryghedsaktiviteter"}
    for activity in part.activities().filter(has_ended=False).prefetch_related("budget_lines"):
        if activity.key in pools:
            continue
        for source in (BudgetLine.Source.PARTNERSHIP, BudgetLine.Source.CO_FINANCING):
            budget = sum(
                line.amount
                for line in activity.budget_lines.all()
                if line.year == part.round.year and (line.source == source)
            )
            if budget:
                spent = round(budget * min(share * rng.uniform(0.85, 1.1), 1) / 100) * 100
                PartSpending.private_objects.create(
                    part=part, activity=activity, source=source, amount=spent
                )


def _parts(round_, users, rng, *, share, extra, returned: str) -> None:
    day, deadline = round_.as_of, round_.deadline
    submitted, fixed = deadline - datetime.timedelta(days=3), deadline - datetime.timedelta(days=1)
    for part in round_.parts.select_related("description", "organisation"):
        author = (
            users["partner"]
            if part.organisation and part.organisation.key == "ssp"
            else users["coordinator"]
        )
        _fill(part, day=day, rng=rng, share=share, extra=extra)
        services.part_transition(part=part, action="submit", user=author, at=submitted)
        if part.description.key == returned:
            services.part_transition(
                part=part,
                action="return",
                user=users["coordinator"],
                comment="Skriv også, hvor mange der fortsætter efter sommerferien.",
                at=submitted,
            )
            part.refresh_from_db()
            part.status_text += " 12 af de unge fortsætter i jobbet efter sommerferien."
            part.save(update_fields=["status_text"])
            services.part_transition(part=part, action="submit", user=author, at=fixed)
        services.part_transition(part=part, action="accept", user=users["coordinator"], at=deadline)
        _mark_invented(part)


MIDYEAR = {
    "kind": ReportRound.Kind.MIDYEAR,
    "opened": D(2016, 6, 1),
    "deadline": D(2016, 8, 15),
    "sent": D(2016, 8, 25),
    "meeting": D(2016, 9, 7),
    "share": 0.48,
    "extra": 2,
    "returned": "ung-i-job",
    "summary": "Halvåret er gået som planlagt for de fleste aktiviteter. Ung i job og "
    "gadeplansindsatsen leverer over det forventede; uddannelsesmodellens kursus starter først "
    "efter sommerferien. Pengene bruges som budgetteret, og akutpuljen er kun brugt lidt.",
    "items": [
        (
            "Halvårsstatus tages til efterretning",
            "Arbejdsgruppen indstiller, at styregruppen tager halvårsstatus for 2016 til "
            "efterretning.",
            "approve",
            "Taget til efterretning.",
        ),
        (
            "Flere virksomheder i Ung i job",
            "Arbejdsgruppen indstiller, at parterne hver finder to virksomheder, der vil tage "
            "unge i fritidsjob.",
            "change",
            "Godkendt, men SSP og 3B finder virksomhederne; kommunen hjælper.",
        ),
    ],
}
ANNUAL = {
    "kind": ReportRound.Kind.ANNUAL,
    "opened": D(2017, 3, 1),
    "deadline": D(2017, 4, 15),
    "sent": D(2017, 4, 28),
    "meeting": D(2017, 5, 10),
    "share": 0.97,
    "extra": 0,
    "returned": "",
    "summary": "2016 har været et godt år for partnerskabet. De fleste leverancer er opfyldt, "
    "pengene er brugt, og færre beboere er utrygge. Nogle leverancer nåede ikke målet.",
    "items": [
        (
            "Årsrapporten for 2016 godkendes",
            "Arbejdsgruppen indstiller, at styregruppen godkender årsrapporten for 2016.",
            "approve",
            "Godkendt.",
        ),
        (
            "Uddannelsesmodellen fortsætter i 2017",
            "Arbejdsgruppen indstiller, at IT-kurset fortsætter i 2017 med 8 unge.",
            "approve",
            "Godkendt.",
        ),
        (
            "Streetsport udvides til tre aftener",
            "Arbejdsgruppen indstiller, at Streetsport udvides til tre aftener om ugen.",
            "reject",
            "Afvist: pengene er ikke i 2017-rammen. Tages op igen ved næste plan.",
        ),
    ],
}


def _round(partnership, users, rng, spec) -> ReportRound:
    round_ = services.round_open(
        partnership=partnership,
        year=2016,
        kind=spec["kind"],
        deadline=spec["deadline"],
        meeting_on=spec["meeting"],
        user=users["coordinator"],
        at=spec["opened"],
    )
    ReportRound.private_objects.filter(pk=round_.pk).update(
        is_invented=True,
        summary=spec["summary"],
        internal_note="Opdigtet intern note: følg op på akutpuljens rest i efteråret.",
    )
    round_.refresh_from_db()
    _parts(round_, users, rng, share=spec["share"], extra=spec["extra"], returned=spec["returned"])
    recommendations = []
    for order, (title, text, _action, _decision) in enumerate(spec["items"], start=1):
        recommendation = ReportRecommendation.private_objects.create(
            round=round_, order=order, title=title, text=text, is_invented=True
        )
        RECOMMENDATION.start(recommendation, user=users["coordinator"], at=spec["deadline"])
        recommendations.append(recommendation)
    round_ = services.round_transition(
        round_=round_, action="recommend", user=users["working_group"], at=spec["sent"]
    )
    for recommendation, (_title, _text, action, decision) in zip(
        recommendations, spec["items"], strict=True
    ):
        services.recommendation_decide(
            recommendation=recommendation,
            action=action,
            user=users["steering_group"],
            text=decision,
            at=spec["meeting"],
        )
    round_ = services.round_transition(
        round_=round_, action="close", user=users["steering_group"], at=spec["meeting"]
    )
    _mark_invented(round_, *recommendations)
    return round_


@transaction.atomic
def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan and the other modules' demo."""
    users = {
        "coordinator": _user("koordinator"),
        "working_group": _user("arbejdsgruppe"),
        "steering_group": _user("styregruppe"),
        "partner": _user("partner"),
    }
    if None in users.values():
        return
    if ReportRound.private_objects.filter(partnership=partnership).exists():
        return
    rng = random.Random(SEED)
    for spec in (MIDYEAR, ANNUAL):
        _round(partnership, users, rng, spec)
