"""The working group's pages for a pool's settings, and for opening a pool by hand for an
activity of a year's plan (a partnership's first year has no pools to carry over)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trygplan.partnerships import access as partnership_access
from trygplan.plans.models import Plan

from . import access, services
from .models import Pool
from .settings_forms import PoolCreateForm, PoolSettingsForm

form_methods = require_http_methods(["GET", "HEAD", "POST"])


@login_required
@form_methods
def pool_settings(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    pool = access.get_pool_for_read(request.user, slug, year, kind)
    access.require_manage(request.user, pool.partnership)
    form = PoolSettingsForm(request.POST or None, instance=pool)
    if request.method == "POST" and form.is_valid():
        try:
            services.pool_settings_save(form=form, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Puljens indstillinger er gemt."))
            return redirect(pool.get_manage_url())
    context = {
        "partnership": pool.partnership,
        "form": form,
        "title": _("Indstillinger for %(pool)s") % {"pool": pool},
        "back_url": pool.get_manage_url(),
    }
    return render(request, "core/edit_page.html", context)


def _year_and_plan(partnership, wanted: str) -> tuple[list[int], Plan]:
    """The partnership's plan years (newest first) and the newest version of the chosen one."""
    plans = Plan.private_objects.filter(partnership=partnership)
    years = sorted(set(plans.values_list("year", flat=True)), reverse=True)
    if not years:
        raise Http404(_("Partnerskabet har ingen tryghedsplan, som en pulje kan høre til."))
    year = int(wanted) if wanted.isdigit() and int(wanted) in years else years[0]
    return years, plans.versions_of(year).first()


@login_required
@form_methods
def pool_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    access.require_manage(request.user, partnership)
    years, plan = _year_and_plan(partnership, request.GET.get("aar", ""))
    pool = Pool(partnership=partnership, year=plan.year)
    form = PoolCreateForm(request.POST or None, instance=pool, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            pool = services.pool_create(form=form, plan=plan, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(pool)s er oprettet.") % {"pool": pool})
            return redirect(pool.get_manage_url())
    context = {
        "partnership": partnership,
        "form": form,
        "plan": plan,
        "years": years,
        "title": _("Opret pulje"),
        "back_url": reverse("pools:index", args=[slug]),
        "form_action": f"{request.path}?aar={plan.year}",
    }
    return render(request, "pools/pool_create.html", context)
