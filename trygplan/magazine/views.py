"""The residents' magazine: the list of issues, writing stories, making issues, an issue as a
web page and as a print-ready PDF, and the photos in them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.lib.files import download_response
from trygplan.plans import access as plan_access
from trygplan.plans.models import Deliverable

from . import access, services, sources
from .forms import IssueForm, SourceForm, StoryForm
from .models import Issue, Story
from .presentation import issue_view
from .typeset import issue_pdf


def _context(request, partnership, **extra) -> dict:
    plan = plan_access.visible_plans(request.user, partnership).order_by("-year").first()
    return {
        "partnership": partnership,
        "plan": plan,
        "can_read_private": access.can_read_private(request.user, partnership),
        "can_write": access.can_write(request.user, partnership),
        **extra,
    }


def _deliverables(partnership, year: int):
    """The year's plan deliverables that count the magazine (shown beside an issue)."""
    return Deliverable.objects.filter(
        description__plan__partnership=partnership,
        description__plan__year=year,
        description__plan__status="published",
        counts_from=Deliverable.CountsFrom.MAGAZINE,
    ).select_related("description__plan")


@require_GET
def index(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_read(request.user, slug)
    issues = access.visible_issues(request.user, partnership).prefetch_related("rows")
    context = _context(request, partnership, issues=issues)
    if context["can_read_private"]:
        context["stories"] = Story.private_objects.filter(partnership=partnership).select_related(
            "event", "walk", "finding"
        )
    if context["can_write"]:
        context["source_form"] = SourceForm(partnership=partnership)
    return render(request, "magazine/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def story_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_write(request.user, slug)
    choice = sources.parse_choice(request.GET.get("kilde", ""))
    if choice is None:
        messages.error(request, _("Vælg hvad historien skal handle om."))
        return redirect("magazine:index", slug)
    story = Story(partnership=partnership, **sources.find_source(partnership, *choice))
    if request.method == "GET":
        sources.prefill(story)
    form = StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        services.story_save(form=form, user=request.user)
        messages.success(request, _("Historien er gemt som kladde."))
        return redirect("magazine:index", slug)
    context = _context(request, partnership, form=form, story=story, title=_("Ny historie"))
    return render(request, "magazine/story_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    story = access.get_story_for_edit(request.user, slug, pk)
    form = StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        services.story_save(form=form, user=request.user)
        messages.success(request, _("Historien er gemt."))
        return redirect("magazine:index", slug)
    context = _context(request, story.partnership, form=form, story=story, title=story.title)
    return render(request, "magazine/story_form.html", context)


@login_required
@require_POST
def story_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    story = access.get_story_for_edit(request.user, slug, pk)
    services.story_publish(story=story, user=request.user)
    messages.success(request, _("Historien er udgivet."))
    return redirect("magazine:index", slug)


def _issue_form(request, issue):
    stories = Story.private_objects.filter(partnership=issue.partnership).order_by("-created_at")
    return IssueForm(request.POST or None, instance=issue, stories=stories)


@login_required
@require_http_methods(["GET", "POST"])
def issue_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_write(request.user, slug)
    form = _issue_form(request, Issue(partnership=partnership))
    if request.method == "POST" and form.is_valid():
        issue = services.issue_save(form=form, user=request.user)
        messages.success(request, _("%(issue)s er gemt som kladde.") % {"issue": issue})
        return redirect(issue.get_absolute_url())
    context = _context(request, partnership, form=form, title=_("Nyt beboerblad"))
    return render(request, "magazine/issue_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, slug: str, year: int, number: int) -> HttpResponse:
    issue = access.get_issue_for_edit(request.user, slug, year, number)
    form = _issue_form(request, issue)
    if request.method == "POST" and form.is_valid():
        issue = services.issue_save(form=form, user=request.user)
        messages.success(request, _("%(issue)s er gemt.") % {"issue": issue})
        return redirect(issue.get_absolute_url())
    context = _context(request, issue.partnership, form=form, issue=issue, title=str(issue))
    return render(request, "magazine/issue_form.html", context)


@login_required
@require_POST
def issue_publish(request: HttpRequest, slug: str, year: int, number: int) -> HttpResponse:
    issue = access.get_issue_for_edit(request.user, slug, year, number)
    try:
        services.issue_publish(issue=issue, user=request.user)
        messages.success(request, _("%(issue)s er udgivet.") % {"issue": issue})
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(issue.get_absolute_url())


@require_GET
def issue_detail(request: HttpRequest, slug: str, year: int, number: int) -> HttpResponse:
    issue = access.get_issue_for_read(request.user, slug, year, number)
    context = _context(request, issue.partnership, issue=issue, view=issue_view(issue))
    context["deliverables"] = _deliverables(issue.partnership, issue.year)
    return render(request, "magazine/issue.html", context)


@require_GET
def issue_download(request: HttpRequest, slug: str, year: int, number: int) -> HttpResponse:
    issue = access.get_issue_for_read(request.user, slug, year, number)
    response = download_response(issue_pdf(issue))
    if not issue.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def photo(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A story's photo, after the access check (the files themselves are private)."""
    photo = access.get_photo_for_read(request.user, slug, pk)
    response = FileResponse(photo.photo.image.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response
