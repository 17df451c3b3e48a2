"""Line charts (indicators over the years, a pool's draw over the months) and their tables.

    points = [Point("2014", 12), Point("2015", None, "<5"), Point("2016", 9)]
    svg = line_chart(
        [Series("Sigtelser", points)],
        title="Sigtelser mod unge", y_label="antal",
        baseline=Reference(14, "Basislinje 2013"),
        target=[Point("2016", 10)], band=[Band("2016", 8.5, 11.5)],
        annotations=[Annotation("2015", "Solvangscentret nedrives")],
    )
    table = chart_table([...same series...], x_label="År")  # for followup/_chart_table.html

- The x axis is categorical (periods as labels, in the order given, or `xs`); y starts at 0.
- A point with value None is a gap; with a label (e.g. "<5" from lib.small_numbers) the label
  is written at the foot of the chart instead of a point, so nothing hidden is drawn.
"""

from __future__ import annotations

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trygplan.lib.numbers import format_number

from .chart import (
    BAND_COLOUR,
    COLOURS,
    LEGEND_ROW,
    REFERENCE_COLOUR,
    TARGET_COLOUR,
    Annotation,
    Band,
    Frame,
    LegendItem,
    Point,
    Reference,
    Series,
    axes,
    legend,
    legend_layout,
    nice_max,
)
from .svg import ident, points, svg_root, tag
from .text import text_width

__all__ = ["chart_table", "drawdown_chart", "line_chart"]


def _colour(series: Series, number: int) -> str:
    return series.colour or COLOURS[number % len(COLOURS)]


def _categories(series, target, xs) -> list[str]:
    found: list[str] = list(xs or [])
    for label in [p.x for s in series for p in s.points] + [p.x for p in target or []]:
        if label not in found:
            found.append(label)
    return found


def _top(series, target, band, baseline) -> float:
    values = [float(p.value) for s in series for p in s.points if p.value is not None]
    values += [float(p.high) for s in series for p in s.points if p.high is not None]
    values += [float(p.value) for p in target or [] if p.value is not None]
    values += [float(b.high) for b in band or []]
    if baseline is not None:
        values.append(float(baseline.value))
    return nice_max(max(values, default=0))


def _bands(f: Frame, band) -> list:
    out = []
    for item in band or []:
        if item.x in f.xs:
            top, bottom = f.y_of(item.high), f.y_of(item.low)
            out.append(
                tag(
                    "rect",
                    class_="chart-band",
                    x=f.x_of(item.x) - 12,
                    y=top,
                    width=24,
                    height=bottom - top,
                    fill=BAND_COLOUR,
                )
            )
    return out


def _annotations(f: Frame, annotations) -> list:
    out = []
    for note in annotations:
        if note.x in f.xs:
            x = f.x_of(note.x)
            fits = x + 4 + text_width(note.text, 11) <= f.width
            out.append(
                tag(
                    "line",
                    class_="chart-annotation",
                    x1=x,
                    x2=x,
                    y1=f.upper,
                    y2=f.foot,
                    stroke="#888888",
                    stroke_dasharray="2 3",
                )
            )
            out.append(
                tag(
                    "text",
                    note.text,
                    x=x + 4 if fits else x - 4,
                    y=f.upper - 8,
                    font_size=11,
                    text_anchor=None if fits else "end",
                )
            )
    return out


def _baseline(f: Frame, baseline: Reference | None) -> list:
    if baseline is None:
        return []
    y = f.y_of(baseline.value)
    return [
        tag(
            "line",
            class_="chart-baseline",
            x1=f.left,
            x2=f.width - f.right,
            y1=y,
            y2=y,
            stroke=REFERENCE_COLOUR,
            stroke_width=1.5,
            stroke_dasharray="8 4",
        ),
        tag(
            "text",
            baseline.label,
            x=f.width - f.right,
            y=y - 4,
            text_anchor="end",
            font_size=11,
        ),
    ]


def _targets(f: Frame, target) -> list:
    out = []
    for p in target or []:
        if p.value is not None:
            x, y = f.x_of(p.x), f.y_of(p.value)
            out.append(
                tag(
                    "path",
                    class_="chart-target",
                    d=f"M{x - 6:.1f},{y:.1f}h12M{x:.1f},{y - 6:.1f}v12",
                    stroke=TARGET_COLOUR,
                    stroke_width=2,
                )
            )
    return out


