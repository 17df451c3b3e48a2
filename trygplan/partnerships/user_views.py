"""Who has which role in a partnership: the coordinator invites people by e-mail, changes
roles and removes access. Roles that single sign-on keeps are shown, not edited."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.accounts.models import ExternalIdentity
from trygplan.core.links import site_url

from . import access, services
from .forms import InviteForm, RoleForm
from .models import Membership

form_methods = require_http_methods(["GET", "HEAD", "POST"])


def _users_url(partnership) -> str:
    return reverse("partnerships:users", args=[partnership.slug])


def _membership(partnership, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user", "partnership"), partnership=partnership, pk=pk
    )


@login_required
@require_GET
def users(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    memberships = (
        Membership.objects.filter(partnership=partnership)
        .select_related("user")
        .annotate(sso=Exists(ExternalIdentity.objects.filter(user=OuterRef("user"))))
        .order_by("role", "user__first_name", "user__username")
    )
    managed = set(
        Membership.objects.from_identity_provider()
        .filter(partnership=partnership)
        .values_list("pk", flat=True)
    )
    context = {
        "partnership": partnership,
        "memberships": memberships,
        "managed": managed,
        "has_group_mappings": partnership.group_mappings.exists(),
    }
    return render(request, "partnerships/users.html", context)


@login_required
@form_methods
def user_invite(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, created = services.membership_invite(
                partnership=partnership,
                user=request.user,
                site_url=site_url(request),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            done = _("Invitationen er sendt til %(email)s.")
            if not created:
                done = _("%(email)s har fået adgang og besked på e-mail.")
            messages.success(request, done % {"email": membership.user.email})
            return redirect(_users_url(partnership))
    context = {"partnership": partnership, "form": form, "back_url": _users_url(partnership)}
    return render(request, "core/edit_page.html", context | INVITE_PAGE)


INVITE_PAGE = {
    "title": gettext_lazy("Inviter en bruger"),
    "intro": gettext_lazy(
        "Personen får en e-mail med et link til at vælge sin adgangskode. Har personen "
        "allerede en bruger i Trygplan, får den adgang til partnerskabet med det samme."
    ),
    "submit": gettext_lazy("Send invitation"),
}


@login_required
@form_methods
def membership_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    membership = _membership(partnership, pk)
    try:
        services.membership_require_hand_given(membership, request.user)
    except ValidationError as error:
        raise PermissionDenied(" ".join(error.messages)) from error
    form = RoleForm(request.POST or None, initial={"role": membership.role})
    if request.method == "POST" and form.is_valid():
        services.membership_change_role(
            membership=membership, role=form.cleaned_data["role"], user=request.user
        )
        messages.success(request, _("Rollen er gemt."))
        return redirect(_users_url(partnership))
    context = {
        "partnership": partnership,
        "form": form,
        "title": _("Rolle for %(name)s") % {"name": membership.user},
        "back_url": _users_url(partnership),
        "delete_url": reverse("partnerships:membership_remove", args=[slug, pk]),
        "delete_label": _("Fjern adgangen til partnerskabet"),
    }
    return render(request, "core/edit_page.html", context)


@login_required
@require_POST
def membership_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    membership = _membership(partnership, pk)
    try:
        services.membership_remove(membership=membership, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(name)s har ikke længere adgang.") % {"name": membership.user}
        )
    return redirect(_users_url(partnership))


@login_required
@require_POST
def invitation_resend(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    partnership = access.get_partnership_for_organisation(request.user, slug)
    membership = _membership(partnership, pk)
    try:
        services.invitation_resend(
            membership=membership, user=request.user, site_url=site_url(request)
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Invitationen er sendt igen til %(email)s.") % {"email": membership.user.email},
        )
    return redirect(_users_url(partnership))
