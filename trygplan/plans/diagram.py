"""The theory-of-change diagram of a plan: activities → results → effects.

`build_diagram` turns the plan's data into boxes and links (the running, numbered activities
of the overview; the partnership's results and effects; an activity links to its
description's results, a result to its effects; line colours follow the activity's first
focus area). `trygplan.lib.drawing.flow_diagram` draws it: the same SVG on the
theory-of-change page, in the plan document's web page and PDF, and as PNG in Word.

    theory_of_change_svg(plan)       # the SVG for a page, in a fixed number of queries
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trygplan.lib.drawing import Box, Column, LegendItem, Link, flow_diagram

from .models import Plan, Result
from .overview import build_overview, plan_activities

COLUMNS = {"activity": (0, 300), "result": (370, 420), "effect": (860, 140)}  # x, width
COLOURS = ["#004d99", "#00804d", "#b35900", "#7a3d99", "#595959"]
RESULT_LINK = "#8e8e8e"


@dataclass(frozen=True)
class Node:
    kind: str  # activity, result, effect
    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    colour: str


@dataclass
class Diagram:
    nodes: list[Node]
    edges: list[Edge]
    legend: list[tuple[str, str]]  # (colour, focus area)

    def _column(self, kind: str, header: str) -> Column:
        x, width = COLUMNS[kind]
        boxes = [Box(n.key, n.label, n.colour) for n in self.nodes if n.kind == kind]
        return Column(header, x, width, boxes)

    @property
    def description(self) -> str:
        counts = {kind: sum(1 for n in self.nodes if n.kind == kind) for kind in COLUMNS}
        return _(
            "%(activities)s aktiviteter, %(results)s resultater og %(effects)s effekter. En "
            "linje fra en aktivitet til et resultat betyder, at aktiviteten bidrager til "
            "resultatet; en linje fra et resultat til en effekt, at resultatet fører til "
            "effekten."
        ) % {
            "activities": counts["activity"],
            "results": counts["result"],
            "effects": counts["effect"],
        }

    @cached_property
    def svg(self) -> SafeString:
        return flow_diagram(
            [
                self._column("activity", _("Aktiviteter")),
                self._column("result", _("Resultater")),
                self._column("effect", _("Effekter")),
            ],
            [Link(e.source, e.target, e.colour) for e in self.edges],
            title=_(
                "Forandringsteorien: aktiviteter bidrager til resultater, som fører til effekterne"
            ),
            desc=self.description,
            legend=[LegendItem(colour, label) for colour, label in self.legend],
            legend_title=_("Linjernes farve viser aktivitetens indsatsområde:"),
        )


def _results_of(descriptions) -> dict[int, set[int]]:
    """Result ids per description; a parent description counts its children's results too."""
    results_of: dict[int, set[int]] = {}
    for description in descriptions:
        ids = {result.pk for result in description.results.all()}
        results_of.setdefault(description.pk, set()).update(ids)
        if description.parent_id:
            results_of.setdefault(description.parent_id, set()).update(ids)
    return results_of


def _colour(activity) -> tuple[int | None, str]:
    areas = list(activity.focus_areas.all())
    if not areas:
        return None, COLOURS[-1]
    number = areas[0].number
    return number, COLOURS[(number - 1) % (len(COLOURS) - 1)]


def build_diagram(overview, results, effects, descriptions) -> Diagram:
    """Boxes and links from data already fetched (the plan document fetches it once)."""
    results_of = _results_of(descriptions)
    nodes, edges, legend = [], [], {}
    rows = [r for r in overview.rows if r.activity.number is not None and not r.activity.has_ended]
    result_keys = {f"r{result.pk}" for result in results}
    for row in rows:
        activity = row.activity
        number, colour = _colour(activity)
        key = f"a{activity.pk}"
        nodes.append(Node("activity", key, f"{activity.number}. {activity.name}", colour))
        for pk in sorted(results_of.get(activity.description_id, ())):
            if f"r{pk}" in result_keys:
                edges.append(Edge(key, f"r{pk}", colour))
        if number is not None:
            name = activity.focus_areas.all()[0].short_name
            legend.setdefault(number, (colour, f"{number}. {name}"))
    effect_keys = {f"e{effect.pk}" for effect in effects}
    for result in results:
        nodes.append(Node("result", f"r{result.pk}", f"{result.number}. {result.name}", "#1a1a1a"))
        for effect in result.effects.all():
            if f"e{effect.pk}" in effect_keys:
                edges.append(Edge(f"r{result.pk}", f"e{effect.pk}", RESULT_LINK))
    nodes += [Node("effect", f"e{e.pk}", e.name, "#1a1a1a") for e in effects]
    return Diagram(nodes, edges, [legend[number] for number in sorted(legend)])


def plan_diagram(plan: Plan) -> Diagram:
    """The diagram of `plan`, fetched in a fixed number of queries."""
    overview = build_overview(plan, plan_activities(plan))
    partnership = plan.partnership
    results = list(
        Result.objects.filter(partnership=partnership)
        .order_by("number")
        .prefetch_related("effects")
    )
    effects = list(partnership.effects.all())
    descriptions = list(plan.descriptions.prefetch_related("results"))
    return build_diagram(overview, results, effects, descriptions)


def theory_of_change_svg(plan: Plan) -> SafeString:
    """The theory-of-change diagram of `plan` as SVG markup, ready for a page."""
    return plan_diagram(plan).svg
