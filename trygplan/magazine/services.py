"""Writing to the magazine: stories and issues, each change checked, validated, atomic and
audited (`audit_record`). Publishing an issue publishes its stories with it; a published
issue counts toward the plan's magazine deliverable on the status board."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record, form_changes
from trygplan.followup.models import EventPhoto

from . import access
from .models import Issue, IssueStory, Status, Story, StoryPhoto


def _require_writer(user, partnership) -> None:
    if not access.can_write(user, partnership):
        raise PermissionDenied(access.WRITERS_ONLY)


def _photo_keys(story: Story) -> list[str]:
    return [
        f"event-{p.event_photo_id}" if p.event_photo_id else f"finding-{p.finding_photo_id}"
        for p in story.photos.all()
    ]


@transaction.atomic
def story_save(*, form, user) -> Story:
    """Save a StoryForm: the story and the photos chosen (in the order listed)."""
    story = form.save(commit=False)
    _require_writer(user, story.partnership)
    created = story.pk is None
    old_photos = [] if created else _photo_keys(story)
    if created:
        story.created_by = user
    story.full_clean()
    story.save()
    changes = form_changes(form)
    changes.pop("photos", None)
    if "photos" in form.fields:
        story.photos.all().delete()
        for order, photo in enumerate(form.chosen_photos()):
            field = "event_photo" if isinstance(photo, EventPhoto) else "finding_photo"
            row = StoryPhoto(story=story, order=order, **{field: photo})
            row.full_clean()
            row.save()
        new_photos = _photo_keys(story)
        if new_photos != old_photos:
            changes["photos"] = [", ".join(old_photos) or None, ", ".join(new_photos) or None]
    if created or changes:
        audit_record(
            user=user,
            obj=story,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            changes=changes,
            partnership=story.partnership,
            scope=AuditEntry.Scope.CASE,
        )
    return story


def _publish_story(story: Story, user) -> None:
    if story.is_published:
        return
    story.status = Status.PUBLISHED
    story.full_clean()
    story.save(update_fields=["status", "updated_at"])
    audit_record(
        user=user,
        obj=story,
        action=AuditEntry.Action.TRANSITION,
        changes={"status": [Status.DRAFT, Status.PUBLISHED]},
        partnership=story.partnership,
        code="story.publish",
        scope=AuditEntry.Scope.CASE,
    )


@transaction.atomic
def story_publish(*, story: Story, user) -> Story:
    _require_writer(user, story.partnership)
    story = Story.private_objects.select_for_update().get(pk=story.pk)
    _publish_story(story, user)
    return story


@transaction.atomic
def issue_save(*, form, user) -> Issue:
    """Save an IssueForm: the issue and its stories in their places."""
    issue = form.save(commit=False)
    _require_writer(user, issue.partnership)
    created = issue.pk is None
    old = [] if created else [row.story_id for row in issue.rows.all()]
    if created:
        issue.created_by = user
    issue.full_clean()
    issue.save()
    chosen = form.placed_stories()
    changes = {k: v for k, v in form_changes(form).items() if not k.startswith("story_")}
    if [story.pk for story in chosen] != old:
        issue.rows.all().delete()
        for order, story in enumerate(chosen, start=1):
            row = IssueStory(issue=issue, story=story, order=order)
            row.full_clean(validate_unique=False)
            row.save()
            if issue.is_published:
                _publish_story(story, user)
        changes["stories"] = [
            ", ".join(str(pk) for pk in old) or None,
            ", ".join(s.title for s in chosen) or None,
        ]
    if created or changes:
        audit_record(
            user=user,
            obj=issue,
            action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
            changes=changes,
            partnership=issue.partnership,
            scope=AuditEntry.Scope.CASE,
        )
    return issue


@transaction.atomic
def issue_publish(*, issue: Issue, user) -> Issue:
    """Publish the issue and its stories: from now it is public and counts on the status
    board (on its issue date)."""
    _require_writer(user, issue.partnership)
    issue = Issue.private_objects.select_for_update().get(pk=issue.pk)
    if issue.is_published:
        raise ValidationError(_("Bladet er allerede udgivet."))
    stories = issue.ordered_stories()
    if not stories:
        raise ValidationError(_("Bladet har ingen historier endnu."))
    for story in stories:
        _publish_story(story, user)
    issue.status = Status.PUBLISHED
    issue.full_clean()
    issue.save(update_fields=["status"])
    audit_record(
        user=user,
        obj=issue,
        action=AuditEntry.Action.TRANSITION,
        changes={"status": [Status.DRAFT, Status.PUBLISHED]},
        partnership=issue.partnership,
        code="issue.publish",
        scope=AuditEntry.Scope.CASE,
    )
    return issue
