"""Reading many findings at once: the follow-up report, the re-check list, the exports."""

import math
import statistics
from collections import defaultdict

from django.db import models
from django.db.models import Avg, Count, Min
from django.urls import reverse
from django.utils import timezone

from trygplan.lib.numbers import format_number

from .distance import distance_to_line_m, haversine_m
from .models import Finding, ReRating, Walk

NEAR_ROUTE_M = 60  # an earlier finding this close to the new route is re-checked
SAME_PLACE_M = 40  # findings this close to each other are "the same place"


RECURRING_YEARS = 3  # a place recurs if it comes back within this many years


def findings_by_grant(findings, grants) -> dict[int, list]:
    """The findings each grant paid for (of those given: public ones on public pages)."""
    paid = defaultdict(list)
    for finding in findings.paid_by(grants):
        paid[finding.grant_id].append(finding)
    return dict(paid)


def followup_report(findings, today=None, recurring_in=None) -> dict:
    """Open, overdue and fixed per owner; median days to fix; places where a category recurs
    among `recurring_in` (default: the same findings)."""
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
        "recurring": recurring_places(
            findings
            if recurring_in is None
            else list(
                recurring_in.filter(is_good_place=False).select_related(
                    "walk__partnership", "owner_organisation"
                )
            )
        ),
    }


def year_window(visible, year: int | None):
    """(the year's findings, the last RECURRING_YEARS years' findings for recurring places,
    the re-ratings made on the year's walks); everything when `year` is None."""
    reratings = ReRating.objects.filter(finding__in=visible)
    if year is None:
        return visible, visible, reratings
    recent = visible.filter(
        walk__starts_at__year__gt=year - RECURRING_YEARS, walk__starts_at__year__lte=year
    )
    return visible.filtered(year=year), recent, reratings.filter(walk__starts_at__year=year)


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


def _route_box(points, margin_m: float) -> tuple[float, float, float, float]:
    """The route's bounding box grown by `margin_m` metres (a cheap first filter in SQL)."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    dlat = margin_m / 111_320
    dlon = dlat / max(math.cos(math.radians(sum(lats) / len(lats))), 0.1)
    return min(lons) - dlon, min(lats) - dlat, max(lons) + dlon, max(lats) + dlat


def recheck_candidates(walk: Walk, findings, *, with_closed: bool = False) -> list[dict]:
    """Earlier findings still open on or near the walk's route (all earlier open ones
    without a route), nearest first, each with its distance and this walk's re-rating if
    there is one; fixed and other closed ones too when asked (`with_closed`). Only findings
    inside the route's box are read, so the cost follows the route, not the history."""
    earlier = (
        findings.filter(walk__partnership=walk.partnership, walk__starts_at__lt=walk.starts_at)
        .exclude(status=Finding.Status.DUPLICATE)
        .select_related("walk__partnership", "owner_organisation")
    )
    if not with_closed:
        earlier = earlier.open()
    if walk.route_points:
        earlier = earlier.in_bbox(_route_box(walk.route_points, NEAR_ROUTE_M))
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


def walk_years(partnership) -> list[int]:
    """The years the partnership has walks in, newest first (one query)."""
    walks = Walk.private_objects.filter(partnership=partnership)
    return sorted({d.year for d in walks.dates("starts_at", "year")}, reverse=True)


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


CLUSTER_BELOW_ZOOM = 15  # below this zoom, pins are grouped in a grid (server-side)


def _cell_degrees(zoom: int) -> float:
    """A grid cell about 48 screen pixels wide at this zoom (256-pixel tiles)."""
    return 360 / (2**zoom) / 256 * 48


def clustered_geojson(findings, *, zoom: int, detailed: bool, base_url: str = "") -> dict:
    """Pins grouped in a grid of about 48 pixels: a cell with several findings is one
    feature (`cluster`, `count`, at their mean position); a cell with one is the finding
    itself. Two queries, and the answer's size follows the map's cells, not the data."""
    cell = _cell_degrees(zoom)
    cells = (
        findings.annotate(
            cx=models.functions.Floor(models.F("lon") / cell),
            cy=models.functions.Floor(models.F("lat") / cell),
        )
        .values("cx", "cy")
        .annotate(count=Count("pk"), lon_avg=Avg("lon"), lat_avg=Avg("lat"), first=Min("pk"))
        .order_by("cx", "cy")
    )
    cells = list(cells)
    single = [row["first"] for row in cells if row["count"] == 1]
    features = findings_geojson(
        findings.filter(pk__in=single), detailed=detailed, base_url=base_url
    )["features"]
    for row in cells:
        if row["count"] > 1:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [row["lon_avg"], row["lat_avg"]]},
                    "properties": {"cluster": True, "count": row["count"]},
                }
            )
    return {"type": "FeatureCollection", "features": features}


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
