"""Events, indicators and their values: public once the partnership's follow-up is (a plan is
published), members also see internal events and unapproved values, as on the pages. Small
numbers are hidden by the pages' own rules (`Event.attendance_shown`,
`followup.reports.shown_value`, `indicator_years`)."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router

from trygplan.followup import access as followup_access
from trygplan.followup import reports
from trygplan.followup.exports import indicator_value_rows
from trygplan.followup.models import Event, Indicator
from trygplan.lib.small_numbers import small_label

from ..common import READ_ERRORS, absolute, page_of, partnerships_for, user_of
from ..schemas import EventPage, IndicatorDetailOut, IndicatorPage, IndicatorValuePage

router = Router(tags=["Opfølgning"])


def followup_partnerships(user, area) -> list:
    """The partnerships whose follow-up this user may read (`followup.access`)."""
    readable = []
    for partnership in partnerships_for(area):
        try:
            readable.append(followup_access.get_partnership_for_read(user, partnership.slug))
        except Http404:
            if area:
                raise
    return readable


def shown_count(cell) -> dict:
    """A cell as `attendance_shown` gives it: a number, or "<5" / "×"."""
    if isinstance(cell, int):
        return {"count": int(cell), "shown": str(cell)}
    return {"count": None, "shown": str(cell) if cell is not None else "0"}


def event_out(request, event: Event) -> dict:
    cells, total = event.attendance_shown()
    rows = list(event.attendance.all())
    url = reverse("followup:events", args=[event.partnership.slug]) + f"#event-{event.pk}"
    return {
        "id": event.pk,
        "partnership": event.partnership.slug,
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "title": event.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "place": event.place,
        "organiser": event.organiser.short_name if event.organiser else None,
        "activity_key": event.activity_key,
        "is_public": event.is_public,
        "story": event.story,
        "attendance": [
            {"group": row.group, "label": label, **shown_count(cell)}
            for row, (label, cell) in zip(rows, cells, strict=True)
        ],
        "total": shown_count(total),
        "is_invented": event.is_invented,
        "url": absolute(request, url),
    }


@router.get(
    "/events",
    response={200: EventPage, **READ_ERRORS},
    summary=_("Arrangementer"),
    description=_(
        "Offentlige arrangementer, også de forbi; deltagere i grove grupper, små tal som “<5”."
    ),
)
def api_events(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    user = user_of(request)
    partnerships = followup_partnerships(user, area)
    events = Event.private_objects.none()
    for partnership in partnerships:
        manager = (
            Event.private_objects
            if followup_access.can_read_private(user, partnership)
            else Event.public_objects
        )
        events = events | manager.filter(partnership=partnership)
    if year:
        events = events.filter(starts_at__year=year)
    events = events.select_related("partnership", "organiser").prefetch_related("attendance")
    events = events.order_by("starts_at", "pk")
    return page_of(
        request, events, page=page, page_size=page_size, serialise=lambda e: event_out(request, e)
    )


def shown_value(indicator, value) -> dict:
    shown = reports.shown_value(indicator, value)
    hidden = shown == small_label()
    return {"value": None if hidden or value is None else value, "shown": shown}


def _indicators(partnerships):
    return Indicator.objects.filter(partnership__in=partnerships).select_related(
        "result", "effect", "reported_by", "partnership", "statistic_series__partnership"
    )


def indicator_out(request, indicator: Indicator) -> dict:
    return {
        "id": indicator.pk,
        "key": indicator.key,
        "partnership": indicator.partnership.slug,
        "name": indicator.name,
        "kind": indicator.kind,
        "measure": indicator.measure,
        "definition": indicator.definition,
        "source": indicator.source,
        "source_label": indicator.get_source_display(),
        "reported_by": indicator.reported_by.short_name,
        "unit": indicator.unit,
        "higher_is_better": indicator.higher_is_better,
        "counts_young_people": indicator.counts_young_people,
        "result": indicator.result.number if indicator.result_id else None,
        "effect": indicator.effect.number if indicator.effect_id else None,
        "baseline": shown_value(indicator, indicator.baseline_value),
        "baseline_label": indicator.baseline_label,
        "url": absolute(request, indicator.get_absolute_url()),
    }


@router.get(
    "/indicators",
    response={200: IndicatorPage, **READ_ERRORS},
    summary=_("Indikatorer"),
    description=_("Indikatorer for resultater og effekter."),
)
def api_indicators(
    request,
    area: str | None = None,
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(50, ge=1, le=200),
):
    indicators = _indicators(followup_partnerships(user_of(request), area))
    indicators = indicators.order_by("partnership__slug", "order", "name")
    return page_of(
        request,
        indicators,
        page=page,
        page_size=page_size,
        serialise=lambda i: indicator_out(request, i),
    )


@router.get(
    "/indicators/{indicator_id}",
    response={200: IndicatorDetailOut, **READ_ERRORS},
    summary=_("En indikator med dens værdier år for år"),
    description=_(
        "Godkendte værdier (medlemmer ser også ikke-godkendte, som på siderne); tal om unge "
        "fra 1 til 4 vises som “<5” og har ingen værdi."
    ),
)
def api_indicator(request, indicator_id: int, year: int | None = Query(None, ge=1900, le=2200)):
    user = user_of(request)
    indicator = get_object_or_404(
        _indicators(followup_partnerships(user, None)).prefetch_related("targets"),
        pk=indicator_id,
    )
    private = followup_access.can_read_private(user, indicator.partnership)
    rows = reports.indicator_years(indicator, include_unapproved=private)
    values = []
    for row in rows:
        if year and row.year != year:
            continue
        value = row.value
        hidden = row.shown == small_label()
        values.append(
            {
                "year": row.year,
                "value": None if hidden or value is None else value.value,
                "shown": row.shown,
                "target": row.target,
                "change": row.change,
                "quality": value.quality if value else None,
                "approved": value.submission.is_public if value else None,
            }
        )
    return {**indicator_out(request, indicator), "values": values}


@router.get(
    "/indicator-values",
    response={200: IndicatorValuePage, **READ_ERRORS},
    summary=_("Alle offentliggjorte indikatorværdier"),
    description=_(
        "Samme rækker som den samlede CSV- og Excel-eksport: nøgle, område, kilde, periode, "
        "værdi og status, kun godkendte værdier."
    ),
)
def api_indicator_values(
    request,
    area: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    page: int = Query(1, ge=1, le=10_000),
    page_size: int = Query(100, ge=1, le=200),
):
    rows = indicator_value_rows(followup_partnerships(user_of(request), area), year=year)

    def row_out(row):
        return {
            "indicator": row.indicator.key,
            "area": row.indicator.partnership.slug,
            "source": row.indicator.source,
            "period": row.year,
            **shown_value(row.indicator, row.value),
            "quality": row.quality,
            "approved": True,
        }

    return page_of(request, rows, page=page, page_size=page_size, serialise=row_out)
