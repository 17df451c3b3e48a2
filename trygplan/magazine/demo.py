"""Invented, deterministic demo data: two issues of the magazine for 2016 (nr. 1 and nr. 2),
written from the invented events of `followup.demo`, and two published stories not yet in an
issue (for nr. 3). Everything is labelled "Opdigtede demodata"."""

from datetime import date

from trygplan.followup.models import Event

from .models import Issue, IssueStory, Status, Story

STORIES = [
    # (event title, story title, text, issue number or None)
    (
        "Tryghedsvandring forår 2016",
        "Beboere viste vej i Urbanplanen",
        "En aften i april gik beboere, politiet og 3B området igennem. De pegede på mørke "
        "stier og buske, der skal beskæres, og aftalte, hvem der gør hvad.",
        1,
    ),
    (
        "Urbanfestival 2016",
        "Sol og fællesspisning på Urbanpladsen",
        "Naboer fra hele Amager spiste sammen på Urbanpladsen, og de unge fra "
        "Lommepengeprojektet stod for kaffen.",
        2,
    ),
    (
        "Debatmøde om Urbanplanens omdømme",
        "Hvad skal andre vide om Urbanplanen?",
        "På Solvang Bibliotek talte beboere og partnere om, hvordan området omtales, og hvilke "
        "historier der skal fortælles oftere.",
        None,
    ),
    (
        "Tryghedsvandring efterår 2016",
        "Lys på stierne i Hørgården",
        "Efterårets vandring så på belysningen i Hørgården. Flere af forårets fund er allerede "
        "udbedret.",
        None,
    ),
]
ISSUES = {
    1: (date(2016, 5, 2), "Puljerne er åbne: søg penge til en aktivitet i dit område."),
    2: (date(2016, 7, 1), "Lysfesten holdes i november. Meld dig som frivillig hos 3B."),
}


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after `followup.demo` has made the events."""
    issues = {
        number: Issue.private_objects.create(
            partnership=partnership,
            year=2016,
            number=number,
            issue_date=day,
            news=news,
            status=Status.PUBLISHED,
            is_invented=True,
        )
        for number, (day, news) in ISSUES.items()
    }
    for event_title, title, text, number in STORIES:
        event = Event.private_objects.filter(partnership=partnership, title=event_title).first()
        if event is None:
            continue
        story = Story.private_objects.create(
            partnership=partnership,
            event=event,
            title=title,
            text=text,
            status=Status.PUBLISHED,
            is_invented=True,
        )
        if number:
            IssueStory.objects.create(issue=issues[number], story=story, order=1)
