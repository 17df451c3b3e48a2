"""What a story can be written from, and what it starts with.

A story comes from an event, a safety walk held, or a fixed public finding of the
partnership. Its photos are chosen from that source's photos that may be shown: event photos
with consent, photos of the source's public findings (places, never people). The text starts
from what the source already says (an event's short story, a finding's public reason).
"""

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.followup.models import Event, EventPhoto
from trygplan.walks.models import Finding, FindingPhoto, Walk

from .models import Story

HELD = [Walk.Status.WALKED, Walk.Status.PROTOCOL_SENT, Walk.Status.FOLLOW_UP_HELD]


@dataclass
class Candidate:
    """A photo that may go into the story: `key` is "event-12" or "finding-7"."""

    key: str
    caption: str
    photo: object


def events(partnership):
    return Event.private_objects.filter(partnership=partnership).order_by("-starts_at")


def walks(partnership):
    return Walk.private_objects.filter(
        partnership=partnership, kind=Walk.Kind.WALK, status__in=HELD
    ).order_by("-starts_at")


def fixed_findings(partnership):
    return (
        Finding.public_objects.for_partnership(partnership)
        .fixed()
        .select_related("walk")
        .order_by("-fixed_at", "-pk")
    )


def find_source(partnership, kind: str, pk: int) -> dict:
    """{"event": ...} / {"walk": ...} / {"finding": ...} for the Story, or 404."""
    querysets = {
        Story.Source.EVENT: events,
        Story.Source.WALK: walks,
        Story.Source.FINDING: fixed_findings,
    }
    if kind not in querysets:
        raise Http404
    found = querysets[kind](partnership).filter(pk=pk).first()
    if found is None:
        raise Http404
    return {kind: found}


def parse_choice(value: str) -> tuple[str, int] | None:
    """ "event-12" → ("event", 12)."""
    kind, _sep, pk = (value or "").partition("-")
    return (kind, int(pk)) if pk.isdigit() and kind in Story.Source.values else None


def choices(partnership) -> list[tuple[str, list[tuple[str, str]]]]:
    """The sources as grouped <select> options."""

    def day(moment):
        return f"{timezone.localtime(moment):%d.%m.%Y}" if moment else ""

    return [
        (
            _("Arrangementer"),
            [(f"event-{e.pk}", f"{e.title} ({day(e.starts_at)})") for e in events(partnership)],
        ),
        (_("Tryghedsvandringer"), [(f"walk-{w.pk}", str(w)) for w in walks(partnership)]),
        (
            _("Udbedrede fund"),
            [
                (f"finding-{f.pk}", f"{f.place or f.get_category_display()} ({day(f.fixed_at)})")
                for f in fixed_findings(partnership)
            ],
        ),
    ]


def candidates(story: Story) -> list[Candidate]:
    if story.event_id:
        photos = EventPhoto.objects.filter(event=story.event, consent=True).order_by("pk")
        return [Candidate(f"event-{p.pk}", p.caption or _("Billede"), p) for p in photos]
    findings = Finding.public_objects.filter(
        **({"walk": story.walk} if story.walk_id else {"pk": story.finding_id})
    )
    photos = FindingPhoto.private_objects.filter(finding__in=findings).select_related("finding")
    return [
        Candidate(f"finding-{p.pk}", f"{p.get_kind_display()}: {p.finding.place or p.finding}", p)
        for p in photos
    ]


def prefill(story: Story) -> None:
    """A new story's title and text, from its source."""
    if story.event_id:
        story.title, story.text = story.event.title, story.event.story
    elif story.walk_id:
        # the walk's meeting notes are internal: the story starts from its theme only
        story.title = story.walk.title
        story.text = story.walk.theme
    else:
        finding = story.finding
        story.title = _("Udbedret: %(place)s") % {
            "place": finding.place or finding.get_category_display()
        }
        story.text = finding.public_reason or finding.proposed_measure
