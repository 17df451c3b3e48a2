"""The iCalendar feed of events and the bulk export of published indicator values (the files
themselves are written by `lib.files`)."""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from trygplan.lib.numbers import format_number

from .models import Event, Indicator

# ---- iCalendar (RFC 5545), written by hand --------------------------------------------------


def ics_escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def ics_fold(line: str) -> str:
    """Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 3.1)."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not parts else 74  # continuation lines start with a space
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_events(partnership, now):
    """Public events from the first day of the current year on: a subscriber also keeps
    this year's past events (and sees corrections to them)."""
    start = timezone.localtime(now).replace(month=1, day=1, hour=0, minute=0, second=0)
    return (
        Event.public_objects.filter(partnership=partnership, starts_at__gte=start)
        .select_related("partnership")
        .order_by("starts_at", "pk")
    )


def event_uid(event) -> str:
    """Stable whatever host serves the feed: `event-41@amager.trygplan`."""
    return f"event-{event.pk}@{event.partnership.slug}.trygplan"


def ics_calendar(events, *, name: str, now: datetime, base_url: str) -> bytes:
    """`base_url` ("https://host") makes each event's URL absolute."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Trygplan//Opfølgning//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(event)}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(event.starts_at)}",
        ]
        if event.ends_at:
            lines.append(f"DTEND:{_utc(event.ends_at)}")
        lines += [
            f"SUMMARY:{ics_escape(event.title)}",
            f"LOCATION:{ics_escape(event.place)}",
            f"CATEGORIES:{ics_escape(event.get_kind_display())}",
        ]
        if event.story:
            lines.append(f"DESCRIPTION:{ics_escape(event.story)}")
        events_url = reverse("followup:events", args=[event.partnership.slug])
        lines.append(f"URL:{base_url}{events_url}#event-{event.pk}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(ics_fold(line) for line in lines) + "\r\n").encode("utf-8")


# ---- All published indicator values, in one file -------------------------------------------


@dataclass
class ValueRow:
    indicator: Indicator
    year: int
    value: Decimal
    quality: str


def indicator_value_rows(partnerships, *, year: int | None = None) -> list[ValueRow]:
    """Every approved value (typed, or read from the police/SSP statistics) of the
    partnerships' indicators, by partnership, indicator and year."""
    from .reports import indicator_values_by_year

    indicators = Indicator.objects.filter(partnership__in=partnerships).select_related(
        "partnership", "statistic_series__partnership"
    )
    rows = []
    for indicator in indicators.order_by("partnership__slug", "order", "key"):
        by_year = indicator_values_by_year(indicator, include_unapproved=False)
        for value_year, value in sorted(by_year.items()):
            if year is None or value_year == year:
                rows.append(ValueRow(indicator, value_year, value.value, value.quality))
    return rows


def bulk_header() -> list[str]:
    return [
        _("Nøgle"),
        _("Indikator"),
        _("Område"),
        _("Kilde"),
        _("Periode"),
        _("Værdi"),
        _("Enhed"),
        _("Status"),
    ]


def bulk_rows(rows: list[ValueRow], *, spreadsheet: bool) -> list[list]:
    """One line per value; a small count about young people is "<5", as on the pages. In the
    CSV every number is written once, the Danish way (`lib.numbers`); Excel gets numbers."""
    from .reports import shown_value

    lines = []
    for row in rows:
        indicator = row.indicator
        shown = shown_value(indicator, row.value)
        if spreadsheet and shown == format_number(row.value):
            cell = float(row.value) if row.value % 1 else int(row.value)
        else:
            cell = shown
        lines.append(
            [
                indicator.key,
                indicator.name,
                indicator.partnership.slug,
                indicator.get_source_display(),
                row.year,
                cell,
                indicator.unit,
                _("Endelig") if row.quality == "final" else _("Foreløbig"),
            ]
        )
    return lines
