"""The yearly cycle: next year's plan, a draft's settings and activities, approval,
amendments of approved plans, and the diff between two plans."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.lib.files import CONTENT_TYPES, Rendered, csv_bytes, download_response
from trygplan.partnerships import access

from . import access as plan_access
from . import services
from .diff import diff_table, plan_diff
from .forms import ApprovalForm, NewActivityForm, PlanSettingsForm, TransitionForm
from .models import Activity, Plan
from .workflow import PLAN

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def amend_if_frozen(view):
    """An edit of an approved plan leads to the amendment page, not to a silent change."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except plan_access.PlanFrozen as frozen:
            plan = frozen.plan
            return redirect("plans:frozen", plan.partnership.slug, plan.year)

    return wrapper


def saved_or_explained(form, request) -> bool:
    """Save a plan item's form; a refused save (stale, no longer a draft) becomes a form
    error that says why, and nothing is saved."""
    try:
        services.plan_item_save(form=form, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _edit_context(request, plan, **extra) -> dict:
    return {"plan": plan, "partnership": plan.partnership, "can_edit": True, **extra}


@login_required
@require_POST
def next_year_create(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    if not plan_access.can_start_next_year(request.user, plan):
        raise PermissionDenied(_("Kun arbejdsgruppen kan oprette næste års plan."))
    try:
        new_plan = services.plan_create_next_year(plan=plan, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(request, _("Kladden til %(title)s er oprettet.") % {"title": new_plan})
    return redirect(new_plan)


@login_required
@require_GET
def frozen(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """'The plan is approved. Changes need an amendment.' with a button that makes one."""
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    if not access.can_edit_plans(request.user, plan.partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan redigere tryghedsplanen."))
    if not plan.is_frozen:
        return redirect(plan)
    return render(request, "plans/frozen.html", _edit_context(request, plan, can_edit=False))


@login_required
@require_POST
def amendment_create(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    if not access.can_edit_plans(request.user, plan.partnership):
        raise PermissionDenied(_("Kun arbejdsgruppen kan redigere tryghedsplanen."))
    try:
        amendment = services.plan_create_amendment(plan=plan, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(plan)
    messages.success(
        request,
        _("Tillæg nr. %(n)s er oprettet som kladde. Det skal godkendes som planen.")
        % {"n": amendment.amendment},
    )
    return redirect(amendment.get_version_url())


@login_required
@form_methods
@amend_if_frozen
def plan_settings(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    form = PlanSettingsForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid() and saved_or_explained(form, request):
        messages.success(request, _("Planens indstillinger er gemt."))
        return redirect(plan)
    context = _edit_context(request, plan, form=form, title=_("Planens indstillinger"), back=plan)
    return render(request, "plans/edit.html", context)


@login_required
@form_methods
@amend_if_frozen
def activity_create(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    form = NewActivityForm(request.POST or None, instance=Activity(plan=plan))
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(form=form, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Aktiviteten er tilføjet som ny i %(y)s. Skriv nu dens beskrivelse.")
                % {"y": plan.year},
            )
            return redirect("plans:description_edit", slug, year, activity.description.key)
    context = _edit_context(request, plan, form=form, title=_("Ny aktivitet"), back=plan)
    return render(request, "plans/edit.html", context)


@login_required
@require_POST
@amend_if_frozen
def activity_delete(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    activity = get_object_or_404(Activity, plan=plan, key=key)
    services.activity_delete(activity=activity, user=request.user)
    messages.success(request, _("“%(name)s” er fjernet fra planen.") % {"name": activity.name})
    return redirect(plan)


def _transition_form(action: str, data):
    if action == "approve":
        return ApprovalForm(data)
    return TransitionForm(data, comment_required=PLAN.transition(action).comment_required)


def _take_step(request, plan, action: str, form):
    if action == "approve":
        return services.plan_approve(plan=plan, user=request.user, **form.cleaned_data)
    return services.plan_transition(
        plan=plan, user=request.user, action=action, **form.cleaned_data
    )


@login_required
@form_methods
def transition(request: HttpRequest, slug: str, year: int, action: str) -> HttpResponse:
    plan = plan_access.get_plan_for_read(request.user, slug, year)
    access.require_private(request.user, plan.partnership)
    if action not in PLAN:
        raise Http404
    if not PLAN.may(request.user, plan, action):
        raise PermissionDenied(str(PLAN.transition(action).refusal))
    form = _transition_form(action, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            plan = _take_step(request, plan, action, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Planen er nu: %(status)s.") % {"status": plan.get_status_display()}
            )
            return redirect(plan)
    title = PLAN.transition(action).label
    context = _edit_context(request, plan, form=form, title=title, action=action)
    return render(request, "plans/transition.html", context)


def _plan_by_code(user, partnership, code: str) -> Plan | None:
    """ "2016" (the original 2016 plan) or "2016-1" (amendment 1): one exact version."""
    year, _sep, amendment = (code or "").partition("-")
    if not year.isdigit() or (amendment and not amendment.isdigit()):
        return None
    plans = plan_access.visible_plans(user, partnership)
    return plans.versions_of(int(year), int(amendment or 0)).first()


def _compared_with(plans: list[Plan], new: Plan) -> Plan | None:
    """What a plan is compared with by default: an amendment with the version it amends, a
    plan with the previous year's newest approved version (else its newest version)."""
    if new.amendment and new.based_on_id:
        return next((p for p in plans if p.pk == new.based_on_id), None)
    earlier = [p for p in plans if p.year == new.year - 1]
    approved = [p for p in earlier if p.is_frozen]
    return (approved or earlier or [None])[0]


def _diff_plans(request: HttpRequest, slug: str):
    partnership = access.get_partnership(slug)
    plans = list(plan_access.visible_plans(request.user, partnership))
    old = _plan_by_code(request.user, partnership, request.GET.get("from", ""))
    new = _plan_by_code(request.user, partnership, request.GET.get("to", ""))
    if new is None and old is None and plans:
        new = plans[0]
    if old is None and new is not None and "from" not in request.GET:
        old = _compared_with(plans, new)
    return partnership, plans, old, new


@require_GET
def diff(request: HttpRequest, slug: str) -> HttpResponse:
    partnership, plans, old, new = _diff_plans(request, slug)
    context = {"partnership": partnership, "plans": plans, "old": old, "new": new}
    if old and new:
        query = f"from={old.version_code}&to={new.version_code}"
        context.update(
            diff=plan_diff(old, new),
            csv_url=f"{reverse('plans:diff_csv', args=[slug])}?{query}",
        )
    return render(request, "plans/diff.html", context)


@require_GET
def diff_download(request: HttpRequest, slug: str) -> HttpResponse:
    _partnership, _plans, old, new = _diff_plans(request, slug)
    if old is None or new is None:
        raise Http404(_("Vælg to planer at sammenligne."))
    header, rows = diff_table(plan_diff(old, new))
    filename = f"tryghedsplan-{old.version_code}-{new.version_code}-aendringer.csv"
    return download_response(Rendered(filename, CONTENT_TYPES["csv"], csv_bytes(header, rows)))
