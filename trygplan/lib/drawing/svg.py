"""A tiny SVG builder: every text escaped, every number written with a point, no `style=`.

    tag("rect", x=1.25, y=0, width=10, height=4, fill="#0059b3", class_="chart-bar")
    tag("text", "Sigtelser <18", x=4, y=12)        # text children are escaped
    tag("g", tag("title", "Fund 1"), tag("circle", cx=3, cy=4, r=10))

Children that are already markup (what `tag` returns: a SafeString) go in as they are;
any other value is text: control characters removed (an SVG is XML), then escaped.
Attribute names are written with dashes (`stroke_width` -> `stroke-width`; `class_` ->
`class`); None and False leave the attribute out. A `style` attribute is refused: the
Content-Security-Policy forbids inline styles, so drawings use presentation attributes
(`fill`, `stroke`, ...) and classes.
"""

from __future__ import annotations

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeData, SafeString, mark_safe

from trygplan.lib.files import clean_text

__all__ = ["ident", "number", "points", "svg_root", "tag"]

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FONT_FAMILY = "IBM Plex Sans, Arial, sans-serif"


def number(value) -> str:
    """A coordinate: at most 1 decimal, always a point (never the locale's comma)."""
    if isinstance(value, int):
        return str(value)
    text = f"{float(value):.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def points(pairs) -> str:
    """x,y pairs for `points=` of a polyline or polygon."""
    return " ".join(f"{number(x)},{number(y)}" for x, y in pairs)


def _attribute(name: str, value) -> str:
    name = name.rstrip("_").replace("_", "-")
    if name == "style":
        raise ValueError("Inline style attributes are not allowed in drawings (CSP)")
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, int | float):
        value = number(value)
    return f'{name}="{escape(clean_text(str(value)))}"'


def _child(child) -> str:
    if isinstance(child, SafeData):
        return str(child)
    return str(conditional_escape(clean_text(str(child))))


def tag(name: str, *children, **attributes) -> SafeString:
    """One element: `<name attributes>children</name>`, or `<name attributes/>` when empty."""
    parts = [name] + [
        _attribute(key, value)
        for key, value in attributes.items()
        if value is not None and value is not False
    ]
    opening = " ".join(parts)
    inner = "".join(_child(child) for child in children if child is not None)
    if not inner:
        return mark_safe(f"<{opening}/>")  # noqa: S308 - attributes are escaped
    return mark_safe(f"<{opening}>{inner}</{name}>")  # noqa: S308 - escaped above


def svg_root(
    *children,
    width: float,
    height: float,
    title: str,
    desc: str,
    ident: str,
    kind: str,
    font_size: int = 12,
) -> SafeString:
    """The outer `<svg>`: an image for screen readers (`role="img"`, named by its `<title>`
    and described by its `<desc>`), with its size in pixels; the page's CSS lets it shrink to
    its container (`svg.drawing { max-width: 100%; height: auto }`); `kind` gives it the
    class `drawing-<kind>` as well."""
    return tag(
        "svg",
        tag("title", title, id=f"{ident}-title"),
        tag("desc", desc or title, id=f"{ident}-desc"),
        *children,
        xmlns=SVG_NAMESPACE,
        class_=f"drawing drawing-{kind}",
        viewBox=f"0 0 {number(width)} {number(height)}",
        width=number(width),
        height=number(height),
        role="img",
        aria_labelledby=f"{ident}-title {ident}-desc",
        font_family=FONT_FAMILY,
        font_size=font_size,
    )


def ident(prefix: str, title: str) -> str:
    """An id for a drawing's title and desc, from its title (`chart-sigtelser-mod-unge`)."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower())[:40]
    return f"{prefix}-{slug}"
