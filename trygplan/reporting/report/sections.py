"""The report's sections read from the other modules, each reusing that module's own figures:
the pools as their memo to the steering group counts them (`pools.reports`), the walks'
follow-up (`walks.report`), events with their participants (`followup.Event`) and the
indicators with their charts (`followup.reports`). Everything is returned as text."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from trygplan.followup import reports as followup_reports
from trygplan.followup.models import Event, EventAttendance, Indicator
from trygplan.lib.money import format_kroner
from trygplan.lib.small_numbers import HIDDEN, suppress_row
from trygplan.lib.text import paragraphs

__all__ = ["events_section", "indicators_section", "pools_section", "walks_section"]


def _kr(value) -> str:
    return format_kroner(value, unit=False)


# ---- pools ----------------------------------------------------------------------------------


def pools_section(round_, *, public: bool) -> dict:
    """The year's pools as of the report's cut-off, with the figures of the pools' memo."""
    from trygplan.pools.reports import recommendation_data

    data = recommendation_data(
        partnership=round_.partnership, year=round_.year, period=round_.pool_period
    )
    rows, pools, total = [], [], [0, 0, 0, 0]
    for section in data["sections"]:
        pool, balance = section["pool"], section["balance"]
        figures = [
            balance.allocation,
            balance.committed + balance.spent,
            balance.spent,
            balance.available,
        ]
        total = [a + b for a, b in zip(total, figures, strict=True)]
        rows.append([str(pool.get_kind_display()), *[_kr(v) for v in figures]])
        recommendation = section["recommendation"]
        pools.append(
            {
                "name": str(pool),
                "grants": []
                if public
                else [
                    [
                        grant.application.title,
                        formats.date_format(grant.decided_on, "j. F Y"),
                        _kr(grant.amount),
                        _kr(grant.spent_total or 0),
                    ]
                    for grant in section["grants"]
                ],
                "proposal": []
                if public or recommendation is None
                else paragraphs(recommendation.proposal),
            }
        )
    return {
        "note": data["figures_note"],
        "header": [_("Pulje"), _("Afsat"), _("Bevilget"), _("Brugt"), _("Tilbage")],
        "rows": rows,
        "total": [_("I alt"), *[_kr(v) for v in total]] if rows else None,
        "available": total[3],
        "pools": pools,
        "grant_header": [_("Bevilling"), _("Besluttet"), _("Beløb"), _("Brugt")],
    }


# ---- safety walks ---------------------------------------------------------------------------


def walks_section(round_, day, *, public: bool) -> dict:
    """Findings of the walks held up to the report's day: open, overdue (a deadline before
    that day) and fixed per owner, and the median days from walk to fix."""
    from trygplan.walks.models import Finding, Walk
    from trygplan.walks.report import followup_report

    findings = Finding.private_objects.for_partnership(round_.partnership).filter(
        walk__starts_at__date__lte=day
    )
    findings = findings.public() if public else findings.for_members(police=False)
    report = followup_report(findings, today=day)
    walked = Walk.private_objects.filter(
        partnership=round_.partnership,
        starts_at__year=round_.year,
        starts_at__date__lte=day,
        status__in=[Walk.Status.WALKED, Walk.Status.PROTOCOL_SENT, Walk.Status.FOLLOW_UP_HELD],
    ).count()

    def median(value) -> str:
        return "-" if value is None else str(value)

    return {
        "header": [
            _("Ansvarlig"),
            _("Åbne"),
            _("heraf over fristen"),
            _("Udbedret"),
            _("Median dage til udbedring"),
        ],
        "rows": [
            [
                row["owner"],
                str(row["open"]),
                str(row["overdue"]),
                str(row["fixed"]),
                median(row["median_days"]),
            ]
            for row in report["rows"]
        ],
        "total": [
            _("I alt"),
            str(report["open"]),
            str(report["overdue"]),
            str(report["fixed"]),
            median(report["median_days"]),
        ],
        "open": report["open"],
        "overdue": report["overdue"],
        "fixed": report["fixed"],
        "note": _(
            "%(walks)s tryghedsvandringer gennemført i %(year)s til og med %(day)s. Tabellen "
            "tæller alle fund fra vandringer til og med den dag%(which)s."
        )
        % {
            "walks": walked,
            "year": round_.year,
            "day": formats.date_format(day, "j. F Y"),
            "which": _(" (kun offentlige fund)") if public else _(" (uden politiets egne fund)"),
        },
    }


