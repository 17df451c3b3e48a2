"""Pool pages: public pages and the application form, the applicant's link, case handling,
money, the recommendation to the steering group and the exports."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trygplan.documents.background import document_response
from trygplan.lib.files import download_response
from trygplan.partnerships import access as partnership_access
from trygplan.walks import access as walk_access
from trygplan.walks import report as walk_report

from . import access, reports, services
from .chart import build_draw
from .forms import (
    AmendForm,
    ApplicationForm,
    ExpenseForm,
    GrantForm,
    ReasonForm,
    RecommendationForm,
    TransitionForm,
)
from .models import Application, Attachment, Expense, Grant, Pool, Recommendation
from .models.pool import with_allocations
from .workflow import APPLICATION


def _context(request, partnership, **extra) -> dict:
    return {
        "partnership": partnership,
        "can_read": access.can_read(request.user, partnership),
        "can_manage": access.can_manage(request.user, partnership),
        **extra,
    }


@require_GET
def index(request: HttpRequest, slug: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    pools = access.visible_pools(request.user, partnership).in_plan_order().with_money()
    rows = [(pool, pool.balance()) for pool in with_allocations(list(pools))]
    years = sorted({pool.year for pool in pools}, reverse=True)
    return render(
        request, "pools/index.html", _context(request, partnership, rows=rows, years=years)
    )


@require_GET
def pool_public(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    pool = access.get_public_pool(request.user, slug, year, kind)
    funded = (
        Grant.public_objects.filter(pool=pool)
        .select_related("application")
        .order_by("decided_on", "pk")
    )
    context = _context(request, pool.partnership, pool=pool, balance=pool.balance(), funded=funded)
    # what the money fixed: the public findings each grant paid for (walks module)
    context["fixed"] = walk_report.findings_by_grant(
        walk_access.visible_findings(request.user, pool.partnership, public_only=True), funded
    )
    return render(request, "pools/pool.html", context)


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    pool = access.get_pool_for_applications(slug, year, kind)
    form = ApplicationForm(request.POST or None, request.FILES or None, pool=pool)
    if request.method == "POST" and form.is_valid():
        try:
            application, created = services.application_submit(
                pool=pool,
                data=form.model_data(),
                lines=form.lines,
                files=form.cleaned_data["attachments"],
                submission_key=form.cleaned_data["submission_key"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if created:
                messages.success(request, _("Tak! Vi har modtaget din ansøgning."))
            return redirect(application.get_applicant_url())
    context = _context(request, pool.partnership, pool=pool, form=form)
    return render(request, "pools/apply.html", context)


@require_http_methods(["GET", "POST"])
def applicant(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The applicant's own page, reached only through the private link."""
    application = access.get_application_for_applicant(slug, token)
    form = None
    if application.awaits_applicant:
        form = AmendForm(request.POST or None, instance=application)
        if request.method == "POST" and form.is_valid():
            services.application_amend(application=application, form=form)
            messages.success(request, _("Tak! Arbejdsgruppen ser på din ansøgning igen."))
            return redirect(application.get_applicant_url())
    elif request.method == "POST":
        return HttpResponse(status=405)
    context = _context(
        request,
        application.pool.partnership,
        application=application,
        form=form,
        transitions=APPLICATION.steps(application),
        lines=application.lines.all(),
        grant=Grant.private_objects.filter(application=application).first(),
        can_withdraw=application.status in Application.UNDECIDED,
    )
    response = render(request, "pools/applicant.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
def applicant_withdraw(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    application = access.get_application_for_applicant(slug, token)
    try:
        services.application_withdraw_by_applicant(application=application)
        messages.success(request, _("Ansøgningen er trukket tilbage."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(application.get_applicant_url())


@require_GET
def manage(request: HttpRequest, slug: str, year: int, kind: str) -> HttpResponse:
    pool = access.get_pool_for_read(request.user, slug, year, kind)
    balance = pool.balance()
    grants = Grant.private_objects.for_pool(pool).select_related("application").with_spent()
    context = _context(
        request,
        pool.partnership,
        pool=pool,
        balance=balance,
        draw=build_draw(pool, balance.allocation),
        applications=Application.private_objects.for_pool(pool).with_totals(),
        grants=grants,
        expenses=Expense.private_objects.filter(grant__pool=pool).select_related(
            "grant__application"
        ),
    )
    return render(request, "pools/manage.html", context)


@require_GET
def application_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = access.get_application_for_read(request.user, slug, pk)
    partnership = application.pool.partnership
    grant = Grant.private_objects.filter(application=application).with_spent().first()
    context = _context(
        request,
        partnership,
        application=application,
        pool=application.pool,
        lines=application.lines.all(),
        attachments=application.attachments.all(),
        transitions=APPLICATION.steps(application),
        grant=grant,
        expenses=grant.expenses.all() if grant else [],
        fixed=walk_access.visible_findings(request.user, partnership).paid_by([grant])
        if grant
        else [],
        next_steps=services.allowed_steps(request.user, application),
        can_fast_track=grant is None and APPLICATION.can(request.user, application, "fast_track"),
        transition_form=TransitionForm(),
    )
    return render(request, "pools/application.html", context)


@require_POST
def application_transition(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = access.get_application_for_manage(request.user, slug, pk)
    form = TransitionForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Ukendt status."))
        services.application_transition(
            application=application,
            to=form.cleaned_data["to"],
            user=request.user,
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("Sagen er opdateret."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(application.get_absolute_url())


@require_http_methods(["GET", "POST"])
def application_grant(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    application = access.get_application_for_read(request.user, slug, pk)
    partnership = application.pool.partnership
    fast_track = request.GET.get("fast") == "1" and application.pool.is_acute
    if not (fast_track and access.can_fast_track(request.user, partnership)):
        access.require_manage(request.user, partnership)
    form = GrantForm(request.POST or None, application=application)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_create(
                application=application,
                user=request.user,
                fast_track=fast_track,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error("amount", error)
        else:
            messages.success(request, _("Bevillingen er registreret."))
            return redirect(application.get_absolute_url())
    context = _context(
        request,
        partnership,
        application=application,
        pool=application.pool,
        balance=application.pool.balance(),
        form=form,
        fast_track=fast_track,
    )
    return render(request, "pools/grant_form.html", context)


@require_POST
def grant_ratify(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    grant = access.get_grant_for_manage(request.user, slug, pk)
    try:
        services.grant_ratify(grant=grant, user=request.user)
        messages.success(request, _("Hastebevillingen er godkendt af arbejdsgruppen."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(grant.application.get_absolute_url())


@require_POST
def grant_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    grant = access.get_grant_for_manage(request.user, slug, pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Skriv hvorfor bevillingen annulleres."))
        services.grant_cancel(grant=grant, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Bevillingen er annulleret; resten er frigivet til puljen."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(grant.application.get_absolute_url())


@require_http_methods(["GET", "POST"])
def expense_new(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    grant = access.get_grant_for_manage(request.user, slug, pk)
    form = ExpenseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.expense_add(grant=grant, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error("amount", error)
        else:
            messages.success(request, _("Udgiften er registreret."))
            return redirect(grant.application.get_absolute_url())
    context = _context(request, grant.pool.partnership, grant=grant, pool=grant.pool, form=form)
    return render(request, "pools/expense_form.html", context)


def _file_response(field, name: str) -> FileResponse:
    if not field:
        raise Http404
    response = FileResponse(field.open("rb"), as_attachment=True, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def attachment_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    partnership = partnership_access.get_partnership(slug)
    access.require_read(request.user, partnership)
    attachment = get_object_or_404(Attachment, application__pool__partnership=partnership, pk=pk)
    return _file_response(attachment.file, attachment.original_name)


@require_GET
def receipt_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    expense = access.get_expense_for_read(request.user, slug, pk)
    suffix = PurePath(expense.receipt.name).suffix
    return _file_response(expense.receipt, f"{_('kvittering')}-{expense.pk}{suffix}")


def _period(period: str) -> str:
    if period not in Recommendation.Period.values:
        raise Http404
    return period


@require_http_methods(["GET", "POST"])
def recommendation(request: HttpRequest, slug: str, year: int, period: str) -> HttpResponse:
    """The recommendation to the steering group: members read, the working group writes."""
    partnership = partnership_access.get_partnership(slug)
    access.require_read(request.user, partnership)
    if request.method == "POST":
        access.require_manage(request.user, partnership)
        pool = get_object_or_404(
            Pool, partnership=partnership, year=year, kind=request.POST.get("kind")
        )
        form = RecommendationForm(request.POST)
        if form.is_valid():
            services.recommendation_save(
                pool=pool,
                period=_period(period),
                proposal=form.cleaned_data["proposal"],
                user=request.user,
            )
            messages.success(request, _("Forslaget er gemt."))
        return redirect(request.path)
    data = reports.recommendation_data(partnership=partnership, year=year, period=_period(period))
    for section in data["sections"]:
        section["form"] = RecommendationForm(instance=section["recommendation"])
    context = {**_context(request, partnership), **data}
    return render(request, "pools/recommendation.html", context)


@require_GET
def recommendation_download(
    request: HttpRequest, slug: str, year: int, period: str, fmt: str
) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    access.require_read(request.user, partnership)
    if fmt not in ("pdf", "docx"):
        raise Http404
    params = {"partnership": partnership.pk, "year": year, "period": _period(period), "fmt": fmt}
    return document_response(request, kind="pool_recommendation", params=params, frozen=False)


@require_GET
def export(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    partnership = partnership_access.get_partnership(slug)
    access.require_read(request.user, partnership)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rendered = reports.export(
        partnership=partnership,
        year=year,
        with_contacts=access.can_manage(request.user, partnership),
        kind=fmt,
    )
    return download_response(rendered)
