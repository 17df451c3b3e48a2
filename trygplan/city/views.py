"""Sikker By: the city overview of every partnership, and setting partnerships up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from trygplan.core.links import site_url
from trygplan.lib.files import CONTENT_TYPES, Rendered, download_response, xlsx_bytes
from trygplan.partnerships import access as partnership_access
from trygplan.partnerships import services as partnership_services
from trygplan.partnerships import setup

from . import access, presentation
from .forms import InvitationForm, OverviewFilterForm, PartnershipForm
from .overview import build_city_overview, districts, plan_years

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _overview(request):
    reader = access.city_reader(request.user)
    years = plan_years(reader)
    form = OverviewFilterForm(
        request.GET or None, years=years, districts=[n for n, _g, _b in districts()]
    )
    year, district = form.values()
    return reader, form, build_city_overview(reader, year=year, district=district, years=years)


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    reader, form, city = _overview(request)
    context = {
        "form": form,
        "city": city,
        "map": presentation.city_map(city),
        "reader": reader,
        "can_create": partnership_access.is_city_admin(request.user),
        "query": request.GET.urlencode(),
    }
    return render(request, "city/overview.html", context)


@require_GET
def overview_xlsx(request: HttpRequest) -> HttpResponse:
    _reader, _form, city = _overview(request)
    header, rows = presentation.table(city)
    name = _("Sikker By %(year)s") % {"year": city.year or ""}
    content = xlsx_bytes([(name, header, rows)])
    return download_response(Rendered(f"{name}.xlsx", CONTENT_TYPES["xlsx"], content))


@require_GET
def to_overview(request: HttpRequest) -> HttpResponse:
    """/oversigt/ and /p/ lead to the city overview."""
    return redirect("city:overview", permanent=False)


@login_required
@form_methods
def partnership_create(request: HttpRequest) -> HttpResponse:
    access.require_city_admin(request.user)
    form = PartnershipForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            partnership = setup.partnership_create(
                user=request.user,
                fields=form.partnership_fields(),
                parties=list(form.cleaned_data["parties"]),
                new_parties=form.cleaned_data["new_parties"],
                bodies=form.cleaned_data["bodies"],
                copy_from=form.cleaned_data["copy_from"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s er oprettet.") % {"name": partnership})
            return redirect("city:partnership_setup", partnership.slug)
    return render(request, "city/partnership_form.html", {"form": form})


@login_required
@form_methods
def partnership_setup(request: HttpRequest, slug: str) -> HttpResponse:
    """The partnership's people: who has which role, and an invitation form."""
    partnership = partnership_access.get_partnership(slug)
    access.require_invite(request.user, partnership)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, _created = partnership_services.membership_invite(
                partnership=partnership,
                user=request.user,
                site_url=site_url(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(email)s er inviteret.") % {"email": membership.user.email}
            )
            return redirect("city:partnership_setup", partnership.slug)
    context = {
        "partnership": partnership,
        "form": form,
        "memberships": partnership.memberships.select_related("user").order_by("role", "pk"),
    }
    return render(request, "city/partnership_setup.html", context)
