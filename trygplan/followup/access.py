"""Who may see and do what in follow-up. Every view calls one of these first.

- Public (anyone, once the partnership has a published plan): indicators with their
  approved values and charts, the status board and money-to-results of a published plan,
  public events, their photos with consent, and the calendar feed. The small-number rule
  applies everywhere.
- Members of the partnership (any role): also unapproved values, all submissions, drafts.
- A reporter (`Reporter`: a user and the one organisation they report for) edits and
  submits their organisation's draft submissions.
- The coordinator (or a city administrator) approves, returns and locks submissions, and sets
  up the indicators, their targets and the reporters (`setup_views`).
- Coordinator and working group record deliverable progress and events.
Users of other partnerships see only what is public; anything private is a 404 for them.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership, Role
from trygplan.plans import access as plan_access
from trygplan.plans.models import Plan

from .models import DeliverableProgress, Event, EventPhoto, Reporter, Submission


def is_city_admin(user) -> bool:
    return partnership_access.is_city_admin(user)


def can_read_private(user, partnership: Partnership) -> bool:
    return partnership_access.can_read_private(user, partnership)


def can_approve(user, partnership: Partnership) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) == Role.COORDINATOR
    )


def can_set_up(user, partnership: Partnership) -> bool:
    """Indicators, their targets and who reports for which organisation: the coordinator
    (and city administrators), who also approves the figures."""
    return can_approve(user, partnership)


def can_record(user, partnership: Partnership) -> bool:
    """Deliverable progress and events: the people who run the plan."""
    return partnership_access.can_edit_plans(user, partnership)


def reporter_organisation(user, partnership: Partnership):
    if not user.is_authenticated or not can_read_private(user, partnership):
        return None
    reporter = (
        Reporter.objects.filter(user=user, partnership=partnership)
        .select_related("organisation")
        .first()
    )
    return reporter.organisation if reporter else None


def get_partnership_for_read(user, slug: str) -> Partnership:
    """The partnership, if its follow-up is visible: to members, or once a plan is published."""
    partnership = partnership_access.get_partnership(slug)
    if not can_read_private(user, partnership) and not (
        Plan.public_objects.for_partnership(partnership).exists()
    ):
        raise Http404
    return partnership


def get_partnership_for_members(user, slug: str) -> Partnership:
    partnership = partnership_access.get_partnership(slug)
    if not can_read_private(user, partnership):
        raise Http404
    return partnership


def get_partnership_for_recording(user, slug: str) -> Partnership:
    partnership = get_partnership_for_members(user, slug)
    if not can_record(user, partnership):
        raise PermissionDenied(_("Kun koordinator og arbejdsgruppe kan registrere opfølgning."))
    return partnership


def get_partnership_for_setup(user, slug: str) -> Partnership:
    partnership = get_partnership_for_members(user, slug)
    if not can_set_up(user, partnership):
        raise PermissionDenied(_("Kun koordinatoren kan opsætte indikatorer og indberettere."))
    return partnership


def get_submission_for_read(user, slug: str, pk: int) -> Submission:
    partnership = get_partnership_for_members(user, slug)
    return get_object_or_404(
        Submission.private_objects.select_related("organisation", "partnership"),
        partnership=partnership,
        pk=pk,
    )


def can_edit_submission(user, submission: Submission) -> bool:
    return submission.is_draft and (
        reporter_organisation(user, submission.partnership) == submission.organisation
        or partnership_access.is_city_admin(user)
    )


def get_submission_for_edit(user, slug: str, pk: int) -> Submission:
    submission = get_submission_for_read(user, slug, pk)
    if not can_edit_submission(user, submission):
        if not submission.is_draft:
            raise PermissionDenied(_("Indberetningen er sendt og kan ikke længere ændres."))
        raise PermissionDenied(_("Kun organisationens indberettere kan ændre indberetningen."))
    return submission


def get_submission_for_approval(user, slug: str, pk: int) -> Submission:
    submission = get_submission_for_read(user, slug, pk)
    if not can_approve(user, submission.partnership):
        raise PermissionDenied(_("Kun koordinatoren kan godkende og låse indberetninger."))
    return submission


def get_progress_for_edit(user, slug: str, year: int, pk: int):
    """(plan, entry): a progress entry of the year's plan, for the coordinator or working group."""
    get_partnership_for_recording(user, slug)
    plan = plan_access.get_plan_for_read(user, slug, year)
    entry = get_object_or_404(
        DeliverableProgress.objects.for_plan(plan).select_related("deliverable__description"),
        pk=pk,
    )
    return plan, entry


def get_event_photo_for_read(user, slug: str, pk: int) -> EventPhoto:
    """A photo with consent, of an event the user may see; the people who record events
    also see photos without consent (to remove them). Anything else is a 404."""
    partnership = get_partnership_for_read(user, slug)
    photos = EventPhoto.objects.select_related("event").filter(event__partnership=partnership)
    if not can_read_private(user, partnership):
        photos = photos.filter(event__is_public=True)
    if not can_record(user, partnership):
        photos = photos.filter(consent=True)
    return get_object_or_404(photos, pk=pk)


def get_event_for_edit(user, slug: str, pk: int) -> Event:
    partnership = get_partnership_for_recording(user, slug)
    return get_object_or_404(
        Event.private_objects.select_related("partnership"), partnership=partnership, pk=pk
    )


def partnerships_for_export(user, slug: str | None) -> list[Partnership]:
    """The partnerships whose follow-up the user may read: one (`slug`, else 404) or all."""
    if slug:
        return [get_partnership_for_read(user, slug)]
    return [
        partnership
        for partnership in Partnership.objects.all()
        if can_read_private(user, partnership)
        or Plan.public_objects.for_partnership(partnership).exists()
    ]