# ---- events ---------------------------------------------------------------------------------

GROUPS = list(EventAttendance.Group)


def events_section(round_, day, *, public: bool) -> dict:
    """Events held in the year up to the report's day with their participants by group.

    Each row is shown as `suppress_row` allows (1–4 as "<5", and what would give it away);
    a column's or the grand total is shown only when none of the cells it sums is hidden, so
    no hidden count can be worked out from the totals."""
    manager = Event.public_objects if public else Event.private_objects
    events = (
        manager.filter(
            partnership=round_.partnership,
            starts_at__year=round_.year,
            starts_at__date__lte=day,
        )
        .prefetch_related("attendance")
        .order_by("starts_at")
    )
    rows, sums, grand, hidden_columns, hidden_total = [], [0] * len(GROUPS), 0, set(), False
    for event in events:
        counts = {row.group: int(row.count) for row in event.attendance.all()}
        values = [counts.get(group) for group in GROUPS]
        safe = suppress_row(values)
        for index, (value, cell) in enumerate(zip(values, safe.cells, strict=True)):
            sums[index] += value or 0
            if value is not None and cell != value:
                hidden_columns.add(index)
        total = sum(v for v in values if v is not None)
        grand += total
        hidden_total = hidden_total or (safe.total != total and total != 0)
        hidden_total = hidden_total or bool(hidden_columns)
        rows.append(
            [
                formats.date_format(timezone.localtime(event.starts_at), "j. F"),
                event.title,
                *["-" if cell is None else str(cell) for cell in safe.cells],
                "-" if safe.total is None else str(safe.total),
            ]
        )
    total_row = [
        _("I alt"),
        _("%(n)s arrangementer") % {"n": len(rows)},
        *[HIDDEN if index in hidden_columns else str(value) for index, value in enumerate(sums)],
        HIDDEN if hidden_total else str(grand),
    ]
    return {
        "header": [
            _("Dato"),
            _("Arrangement"),
            *[str(group.label) for group in GROUPS],
            _("I alt"),
        ],
        "rows": rows,
        "total": total_row if rows else None,
        "note": _(
            "Deltagere tælles i grove grupper, aldrig ved navn. Tal fra 1 til 4 vises som “<5”; "
            "“×” skjuler et tal, som ellers ville afsløre et lille tal."
        ),
    }


# ---- indicators -----------------------------------------------------------------------------


def _indicator(indicator: Indicator, year: int, public: bool, notes) -> dict:
    years = [
        row
        for row in followup_reports.indicator_years(indicator, include_unapproved=not public)
        if row.year <= year + 1
    ]
    svg, table = followup_reports.indicator_chart(indicator, years, annotations=notes)
    latest = next(
        (row for row in reversed(years) if row.value is not None and row.year <= year), None
    )
    verdict = ""
    if latest is not None and latest.on_track is not None:
        verdict = _("på sporet") if latest.on_track else _("ikke på sporet")
    parent = indicator.parent
    group = (
        _("Effekt %(n)s: %(name)s") % {"n": parent.number, "name": parent.name}
        if indicator.effect_id
        else _("Resultat %(n)s. %(name)s") % {"n": parent.number, "name": parent.name}
    )
    return {
        "name": indicator.name,
        "group": group,
        "is_effect": bool(indicator.effect_id),
        "definition": indicator.definition,
        "svg": str(svg),
        "table": {"header": table["columns"], "rows": table["rows"]},
        "latest": _("%(year)s: %(value)s %(unit)s%(verdict)s")
        % {
            "year": latest.year,
            "value": latest.shown,
            "unit": indicator.unit,
            "verdict": f" ({verdict})" if verdict else "",
        }
        if latest
        else _("Ingen værdi endnu."),
    }


def indicators_section(round_, *, public: bool) -> list[dict]:
    """Every indicator of the partnership's results and effects, effects first."""
    indicators = (
        Indicator.objects.filter(partnership=round_.partnership)
        .select_related("result", "effect", "partnership", "statistic_series__partnership")
        .prefetch_related("targets")
    )
    notes = followup_reports.chart_notes(round_.partnership)
    found = [_indicator(indicator, round_.year, public, notes) for indicator in indicators]
    return sorted(found, key=lambda item: not item["is_effect"])
