"""The city's safety survey: published estimates only (`Estimate.public_objects`); below the
minimum number of answers the estimate and its interval are null, as on the pages."""

from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from trygplan.surveys.models import Estimate

from ..common import READ_ERRORS, page_of
from ..schemas import EstimatePage

router = Router(tags=["Tryghedsundersøgelsen"])


def estimate_out(estimate: Estimate) -> dict:
    hidden = estimate.is_suppressed
    return {
        "year": estimate.survey.year,
        "domain": estimate.domain.slug,
        "domain_name": estimate.domain.name,
        "question": estimate.question.key,
        "question_text": estimate.question.text,
        "statistic": estimate.statistic,
        "is_mean": estimate.is_mean,
        "estimate": None if hidden else estimate.estimate,
        "se": None if hidden else estimate.se,
        "ci_low": None if hidden else estimate.ci_low,
        "ci_high": None if hidden else estimate.ci_high,
        "n": estimate.n,
        "suppressed": hidden,
        "uncertain": estimate.is_uncertain,
    }


@router.get(
    "/survey-estimates",
    response={200: EstimatePage, **READ_ERRORS},
    summary=_("Tryghedsundersøgelsens estimater"),
    description=_(
        "Offentliggjorte andele og gennemsnit med 95 %-konfidensinterval. `area` er en bydel "
        "eller et særmålingsområde (dets kortnavn) eller et partnerskab."
    ),
)
def api_survey_estimates(
    request,
    year: int | None = Query(None, ge=1900, le=2200),
    area: str | None = None,
    question: str | None = None,
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(100, ge=1, le=200),
):
    estimates = Estimate.public_objects.select_related("survey", "domain", "question")
    if year:
        estimates = estimates.filter(survey__year=year)
    if area:
        estimates = estimates.filter(domain__slug=area) | estimates.filter(
            domain__partnership__slug=area
        )
    if question:
        estimates = estimates.filter(question__key=question)
    estimates = estimates.order_by("survey__year", "question__order", "domain__order", "pk")
    return page_of(request, estimates, page=page, page_size=page_size, serialise=estimate_out)
