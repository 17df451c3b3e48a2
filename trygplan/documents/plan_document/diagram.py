"""The theory-of-change diagram, laid out once from the data: activities → results → effects.

`build_diagram` computes boxes and edges; the SVG template (`documents/_diagram.svg`) and
`diagram_png` (for Word, drawn with Pillow since nothing installed rasterises SVG) both draw
that one layout.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _

WIDTH = 1000
PITCH = 30  # vertical distance between boxes
BOX_HEIGHT = 24
TOP = 34
COLUMNS = {"activity": (0, 300), "result": (370, 420), "effect": (860, 140)}  # x, width
COLOURS = ["#004d99", "#00804d", "#b35900", "#7a3d99", "#595959"]
MAX_CHARS = {"activity": 44, "result": 64, "effect": 21}


@dataclass(frozen=True)
class Node:
    kind: str
    key: str
    x: int
    y: int
    width: int
    label: str
    title: str
    colour: str

    height = BOX_HEIGHT

    @property
    def text_y(self) -> int:
        return self.y + 16

    @property
    def mid_y(self) -> int:
        return self.y + BOX_HEIGHT // 2


@dataclass(frozen=True)
class Edge:
    x1: int
    y1: int
    x2: int
    y2: int
    colour: str

    @property
    def path(self) -> str:
        middle = (self.x1 + self.x2) // 2
        return f"M{self.x1},{self.y1} C{middle},{self.y1} {middle},{self.y2} {self.x2},{self.y2}"


@dataclass
class Diagram:
    width: int
    height: int
    headers: list[tuple[int, str]]
    nodes: list[Node]
    edges: list[Edge]
    legend: list[tuple[str, str]]  # (colour, focus area)


def _short(text: str, kind: str) -> str:
    limit = MAX_CHARS[kind]
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _column(kind: str, items: list[tuple[str, str, str]], height: int) -> list[Node]:
    """Boxes for (key, label, colour), spread evenly over the diagram's height."""
    x, width = COLUMNS[kind]
    if not items:
        return []
    pitch = (height - TOP - BOX_HEIGHT) / max(len(items) - 1, 1)
    pitch = min(pitch, PITCH * 3)
    used = pitch * (len(items) - 1) + BOX_HEIGHT
    start = TOP + (height - TOP - used) / 2
    return [
        Node(kind, key, x, round(start + i * pitch), width, _short(label, kind), label, colour)
        for i, (key, label, colour) in enumerate(items)
    ]


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


def _edges(sources: list[Node], targets: dict[str, Node], links: dict[str, list[str]]):
    edges = []
    for node in sources:
        for key in links.get(node.key, []):
            if target := targets.get(key):
                colour = node.colour if node.kind == "activity" else "#8e8e8e"
                edges.append(Edge(node.x + node.width, node.mid_y, target.x, target.mid_y, colour))
    return edges


def build_diagram(overview, results, effects, descriptions) -> Diagram:
    """Boxes for the running, numbered activities of the overview, the results and the
    effects; edges from each activity to its description's results and from each result to
    its effects. Line colours follow the activity's (first) focus area."""
    results_of = _results_of(descriptions)
    rows = [r for r in overview.rows if r.activity.number is not None and not r.activity.has_ended]
    activity_items, links, legend = [], {}, {}
    for row in rows:
        activity = row.activity
        number, colour = _colour(activity)
        key = f"a{activity.pk}"
        activity_items.append((key, f"{activity.number}. {activity.name}", colour))
        links[key] = [f"r{pk}" for pk in sorted(results_of.get(activity.description_id, ()))]
        if number is not None:
            name = activity.focus_areas.all()[0].short_name
            legend.setdefault(number, (colour, f"{number}. {name}"))
    for result in results:
        links[f"r{result.pk}"] = [f"e{effect.pk}" for effect in result.effects.all()]
    count = max(len(activity_items), len(results), 1)
    height = TOP + (count - 1) * PITCH + BOX_HEIGHT + 8
    neutral = "#1a1a1a"
    nodes_a = _column("activity", activity_items, height)
    nodes_r = _column(
        "result", [(f"r{r.pk}", f"{r.number}. {r.name}", neutral) for r in results], height
    )
    nodes_e = _column("effect", [(f"e{e.pk}", e.name, neutral) for e in effects], height)
    edges = _edges(nodes_a, {n.key: n for n in nodes_r}, links)
    edges += _edges(nodes_r, {n.key: n for n in nodes_e}, links)
    headers = [
        (COLUMNS["activity"][0], _("Aktiviteter")),
        (COLUMNS["result"][0], _("Resultater")),
        (COLUMNS["effect"][0], _("Effekter")),
    ]
    legend_items = [legend[number] for number in sorted(legend)]
    return Diagram(WIDTH, height, headers, nodes_a + nodes_r + nodes_e, edges, legend_items)


@cache
def _font_path() -> str | None:
    return finders.find("vendor/dkfds/fonts/IBMPlexSans/complete/ttf/IBMPlexSans-Regular.ttf")


def _bezier(edge: Edge, scale: int, steps: int = 24) -> list[tuple[float, float]]:
    middle = (edge.x1 + edge.x2) / 2
    points = [(edge.x1, edge.y1), (middle, edge.y1), (middle, edge.y2), (edge.x2, edge.y2)]
    out = []
    for i in range(steps + 1):
        t = i / steps
        x = sum(c * p[0] for c, p in zip(_weights(t), points, strict=True))
        y = sum(c * p[1] for c, p in zip(_weights(t), points, strict=True))
        out.append((x * scale, y * scale))
    return out


def _weights(t: float) -> tuple[float, float, float, float]:
    return ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)


def diagram_png(diagram: Diagram, *, scale: int = 2) -> bytes:
    """The same layout as the SVG, drawn with Pillow (for Word)."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (diagram.width * scale, diagram.height * scale), "white")
    draw = ImageDraw.Draw(image)
    path = _font_path()
    font = ImageFont.truetype(path, 12 * scale) if path else ImageFont.load_default()
    bold = ImageFont.truetype(path, 13 * scale) if path else font
    for edge in diagram.edges:
        draw.line(_bezier(edge, scale), fill=edge.colour, width=scale)
    for x, label in diagram.headers:
        draw.text((x * scale, 6 * scale), label, fill="#1a1a1a", font=bold)
    for node in diagram.nodes:
        box = [
            node.x * scale,
            node.y * scale,
            (node.x + node.width) * scale,
            (node.y + node.height) * scale,
        ]
        draw.rectangle(box, fill="white", outline=node.colour, width=scale)
        draw.text(
            ((node.x + 6) * scale, (node.y + 4) * scale), node.label, fill="#1a1a1a", font=font
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
