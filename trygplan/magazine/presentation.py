"""An issue as the web page and the PDF show it, computed once: its stories in order, each
with a line about its source (date, place, participants with the small-number rule) and
only the photos that may be shown today (consent withdrawn or a finding made internal
removes a photo from every output at once)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import IssueStory, StoryPhoto


@dataclass
class StoryView:
    story: object
    meta: str
    photos: list = field(default_factory=list)


@dataclass
class IssueView:
    issue: object
    stories: list[StoryView]


def _day(moment) -> str:
    return formats.date_format(timezone.localdate(moment), "j. F Y") if moment else ""


def story_meta(story) -> str:
    if story.event_id:
        event = story.event
        parts = [event.get_kind_display(), _day(event.starts_at), event.place]
        total = event.attendance_shown()[1] if event.attendance.all() else None
        if total:
            parts.append(_("%(count)s deltagere") % {"count": total})
    elif story.walk_id:
        walk = story.walk
        parts = [_("Tryghedsvandring"), _day(walk.starts_at), walk.meeting_point]
        total = walk.participant_total()
        if total:
            parts.append(_("%(count)s deltagere") % {"count": total})
    else:
        finding = story.finding
        parts = [_("Udbedret fund"), finding.place, _day(finding.fixed_at)]
    return " · ".join(str(part) for part in parts if part)


def issue_view(issue) -> IssueView:
    photos = Prefetch(
        "story__photos",
        queryset=StoryPhoto.objects.select_related("event_photo", "finding_photo__finding"),
    )
    rows = (
        IssueStory.objects.filter(issue=issue)
        .select_related("story__event", "story__walk", "story__finding")
        .prefetch_related(photos, "story__event__attendance", "story__walk__participants")
    )
    stories = [
        StoryView(
            row.story,
            story_meta(row.story),
            [photo for photo in row.story.photos.all() if photo.may_be_shown],
        )
        for row in rows
    ]
    return IssueView(issue, stories)
