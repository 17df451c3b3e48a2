"""What a token's user does as themselves: who am I, a partner's submissions of indicator
values (into their organisation's draft, then sent to the coordinator) and deliverable
progress. Each goes through the follow-up module's own access helpers and services, so the
rules (and the audit trail) are the pages'."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Status

from trygplan.followup import access as followup_access
from trygplan.followup import services
from trygplan.followup.forms import ProgressForm
from trygplan.followup.models import Indicator, Reporter, Submission
from trygplan.followup.workflow import SUBMISSION
from trygplan.partnerships import access as partnership_access
from trygplan.plans import access as plan_access
from trygplan.plans.models import Deliverable

from ..auth import TokenAuth
from ..common import ERRORS, READ_ERRORS, absolute, page_of, partnerships_for, user_of
from ..schemas import (
    MeOut,
    ProgressIn,
    ProgressOut,
    SubmissionIn,
    SubmissionOut,
    SubmissionPage,
    ValuesIn,
)
from .followup import shown_value

router = Router(tags=["Indberetning (med nøgle)"], auth=TokenAuth())


@router.get(
    "/me",
    response={200: MeOut, **READ_ERRORS},
    summary=gettext_lazy("Mig"),
    description=gettext_lazy("Nøglens bruger, roller og hvem brugeren indberetter for."),
)
def api_me(request):
    user = user_of(request)
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "is_city_admin": partnership_access.is_city_admin(user),
        "memberships": [
            {"partnership": m.partnership.slug, "role": m.role}
            for m in user.memberships.select_related("partnership")
        ],
        "reports_for": [
            {"partnership": r.partnership.slug, "organisation": r.organisation.short_name}
            for r in Reporter.objects.filter(user=user).select_related(
                "partnership", "organisation"
            )
        ],
    }


def submission_out(request, submission: Submission) -> dict:
    values = submission.values.select_related("indicator").order_by("indicator__order", "pk")
    return {
        "id": submission.pk,
        "partnership": submission.partnership.slug,
        "organisation": submission.organisation.short_name,
        "year": submission.year,
        "status": submission.status,
        "status_label": submission.get_status_display(),
        "values": [
            {
                "indicator": value.indicator.key,
                **shown_value(value.indicator, value.value),
                "quality": value.quality,
                "note": value.note,
            }
            for value in values
        ],
        "url": absolute(request, submission.get_absolute_url()),
    }


@router.get(
    "/submissions",
    response={200: SubmissionPage, **READ_ERRORS},
    summary=gettext_lazy("Indberetninger"),
    description=gettext_lazy("Partnerskabets indberetninger, som medlemmerne ser dem."),
)
def api_submissions(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    user = user_of(request)
    readable = [p for p in partnerships_for(area) if followup_access.can_read_private(user, p)]
    submissions = Submission.private_objects.filter(partnership__in=readable).select_related(
        "partnership", "organisation"
    )
    if year:
        submissions = submissions.filter(year=year)
    submissions = submissions.order_by("partnership__slug", "year", "organisation__name")
    return page_of(
        request,
        submissions,
        page=page,
        page_size=page_size,
        serialise=lambda s: submission_out(request, s),
    )


@router.post(
    "/submissions",
    response={200: SubmissionOut, 201: SubmissionOut, **ERRORS},
    summary=gettext_lazy("Åbn indberetningen for et år"),
    description=gettext_lazy(
        "Organisationens kladde for året (oprettes, hvis den ikke findes). Kun "
        "organisationens indberettere."
    ),
)
def api_submission_open(request, data: SubmissionIn):
    user = user_of(request)
    partnership = followup_access.get_partnership_for_members(user, data.area)
    organisation = followup_access.reporter_organisation(user, partnership)
    if organisation is None:
        raise PermissionDenied(_("Du indberetter ikke for en organisation i partnerskabet."))
    if not partnership.period_start <= data.year <= partnership.period_end + 1:
        raise ValidationError({"year": [_("Året ligger uden for partnerskabets periode.")]})
    submission = Submission.private_objects.filter(
        partnership=partnership, organisation=organisation, year=data.year
    ).first()
    if submission is not None:
        return Status(200, submission_out(request, submission))
    submission = services.submission_create(
        partnership=partnership, organisation=organisation, year=data.year, user=user
    )
    return Status(201, submission_out(request, submission))


def _submission(user, submission_id: int, *, edit: bool) -> Submission:
    submission = get_object_or_404(
        Submission.private_objects.select_related("partnership"), pk=submission_id
    )
    get = (
        followup_access.get_submission_for_edit if edit else followup_access.get_submission_for_read
    )
    return get(user, submission.partnership.slug, submission.pk)


@router.put(
    "/submissions/{submission_id}/values",
    response={200: SubmissionOut, **ERRORS},
    summary=gettext_lazy("Gem værdier i en kladde"),
    description=gettext_lazy(
        "Alle rækker gemmes, eller ingen. En endelig værdi ændres kun med en "
        "begrundelse (`reason`)."
    ),
)
def api_submission_values(request, submission_id: int, data: ValuesIn):
    user = user_of(request)
    submission = _submission(user, submission_id, edit=True)
    typed = {
        indicator.key: indicator
        for indicator in Indicator.objects.filter(
            partnership=submission.partnership,
            reported_by=submission.organisation,
            statistic_series__isnull=True,
        )
    }
    rows, errors = [], {}
    for number, row in enumerate(data.values):
        indicator = typed.get(row.indicator)
        if indicator is None:
            errors[f"values.{number}.indicator"] = [
                _("Ukendt indikator for organisationen: %(key)s") % {"key": row.indicator[:80]}
            ]
        elif row.quality not in ("provisional", "final"):
            errors[f"values.{number}.quality"] = [_("Status skal være provisional eller final.")]
        else:
            rows.append(
                {
                    "indicator": indicator.pk,
                    "value": row.value,
                    "quality": row.quality,
                    "note": row.note,
                }
            )
    if errors:
        raise ValidationError(errors)
    services.submission_values_save(submission=submission, rows=rows, user=user, reason=data.reason)
    return submission_out(request, submission)


@router.post(
    "/submissions/{submission_id}/submit",
    response={200: SubmissionOut, **ERRORS},
    summary=gettext_lazy("Send indberetningen til koordinatoren"),
    description=gettext_lazy("Koordinatoren godkender den derefter på siderne."),
)
def api_submission_submit(request, submission_id: int):
    user = user_of(request)
    submission = _submission(user, submission_id, edit=False)
    if not SUBMISSION.may(user, submission, "submit"):
        raise PermissionDenied(str(SUBMISSION.transition("submit").refusal))
    submission = services.submission_transition(submission=submission, action="submit", user=user)
    return submission_out(request, submission)


@router.post(
    "/deliverables/{deliverable_id}/progress",
    response={201: ProgressOut, **ERRORS},
    summary=gettext_lazy("Registrér fremdrift på en leverance"),
    description=gettext_lazy(
        "Hvad aktiviteten leverede på en dato (en tilvækst, ikke en løbende sum). Kun "
        "koordinator og arbejdsgruppe; leverancens id står i planen."
    ),
)
def api_progress_add(request, deliverable_id: int, data: ProgressIn):
    user = user_of(request)
    deliverable = get_object_or_404(
        Deliverable.objects.select_related("description__plan__partnership"), pk=deliverable_id
    )
    plan = deliverable.description.plan
    slug = plan.partnership.slug
    plan_access.get_plan_for_read(user, slug, plan.year)
    followup_access.get_partnership_for_recording(user, slug)
    form = ProgressForm(
        {"deliverable": deliverable.pk, "date": data.date, "count": data.count, "note": data.note},
        plan=plan,
    )
    if not form.is_valid():
        raise ValidationError(form.errors)
    entry = services.progress_add(form=form, user=user)
    return Status(
        201,
        {
            "id": entry.pk,
            "deliverable": deliverable.pk,
            "date": entry.date,
            "count": entry.count,
            "note": entry.note,
        },
    )
