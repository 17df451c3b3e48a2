"""Operations on surveys and figures: import (all or nothing), estimate, publish, record.

Every change is recorded with `audit_record`; every operation checks who may do it.
"""

import math

import numpy as np
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record

from . import access, estimator, importer
from .models import (
    DistrictSet,
    Domain,
    Estimate,
    Question,
    Respondent,
    StatisticSeries,
    StatisticValue,
    Survey,
    SurveyUpload,
)

BATCH = 2000


def _source(by_command: bool) -> str:
    return AuditEntry.Source.COMMAND if by_command else AuditEntry.Source.WEB


class SurveyImportError(ValidationError):
    """The file or the mapping has problems: `messages` lists them (per row and column)."""


def survey_upload_create(*, user, filename: str, content: bytes) -> SurveyUpload:
    """Keep an uploaded file (privately) for the mapping step, once it can be read."""
    access.require_survey_manager(user)
    limit = settings.TRYGPLAN_SURVEY_MAX_UPLOAD_MB * 1024 * 1024
    if len(content) > limit:
        raise SurveyImportError(
            _("Filen er større end %(mb)s MB.") % {"mb": settings.TRYGPLAN_SURVEY_MAX_UPLOAD_MB}
        )
    try:
        importer.read_table(filename, content)
    except importer.FileError as error:
        raise SurveyImportError(str(error)) from error
    # an abandoned upload is replaced by the user's next one: no file lingers for long
    SurveyUpload.private_objects.filter(uploaded_by=user).delete()
    upload = SurveyUpload(filename=filename[:255], content=content, uploaded_by=user)
    upload.full_clean()
    upload.save()
    return upload


def _survey(*, year, district_set, mapping, filename, user, title, fieldwork, is_invented):
    survey = Survey(
        year=year,
        title=title or _("Københavns Tryghedsundersøgelse %(year)s") % {"year": year},
        district_set=district_set,
        fieldwork=fieldwork,
        filename=filename[:255],
        weight_column=mapping.weight,
        stratum_column=mapping.stratum,
        area_column=mapping.area,
        imported_by=user if getattr(user, "is_authenticated", False) else None,
        is_invented=is_invented,
    )
    survey.full_clean()
    survey.save()
    return survey


def _respondents(survey: Survey, parsed: importer.Parsed) -> int:
    keys = list(parsed.answers)
    batch = []
    for position, row in enumerate(parsed.rows):
        batch.append(
            Respondent(
                survey=survey,
                row=row,
                weight=parsed.weights[position],
                district=parsed.districts[position],
                area=parsed.areas[position],
                answers={key: parsed.answers[key][position] for key in keys},
            )
        )
        if len(batch) >= BATCH:
            Respondent.private_objects.bulk_create(batch)
            batch = []
    Respondent.private_objects.bulk_create(batch)
    return len(parsed.rows)


@transaction.atomic
def survey_import(
    *,
    user,
    table: importer.Table,
    mapping: importer.Mapping,
    year: int,
    district_set: DistrictSet,
    filename: str = "",
    title: str = "",
    fieldwork: str = "",
    replace: bool = False,
    is_invented: bool = False,
    by_command: bool = False,
) -> Survey:
    """Check every row, then save the survey, its questions, respondents and estimates, or
    nothing. `by_command`: run from `trygplan import-survey` by someone with the server."""
    if not by_command:
        access.require_survey_manager(user)
    parsed = importer.check(table, mapping, district_set)
    if not parsed.is_valid:
        messages = list(parsed.errors)
        if parsed.more_errors:
            messages.append(_("… og %(count)s fejl mere.") % {"count": parsed.more_errors})
        raise SurveyImportError(messages)
    existing = Survey.private_objects.filter(year=year).first()
    if existing and not replace:
        raise SurveyImportError(
            _("Der er allerede en undersøgelse for %(year)s. Vælg at erstatte den.")
            % {"year": year}
        )
    if existing:
        audit_record(
            user=user,
            obj=existing,
            action=AuditEntry.Action.DELETE,
            code="survey.replaced",
            source=_source(by_command),
        )
        existing.delete()
    survey = _survey(
        year=year,
        district_set=district_set,
        mapping=mapping,
        filename=filename,
        user=user,
        title=title,
        fieldwork=fieldwork,
        is_invented=is_invented,
    )
    for order, item in enumerate(mapping.questions):
        question = Question(
            survey=survey,
            key=item.key,
            column=item.column,
            text=item.text,
            scale=item.scale,
            headline=item.headline,
            order=order,
        )
        question.full_clean()
        question.save()
    survey.respondent_count = _respondents(survey, parsed)
    survey.save(update_fields=["respondent_count"])
    count = survey_estimate(survey=survey)
    audit_record(
        user=user,
        obj=survey,
        action=AuditEntry.Action.CREATE,
        code="survey.imported",
        changes={"respondent_count": [None, survey.respondent_count], "estimates": [None, count]},
        source=_source(by_command),
    )
    return survey


# ---- Estimates --------------------------------------------------------------------------


