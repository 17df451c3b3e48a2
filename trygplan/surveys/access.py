"""Who may see and do what with the safety survey and the police/SSP figures.

- The multi-site (published surveys' estimates, the police and SSP figures as aggregates) is
  public and anonymous.
- The safety survey is the city's (Økonomiforvaltningen's Sikker By runs it for every
  district), not one partnership's: only a city administrator imports a survey file, sees a
  draft's estimates and publishes them. Nobody, a city administrator included, ever sees a
  respondent row through Trygplan.
- Police and SSP figures are delivered to a partnership: its coordinator (or a city
  administrator) records them and their revisions.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trygplan.partnerships import access as partnership_access
from trygplan.partnerships.models import Partnership, Role

from .models import StatisticSeries, Survey, SurveyUpload


def can_manage_surveys(user) -> bool:
    return partnership_access.is_city_admin(user)


def require_survey_manager(user) -> None:
    if not can_manage_surveys(user):
        if not user.is_authenticated:
            raise Http404
        raise PermissionDenied(_("Kun kommunens administratorer kan indlæse undersøgelser."))


def get_upload_for_mapping(user, pk: int) -> SurveyUpload:
    require_survey_manager(user)
    return get_object_or_404(SurveyUpload.private_objects, pk=pk, uploaded_by=user)


def get_survey_for_manage(user, year: int) -> Survey:
    require_survey_manager(user)
    return get_object_or_404(Survey.private_objects.select_related("district_set"), year=year)


def can_record_statistics(user, partnership: Partnership) -> bool:
    return partnership_access.is_city_admin(user) or (
        partnership_access.role_of(user, partnership) == Role.COORDINATOR
    )


def get_series_for_read(slug: str, key: str) -> StatisticSeries:
    partnership = partnership_access.get_partnership(slug)
    return get_object_or_404(
        StatisticSeries.objects.select_related("partnership"), partnership=partnership, key=key
    )


def get_series_for_record(user, slug: str, key: str) -> StatisticSeries:
    series = get_series_for_read(slug, key)
    if not can_record_statistics(user, series.partnership):
        if not user.is_authenticated:
            raise Http404
        raise PermissionDenied(_("Kun partnerskabets koordinator kan registrere tal."))
    return series
