"""Reading many findings at once: the follow-up report, the re-check list, the exports."""

import statistics
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone

from trygplan.lib.numbers import format_number

from .distance import distance_to_line_m, haversine_m
from .models import Finding, ReRating, Walk

NEAR_ROUTE_M = 60  # an earlier finding this close to the new route is re-checked
SAME_PLACE_M = 40  # findings this close to each other are "the same place"


def followup_report(findings, today=None) -> dict:
    """Open, overdue and fixed per owner; median days to fix; places where a category recurs."""
    today = today or timezone.localdate()
    findings = list(
        findings.filter(is_good_place=False).select_related(
            "walk__partnership", "owner_organisation"
        )
    )
    by_owner = defaultdict(lambda: {"open": 0, "overdue": 0, "fixed": 0, "days": []})
    for finding in findings:
        row = by_owner[finding.owner_label]
        if finding.status == Finding.Status.FIXED:
            row["fixed"] += 1
            if finding.days_to_fix() is not None:
                row["days"].append(finding.days_to_fix())
        elif not finding.is_closed:
            row["open"] += 1
            row["overdue"] += finding.is_overdue(today)
    rows = [
        {"owner": owner, **counts, "median_days": _median(counts["days"])}
        for owner, counts in sorted(by_owner.items())
    ]
    all_days = [d for row in rows for d in row["days"]]
    return {
        "rows": rows,
        "open": sum(r["open"] for r in rows),
        "overdue": sum(r["overdue"] for r in rows),
        "fixed": sum(r["fixed"] for r in rows),
        "median_days": _median(all_days),
        "recurring": recurring_places(findings),
    }


def _median(values):
    return round(statistics.median(values)) if values else None


def recurring_places(findings: list[Finding]) -> list[dict]:
    """Groups of findings of one category, within SAME_PLACE_M of each other, seen on at least
    two different walks: the places where the same problem keeps coming back."""
    groups = []
    for finding in sorted(findings, key=lambda f: (f.walk.starts_at, f.number)):
        for group in groups:
            first = group[0]
            if first.category == finding.category and (
                haversine_m(first.lon, first.lat, finding.lon, finding.lat) <= SAME_PLACE_M
            ):
                group.append(finding)
                break
        else:
            groups.append([finding])
    places = []
    for group in groups:
        walks = {f.walk for f in group}
        if len(walks) >= 2:
            places.append(
                {
                    "category": group[0].get_category_display(),
                    "place": next((f.place for f in group if f.place), ""),
                    "findings": group,
                    "walks": sorted(walks, key=lambda w: w.starts_at),
                }
            )
    return sorted(places, key=lambda p: -len(p["findings"]))


def recheck_candidates(walk: Walk, findings) -> list[dict]:
    """Earlier findings on or near the walk's route (all earlier ones without a route),
    nearest first, each with its distance and this walk's re-rating if there is one."""
    earlier = (
        findings.filter(walk__partnership=walk.partnership, walk__starts_at__lt=walk.starts_at)
        .exclude(status=Finding.Status.DUPLICATE)
        .select_related("walk__partnership", "owner_organisation")
    )
    ratings = {r.finding_id: r for r in ReRating.objects.filter(walk=walk)}
    rows = []
    for finding in earlier:
        distance = distance_to_line_m(finding.lon, finding.lat, walk.route_points)
        if walk.route_points and distance > NEAR_ROUTE_M:
            continue
        rows.append(
            {
                "finding": finding,
                "distance": None if not walk.route_points else round(distance),
                "rerating": ratings.get(finding.pk),
            }
        )
    return sorted(rows, key=lambda r: (r["distance"] or 0, r["finding"].walk.starts_at))


def rerating_summary(reratings) -> dict:
    """The change in feeling per place (now minus when found) and in total."""
    rows = [
        {"rerating": r, "finding": r.finding, "change": r.change}
        for r in reratings.select_related("finding__walk__partnership", "walk")
    ]
    changes = [row["change"] for row in rows if row["change"] is not None]
    return {
        "rows": rows,
        "count": len(changes),
        "average_change": round(sum(changes) / len(changes), 1) if changes else None,
        "safer": sum(1 for c in changes if c > 0),
        "less_safe": sum(1 for c in changes if c < 0),
    }


def finding_properties(finding: Finding, *, detailed: bool, base_url: str = "") -> dict:
    """A finding as GeoJSON properties; `base_url` ("https://host") makes `url` absolute."""
    properties = {
        "id": finding.pk,
        "number": finding.number,
        "category": finding.category,
        "category_label": str(finding.get_category_display()),
        "status": finding.status,
        "status_label": str(finding.get_status_display()),
        "letter": finding.status_letter,
        "colour": finding.status_colour,
        "good_place": finding.is_good_place,
        "place": finding.place,
        "walk_date": finding.walk.date.isoformat(),
        "found_on": finding.found_on.isoformat(),
        "public_reason": finding.public_reason,
        "url": base_url
        + reverse("walks:finding_detail", args=[finding.walk.partnership.slug, finding.pk]),
    }
    if detailed:
        properties.update(
            {
                "walk": finding.walk.title,
                "owner": finding.owner_label,
                "deadline": finding.deadline.isoformat() if finding.deadline else None,
                "visibility": finding.visibility,
                "description": finding.description,
            }
        )
    return properties


def findings_geojson(findings, *, detailed: bool, base_url: str = "") -> dict:
    """A FeatureCollection; each feature has the finding's stable id and absolute URL."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": f.pk,
                "geometry": {"type": "Point", "coordinates": [f.lon, f.lat]},
                "properties": finding_properties(f, detailed=detailed, base_url=base_url),
            }
            for f in findings.select_related("walk__partnership", "owner_organisation")
        ],
    }


CSV_HEADER = [
    "Nr.",
    "Vandring",
    "Dato",
    "Kategori",
    "Godt sted",
    "Sted",
    "Længdegrad",
    "Breddegrad",
    "Beskrivelse",
    "Forslag til tiltag",
    "Ansvarlig",
    "Frist",
    "Status",
    "Offentlig begrundelse",
    "Synlighed",
]


def findings_csv_rows(findings) -> list[list]:
    return [
        [
            f.number,
            f.walk.title,
            f.found_on.isoformat(),
            f.get_category_display(),
            "ja" if f.is_good_place else "nej",
            f.place,
            # the semicolon CSV writes a decimal comma, like every other CSV (lib.numbers)
            format_number(f.lon, decimals=6),
            format_number(f.lat, decimals=6),
            f.description,
            f.proposed_measure,
            f.owner_label,
            f.deadline.isoformat() if f.deadline else "",
            f.get_status_display(),
            f.public_reason,
            f.get_visibility_display(),
        ]
        for f in findings.select_related("walk", "owner_organisation").order_by(
            "walk__starts_at", "number"
        )
    ]