def _domain_masks(survey: Survey, districts: np.ndarray, areas: np.ndarray) -> dict:
    """Every domain of the survey's district set as a mask over its respondents."""
    domains = list(Domain.objects.filter(district_set=survey.district_set))
    map_members: dict[str, list[int]] = {}
    for domain in domains:
        if domain.kind == Domain.Kind.DISTRICT and domain.map_name:
            map_members.setdefault(domain.map_name, []).append(domain.pk)
    masks = {}
    for domain in domains:
        if domain.kind == Domain.Kind.CITY:
            masks[domain.pk] = np.ones(districts.size, dtype=bool)
        elif domain.kind == Domain.Kind.DISTRICT:
            masks[domain.pk] = districts == domain.pk
        elif domain.kind == Domain.Kind.AREA:
            masks[domain.pk] = areas == domain.pk
        else:
            masks[domain.pk] = np.isin(districts, map_members.get(domain.map_name, []))
    return masks


def _items(questions, answers: dict[str, list]) -> list[estimator.Item]:
    items = []
    for question in questions:
        scale = question.scale
        statistics = [estimator.Statistic(str(value), (value,)) for value in scale.values]
        statistics += [
            estimator.Statistic(group["key"], tuple(group["values"])) for group in scale.groups
        ]
        if scale.has_mean:
            statistics.append(estimator.Statistic("mean", mean=True))
        column = np.array(
            [np.nan if value is None else value for value in answers[question.key]],
            dtype=np.float64,
        )
        items.append(estimator.Item(question.key, column, tuple(scale.values), statistics))
    return items


def _number(value: float) -> float | None:
    return None if value is None or math.isnan(value) or math.isinf(value) else value


@transaction.atomic
def survey_estimate(*, survey: Survey) -> int:
    """(Re)compute and store every estimate of the survey from its respondents."""
    questions = list(survey.questions.select_related("scale"))
    rows = list(
        Respondent.private_objects.filter(survey=survey).values_list(
            "weight", "district_id", "area_id", "answers"
        )
    )
    weights = np.array([row[0] for row in rows], dtype=np.float64)
    districts = np.array([row[1] for row in rows], dtype=np.int64)
    areas = np.array([row[2] or 0 for row in rows], dtype=np.int64)
    answers = {q.key: [row[3].get(q.key) for row in rows] for q in questions}
    # each særmåling area is a stratum of its own inside its district
    strata = np.where(areas > 0, areas, districts)
    design = estimator.Design(weights, strata, _domain_masks(survey, districts, areas))
    by_key = {question.key: question for question in questions}
    Estimate.private_objects.filter(survey=survey).delete()
    made = [
        Estimate(
            survey=survey,
            domain_id=result.domain,
            question=by_key[result.item],
            statistic=result.statistic,
            is_mean=result.is_mean,
            estimate=_number(result.estimate),
            se=_number(result.se),
            ci_low=_number(result.ci_low),
            ci_high=_number(result.ci_high),
            cv=_number(result.cv),
            n=result.n,
            df=result.df,
            single_strata=result.single_strata,
        )
        for result in estimator.estimate(design, _items(questions, answers))
        if result.n > 0
    ]
    Estimate.private_objects.bulk_create(made, batch_size=BATCH)
    return len(made)


@transaction.atomic
def survey_publish(*, survey: Survey, user, by_command: bool = False) -> Survey:
    if not by_command:
        access.require_survey_manager(user)
    if survey.is_published:
        raise ValidationError(_("Undersøgelsen er allerede offentliggjort."))
    survey.status = Survey.Status.PUBLISHED
    survey.published_at = timezone.now()
    survey.full_clean()
    survey.save(update_fields=["status", "published_at"])
    audit_record(
        user=user,
        obj=survey,
        action=AuditEntry.Action.TRANSITION,
        code="survey.published",
        changes={"status": [Survey.Status.DRAFT, Survey.Status.PUBLISHED]},
        source=_source(by_command),
    )
    return survey


# ---- Police and SSP figures ---------------------------------------------------------------


@transaction.atomic
def statistic_value_record(
    *,
    series: StatisticSeries,
    year: int,
    quarter: int,
    value: int,
    status: str,
    note: str = "",
    user,
) -> StatisticValue:
    """A period's figure: the first, or a revision (the earlier figures are kept)."""
    if not access.can_record_statistics(user, series.partnership):
        raise PermissionDenied(_("Kun partnerskabets koordinator kan registrere tal."))
    if series.period == StatisticSeries.Period.QUARTER and not 1 <= quarter <= 4:
        raise ValidationError({"quarter": _("Serien har tal pr. kvartal: vælg kvartal 1-4.")})
    if series.period == StatisticSeries.Period.YEAR and quarter:
        raise ValidationError({"quarter": _("Serien har tal pr. år: vælg intet kvartal.")})
    earlier = (
        StatisticValue.objects.select_for_update()
        .filter(series=series, year=year, quarter=quarter)
        .order_by("-revision")
        .first()
    )
    if earlier and earlier.is_final and status == StatisticValue.Status.PROVISIONAL:
        raise ValidationError({"status": _("Et endeligt tal kan ikke blive foreløbigt igen.")})
    if earlier and earlier.is_final and not note.strip():
        raise ValidationError({"note": _("Skriv hvorfor et endeligt tal revideres.")})
    figure = StatisticValue(
        series=series,
        year=year,
        quarter=quarter,
        value=value,
        status=status,
        note=note,
        revision=(earlier.revision + 1) if earlier else 1,
        recorded_by=user,
    )
    figure.full_clean()
    figure.save()
    audit_record(
        user=user,
        obj=figure,
        action=AuditEntry.Action.CREATE,
        code="statisticvalue.revised" if earlier else "statisticvalue.recorded",
        partnership=series.partnership,
        changes={"value": [earlier.value if earlier else None, value]},
        reason=note,
    )
    return figure