def _series_marks(f: Frame, item: Series, colour: str) -> list:
    out = []
    segments: list[list[tuple[float, float]]] = [[]]
    for p in item.points:
        x = f.x_of(p.x)
        if p.value is None:
            segments.append([])
            if p.label:
                out.append(
                    tag(
                        "text",
                        p.label,
                        class_="chart-hidden",
                        x=x,
                        y=f.foot - 6,
                        text_anchor="middle",
                        fill=colour,
                    )
                )
            continue
        y = f.y_of(p.value)
        segments[-1].append((x, y))
        if p.low is not None and p.high is not None:
            top, bottom = f.y_of(p.high), f.y_of(p.low)
            out.append(
                tag(
                    "path",
                    class_="chart-interval",
                    d=f"M{x:.1f},{top:.1f}V{bottom:.1f}M{x - 5:.1f},{top:.1f}h10"
                    f"M{x - 5:.1f},{bottom:.1f}h10",
                    stroke=colour,
                    stroke_width=1.5,
                    fill="none",
                )
            )
        out.append(
            tag(
                "circle",
                tag("title", f"{p.x}: {p.text}"),
                class_="chart-point",
                cx=x,
                cy=y,
                r=4,
                fill=colour,
            )
        )
    lines = [
        tag(
            "polyline",
            points=points(part),
            fill="none",
            stroke=colour,
            stroke_width=2.5,
            stroke_dasharray="6 4" if item.dashed else None,
        )
        for part in segments
        if len(part) > 1
    ]
    return out + lines


def _legend_items(series, baseline, target, band) -> list[LegendItem]:
    items = [
        LegendItem(_colour(s, n), s.name, "dash" if s.dashed else "line")
        for n, s in enumerate(series)
    ]
    if target:
        items.append(LegendItem(TARGET_COLOUR, _("Mål"), "cross"))
    if band:
        items.append(LegendItem(BAND_COLOUR, _("På sporet (±15 %)"), "box"))
    if baseline is not None:
        items.append(LegendItem(REFERENCE_COLOUR, baseline.legend or _("Basislinje"), "dash"))
    if any(p.high is not None for s in series for p in s.points):
        items.append(LegendItem("#555555", _("95 %-konfidensinterval"), "whisker"))
    return items


def line_chart(
    series: list[Series],
    *,
    title: str,
    y_label: str,
    baseline: Reference | None = None,
    target: list[Point] | None = None,
    band: list[Band] | None = None,
    annotations: list[Annotation] | tuple = (),
    desc: str = "",
    xs: list[str] | None = None,
    width: int = 640,
    height: int = 320,
) -> SafeString:
    """The chart as SVG markup (safe to put on a page as it is)."""
    top = _top(series, target, band, baseline)
    # room for the widest value on the y axis ("1.000.000") beside the axis's name
    left = max(56, round(28 + text_width(format_number(top))))
    rows = legend_layout(_legend_items(series, baseline, target, band), left=left, width=width)
    height += LEGEND_ROW * max(len(rows) - 1, 0)
    f = Frame(
        _categories(series, target, xs),
        top,
        width,
        height,
        left=left,
        lower=64 + LEGEND_ROW * max(len(rows) - 1, 0),
    )
    marks = []
    for number, item in enumerate(series):
        marks += _series_marks(f, item, _colour(item, number))
    return svg_root(
        *axes(f, y_label),
        *_bands(f, band),
        *_annotations(f, annotations),
        *_baseline(f, baseline),
        *_targets(f, target),
        *marks,
        *legend(rows, top=f.foot + 42),
        width=width,
        height=height,
        title=title,
        desc=desc,
        ident=ident("chart", title),
        kind="chart",
    )


def chart_table(series: list[Series], *, x_label: str, target: list[Point] | None = None) -> dict:
    """The chart's data for `templates/followup/_chart_table.html`: columns and rows of text."""
    xs: list[str] = []
    for item in series:
        xs += [p.x for p in item.points if p.x not in xs]
    targets = {p.x: p.text for p in target or []}
    columns = [x_label] + [s.name for s in series] + ([_("Mål")] if target else [])
    rows = []
    for x in xs:
        row = [x]
        for item in series:
            found = next((p for p in item.points if p.x == x), None)
            row.append(found.text if found else "")
        if target:
            row.append(targets.get(x, ""))
        rows.append(row)
    return {"columns": columns, "rows": rows}


def drawdown_chart(
    months: list[str],
    *,
    granted: list[int],
    spent: list[int],
    allocation: int,
    title: str,
    desc: str = "",
    y_label: str = "",
) -> SafeString:
    """A pool's draw over its year: cumulative granted (solid) and spent (dashed) against the
    allocation (a dashed line). `months` are all twelve labels; `granted` and `spent` run up to
    the month reached so far."""
    shown = months[: len(granted)]
    return line_chart(
        [
            Series(_("Bevilget i alt"), [Point(m, v) for m, v in zip(shown, granted, strict=True)]),
            Series(
                _("Brugt i alt"),
                [Point(m, v) for m, v in zip(shown, spent, strict=True)],
                dashed=True,
                colour="#008139",
            ),
        ],
        title=title,
        y_label=y_label or _("kr."),
        baseline=Reference(
            allocation,
            _("Afsat %(amount)s kr.") % {"amount": format_number(allocation, 0)},
            legend=_("Afsat"),
        ),
        desc=desc,
        xs=months,
        height=260,
    )
