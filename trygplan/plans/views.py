"""Plan pages: the overview table, activities, the theory of change, and editing a draft."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trygplan.audit.models import AuditEntry
from trygplan.lib.money import format_kroner
from trygplan.partnerships import access

from . import access as plan_access
from . import services
from .checks import run_checks
from .cycle_views import amend_if_frozen, saved_or_explained
from .forms import ActivityForm, BudgetLineForm
from .history import earlier_lines, plan_history
from .models import Activity, BudgetLine, FocusArea, Result
from .overview import (
    activities_by_chapter,
    build_economy_table,
    build_overview,
    build_result_matrix,
    plan_activities,
)
from .related import related_links
from .workflow import PLAN


def _plan_context(request: HttpRequest, plan) -> dict:
    partnership = plan.partnership
    return {
        "plan": plan,
        "partnership": partnership,
        "can_edit": plan.is_draft and access.can_edit_plans(request.user, partnership),
        "can_read_private": access.can_read_private(request.user, partnership),
    }


def _requested_amendment(request: HttpRequest) -> int | None:
    value = request.GET.get("tillaeg", "")
    return int(value) if value.isdigit() else None


def overview(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year, _requested_amendment(request))
    context = _plan_context(request, plan)
    visible = list(
        plan_access.visible_plans(request.user, plan.partnership).select_related("partnership")
    )
    activities = list(plan_activities(plan))
    history = plan_history(plan, activities)
    context.update(
        overview=build_overview(plan, activities, history),
        chapters=activities_by_chapter(activities),
        other_plans=[p for p in visible if p.year != plan.year],
        versions=[p for p in visible if p.year == plan.year],
        transitions=PLAN.steps(plan),
    )
    if context["can_read_private"]:
        context["related"] = related_links(plan)
        context.update(
            checks=run_checks(plan, activities, history),
            actions=[t.action for t in PLAN.available(request.user, plan)],
            can_start_next_year=plan_access.can_start_next_year(request.user, plan)
            and not any(p.year == plan.year + 1 for p in visible),
            can_amend=plan.is_frozen
            and access.can_edit_plans(request.user, plan.partnership)
            and plan == context["versions"][0],
            ended=services.plan_ended_activities(plan) if plan.is_draft else [],
        )
    return render(request, "plans/overview.html", context)


def activity_detail(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    activity = get_object_or_404(
        Activity.objects.select_related("description__parent", "description__focus_area"),
        plan=plan,
        key=key,
    )
    description = activity.description
    context = _plan_context(request, plan)
    covered = [activity]
    if description is not None:
        covered = list(
            description.activities.order_by("number").prefetch_related("budget_lines__funder")
        )
    keys = [activity.key] + ([description.key] if description else [])
    context.update(
        activity=activity,
        description=description,
        siblings=[other for other in covered if other.pk != activity.pk],
        covered=covered,
        economy=build_economy_table(covered, plan),
        lines=_budget_lines(plan, activity),
        history=AuditEntry.objects.visible_to(request.user)
        .filter(partnership=plan.partnership, activity_key__in=keys)
        .select_related("user", "plan", "content_type")
        .newest_first()[:50],
    )
    if description is not None:
        context.update(
            children=description.children.prefetch_related("deliverables", "results"),
            deliverables=description.deliverables.all(),
            results=description.results.all(),
            responsible=description.responsible_organisations.all(),
        )
    return render(request, "plans/activity_detail.html", context)


def _budget_lines(plan, activity) -> list:
    """The activity's lines: earlier years as their approved plans state them (read-only
    here), then this plan's own years."""
    own = list(activity.budget_lines.select_related("funder", "activity__plan"))
    history = plan_history(plan, [activity], with_gone=False)
    approved_years = set(history.sources)
    earlier = earlier_lines(plan, history).get(activity.key, [])
    lines = earlier + [
        line for line in own if line.year >= plan.year or line.year not in approved_years
    ]
    return sorted(lines, key=lambda line: (line.year, line.order, line.pk))


def theory_of_change(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    partnership = plan.partnership
    focus_areas = list(FocusArea.objects.filter(partnership=partnership))
    selected = request.GET.get("focus_area", "")
    activities = plan_activities(plan).prefetch_related("description__results")
    if selected.isdigit():
        activities = activities.filter(focus_areas__number=int(selected))
    results = list(
        Result.objects.filter(partnership=partnership).prefetch_related("effects", "descriptions")
    )
    context = _plan_context(request, plan)
    context.update(
        effects=partnership.effects.prefetch_related("results"),
        results=results,
        focus_areas=focus_areas,
        selected=selected,
        matrix=build_result_matrix(plan, results, activities),
        activities_by_result=_activities_by_result(plan, results),
    )
    template = "plans/_matrix.html" if request.headers.get("HX-Request") else "plans/theory.html"
    return render(request, template, context)


def _activities_by_result(plan, results) -> dict[int, list[Activity]]:
    by_description: dict[int, list[Activity]] = {}
    for activity in plan.activities.filter(description__isnull=False):
        by_description.setdefault(activity.description_id, []).append(activity)
    found = {}
    for result in results:
        found[result.pk] = [
            activity
            for description in result.descriptions.all()
            if description.plan_id == plan.pk
            for activity in by_description.get(description.pk, [])
        ]
    return found


# Editing a draft plan: working group, coordinator and city administrators.


@login_required
@amend_if_frozen
def activity_edit(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    activity = get_object_or_404(Activity, plan=plan, key=key)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid() and saved_or_explained(form, request):
        messages.success(request, _("Aktiviteten er gemt."))
        return redirect(activity)
    return render(
        request,
        "plans/edit.html",
        {
            **_plan_context(request, plan),
            "form": form,
            "title": _("Rediger aktivitet"),
            "back": activity,
        },
    )


@login_required
@amend_if_frozen
def budget_line_edit(
    request: HttpRequest, slug: str, year: int, key: str, pk: int | None = None
) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    activity = get_object_or_404(Activity, plan=plan, key=key)
    if pk is None:
        line = BudgetLine(activity=activity, year=plan.year, label=activity.name)
    else:
        line = get_object_or_404(BudgetLine, activity=activity, pk=pk)
        if line.year < plan.year:
            raise PermissionDenied(
                _("%(year)s er et tidligere år og ændres kun med et tillæg til den plan.")
                % {"year": line.year}
            )
    form = BudgetLineForm(request.POST or None, instance=line)
    if request.method == "POST" and form.is_valid() and saved_or_explained(form, request):
        total = plan.partnership_funds()
        messages.success(
            request,
            _("Budgetlinjen er gemt. Partnerskabsmidler i %(year)s i alt: %(total)s.")
            % {"year": plan.year, "total": format_kroner(total)},
        )
        return redirect(activity)
    title = _("Ny budgetlinje") if pk is None else _("Rediger budgetlinje")
    return render(
        request,
        "plans/edit.html",
        {
            **_plan_context(request, plan),
            "form": form,
            "title": title,
            "back": activity,
            "activity": activity,
        },
    )


@login_required
@require_POST
@amend_if_frozen
def budget_line_delete(request: HttpRequest, slug: str, year: int, key: str, pk: int):
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    line = get_object_or_404(BudgetLine, activity__plan=plan, activity__key=key, pk=pk)
    activity = line.activity
    services.budget_line_delete(line=line, user=request.user)
    messages.success(request, _("Budgetlinjen er slettet."))
    return redirect(activity)
