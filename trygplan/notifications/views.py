"""The user's choice of e-mails, the stop link of mails to people without an account, and the
coordinator's page (ask for figures, contacts for findings)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import access, recipients, services
from .forms import ContactsForm, FiguresRequestForm, PreferencesForm
from .models import OrganisationContact, Preference


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    kinds = recipients.kinds_for_user(request.user)
    turned_off = Preference.objects.turned_off(request.user)
    form = PreferencesForm(request.POST or None, kinds=kinds, turned_off=turned_off)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, kinds=kinds, enabled=form.enabled())
        messages.success(request, _("Dine valg er gemt."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, "kinds": kinds})


@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (a mail program may open links by itself); POST stops."""
    recipient = access.get_stop_recipient(token)
    if request.method == "POST":
        services.recipient_stop(recipient_key=recipient)
        return render(request, "notifications/stopped.html")
    return render(request, "notifications/stop.html")


def _figures_form(partnership, data=None) -> FiguresRequestForm:
    years = list(range(partnership.period_start, partnership.period_end + 2))
    organisations = recipients.reporting_organisations(partnership)
    initial = {"year": min(timezone.localdate().year, years[-1]), "organisations": organisations}
    return FiguresRequestForm(data, years=years, organisations=organisations, initial=initial)


def _contacts_form(partnership, data=None) -> ContactsForm:
    current = OrganisationContact.objects.for_partnership(partnership)
    return ContactsForm(
        data,
        organisations=recipients.contact_organisations(partnership),
        current=dict(current.values_list("organisation_id", "email")),
    )


def _page(request, partnership, *, figures=None, contacts=None, status=200) -> HttpResponse:
    context = {
        "partnership": partnership,
        "figures": figures or _figures_form(partnership),
        "contacts": contacts or _contacts_form(partnership),
    }
    return render(request, "notifications/coordinator.html", context, status=status)


@require_safe
def coordinator(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_coordinator(request.user, slug)
    return _page(request, partnership)


@require_POST
def figures_request(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_coordinator(request.user, slug)
    form = _figures_form(partnership, request.POST)
    if not form.is_valid():
        return _page(request, partnership, figures=form, status=400)
    made = services.figures_request(partnership=partnership, user=request.user, **form.cleaned_data)
    if made:
        messages.success(
            request, _("Der sendes %(count)s e-mail(s) til indberetterne.") % {"count": made}
        )
    else:
        messages.info(
            request, _("Der er ingen at sende til, eller der er allerede bedt om tallene i dag.")
        )
    return redirect("notifications:coordinator", slug=slug)


@require_POST
def contacts_save(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_coordinator(request.user, slug)
    form = _contacts_form(partnership, request.POST)
    if not form.is_valid():
        return _page(request, partnership, contacts=form, status=400)
    for organisation, email in form.addresses():
        services.contact_save(
            partnership=partnership, organisation=organisation, email=email, user=request.user
        )
    messages.success(request, _("Kontakterne for fund er gemt."))
    return redirect("notifications:coordinator", slug=slug)
