"""Who may see and do what with the residents' magazine. Every view calls one of these first.

- Anyone (once the partnership has a published plan, as for follow-up): published issues,
  their web page and PDF, and the photos in them.
- Members of the partnership (any role): also drafts (stories and issues), to read.
- The coordinator and the working group (`can_write`): write stories, make issues, publish.
Users of other partnerships see only what is public; anything else is a 404 for them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.followup import access as followup_access
from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership

from .models import Issue, Story, StoryPhoto

WRITERS_ONLY = _("Kun koordinator og arbejdsgruppe kan skrive til beboerbladet.")


def can_read_private(user, partnership: Partnership) -> bool:
    return partnership_access.can_read_private(user, partnership)


def can_write(user, partnership: Partnership) -> bool:
    return partnership_access.can_edit_plans(user, partnership)


def get_partnership_for_read(user, slug: str) -> Partnership:
    return followup_access.get_partnership_for_read(user, slug)


def get_partnership_for_write(user, slug: str) -> Partnership:
    partnership = partnership_access.get_partnership(slug)
    if not can_read_private(user, partnership):
        raise Http404
    if not can_write(user, partnership):
        raise PermissionDenied(WRITERS_ONLY)
    return partnership


def visible_issues(user, partnership: Partnership):
    manager = Issue.private_objects if can_read_private(user, partnership) else Issue.public_objects
    return manager.filter(partnership=partnership)


def get_issue_for_read(user, slug: str, year: int, number: int) -> Issue:
    partnership = get_partnership_for_read(user, slug)
    return get_object_or_404(
        visible_issues(user, partnership).select_related("partnership"), year=year, number=number
    )


def get_issue_for_edit(user, slug: str, year: int, number: int) -> Issue:
    partnership = get_partnership_for_write(user, slug)
    return get_object_or_404(
        Issue.private_objects.select_related("partnership"),
        partnership=partnership,
        year=year,
        number=number,
    )


def get_story_for_edit(user, slug: str, pk: int) -> Story:
    partnership = get_partnership_for_write(user, slug)
    return get_object_or_404(
        Story.private_objects.select_related("partnership", "event", "walk", "finding"),
        partnership=partnership,
        pk=pk,
    )


def get_photo_for_read(user, slug: str, pk: int) -> StoryPhoto:
    """A story's photo, if it may be shown and its story is in an issue the user may see
    (members: any story of theirs). Anything else is a 404."""
    partnership = get_partnership_for_read(user, slug)
    photos = StoryPhoto.objects.select_related("event_photo", "finding_photo__finding").filter(
        story__partnership=partnership
    )
    if not can_read_private(user, partnership):
        photos = photos.filter(story__issues__status="published").distinct()
    photo = get_object_or_404(photos, pk=pk)
    if not photo.may_be_shown:
        raise Http404
    return photo
