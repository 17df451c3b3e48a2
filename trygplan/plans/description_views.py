"""Writing an activity's whole description in a draft: every field of the seed's activity
sections, its typed deliverables and its sub-activities, without the Django admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access as plan_access
from . import services
from .cycle_views import amend_if_frozen
from .description_forms import DeliverableFormSet, DescriptionForm, SubActivityForm
from .models import ActivityDescription


def _back(description):
    shown = description.activities.first() or (
        description.parent.activities.first() if description.parent_id else None
    )
    return shown or description.plan


def _save(form, deliverables, request) -> bool:
    if not form.is_valid() or (deliverables.is_bound and not deliverables.is_valid()):
        return False
    try:
        with transaction.atomic():
            services.description_save(form=form, deliverables=deliverables, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@amend_if_frozen
def description_edit(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    description = get_object_or_404(
        ActivityDescription.objects.select_related("plan__partnership", "parent"),
        plan=plan,
        key=key,
    )
    data = request.POST if request.method == "POST" else None
    form = DescriptionForm(data, instance=description)
    # A post without the deliverables part (an older page, a script) leaves them as they are.
    sent = data is not None and "deliverables-TOTAL_FORMS" in data
    deliverables = DeliverableFormSet(
        data if sent else None, instance=description, prefix="deliverables"
    )
    if request.method == "POST" and _save(form, deliverables, request):
        messages.success(request, _("Beskrivelsen er gemt."))
        return redirect(_back(description))
    context = {
        "plan": plan,
        "partnership": plan.partnership,
        "can_edit": True,
        "description": description,
        "form": form,
        "deliverables": deliverables,
        "children": description.children.all(),
        "subactivity_form": SubActivityForm(parent=description),
        "back": _back(description),
    }
    return render(request, "plans/description_edit.html", context)


@login_required
@require_POST
@amend_if_frozen
def subactivity_create(request: HttpRequest, slug: str, year: int, key: str) -> HttpResponse:
    plan = plan_access.get_plan_for_edit(request.user, slug, year)
    parent = get_object_or_404(ActivityDescription, plan=plan, key=key)
    form = SubActivityForm(request.POST, parent=parent)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("plans:description_edit", slug, year, key)
    child = services.subactivity_create(
        parent=parent, title=form.cleaned_data["title"], key=form.key, user=request.user
    )
    messages.success(request, _("Delaktiviteten er oprettet. Skriv dens beskrivelse her."))
    return redirect("plans:description_edit", slug, year, child.key)
