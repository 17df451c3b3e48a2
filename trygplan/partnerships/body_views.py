"""Editing a partnership's bodies (steering group, working group, sub-working groups,
reference group) and their members: the coordinator's pages, linked from the organisation
page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services
from .forms import BodyForm, member_form_class
from .models import Body, BodyMember

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _back(partnership, body=None) -> str:
    url = reverse("partnerships:organisation", args=[partnership.slug])
    return f"{url}#body-{body.pk}" if body and body.pk else url


def _context(partnership, **extra) -> dict:
    return {"partnership": partnership, "back_url": _back(partnership), **extra}


def _saved(save, form, request) -> bool:
    try:
        save(form=form, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
@form_methods
def body_create(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    form = BodyForm(request.POST or None, instance=Body(partnership=partnership))
    if request.method == "POST" and form.is_valid() and _saved(services.body_save, form, request):
        messages.success(request, _("“%(name)s” er oprettet.") % {"name": form.instance.name})
        return redirect(_back(partnership, form.instance))
    context = _context(partnership, form=form, title=_("Nyt organ"))
    return render(request, "core/edit_page.html", context)


@login_required
@form_methods
def body_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    body = get_object_or_404(Body, partnership=partnership, pk=pk)
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid() and _saved(services.body_save, form, request):
        messages.success(request, _("“%(name)s” er gemt.") % {"name": body.name})
        return redirect(_back(partnership, body))
    seats = body.members.count()
    context = _context(
        partnership,
        form=form,
        title=_("Ret organ"),
        delete_url=reverse("partnerships:body_delete", args=[slug, pk]),
        delete_label=_("Slet organet og dets %(n)s medlemmer") % {"n": seats}
        if seats
        else _("Slet organet"),
    )
    return render(request, "core/edit_page.html", context)


@login_required
@require_POST
def body_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    body = get_object_or_404(Body, partnership=partnership, pk=pk)
    services.body_delete(body=body, user=request.user)
    messages.success(request, _("“%(name)s” er slettet.") % {"name": body.name})
    return redirect(_back(partnership))


@login_required
@form_methods
def member_create(request: HttpRequest, slug: str, body_pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    body = get_object_or_404(Body, partnership=partnership, pk=body_pk)
    form = member_form_class(body)(request.POST or None, instance=BodyMember(body=body))
    save = services.body_member_save
    if request.method == "POST" and form.is_valid() and _saved(save, form, request):
        messages.success(request, _("Medlemmet er tilføjet %(body)s.") % {"body": body.name})
        return redirect(_back(partnership, body))
    title = _("Nyt medlem af %(body)s") % {"body": body.name}
    return render(request, "core/edit_page.html", _context(partnership, form=form, title=title))


@login_required
@form_methods
def member_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    member = get_object_or_404(
        BodyMember.objects.select_related("body"), body__partnership=partnership, pk=pk
    )
    form = member_form_class(member.body)(request.POST or None, instance=member)
    save = services.body_member_save
    if request.method == "POST" and form.is_valid() and _saved(save, form, request):
        messages.success(request, _("Medlemmet er gemt."))
        return redirect(_back(partnership, member.body))
    context = _context(
        partnership,
        form=form,
        title=_("Ret medlem af %(body)s") % {"body": member.body.name},
        delete_url=reverse("partnerships:member_delete", args=[slug, pk]),
        delete_label=_("Fjern medlemmet fra %(body)s") % {"body": member.body.name},
    )
    return render(request, "core/edit_page.html", context)


@login_required
@require_POST
def member_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    member = get_object_or_404(
        BodyMember.objects.select_related("body"), body__partnership=partnership, pk=pk
    )
    services.body_member_delete(member=member, user=request.user)
    messages.success(request, _("Medlemmet er fjernet fra %(body)s.") % {"body": member.body.name})
    return redirect(_back(partnership, member.body))
