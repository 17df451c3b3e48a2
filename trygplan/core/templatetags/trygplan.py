"""Formatting only: Danish numbers, money and plan texts. No logic lives here: the formats
are `trygplan.lib.numbers` and `trygplan.lib.money`."""

from django import template
from django.utils.safestring import mark_safe

from trygplan.lib.money import format_kroner
from trygplan.lib.numbers import format_number
from trygplan.lib.text import to_html

register = template.Library()


@register.filter
def kr(amount):
    """1500000 -> 1.500.000 kr."""
    return format_kroner(amount)


@register.filter
def amount(value):
    """1500000 -> 1.500.000 (a table cell whose column says kr.); None -> -."""
    return format_kroner(value, unit=False)


@register.filter
def number(value, decimals=1):
    """12.5 -> 12,5; 1234 -> 1.234; {{ value|number:0 }} rounds to whole; None -> ""."""
    return format_number(value, int(decimals))


@register.simple_tag(takes_context=True)
def plantext(context, text):
    return mark_safe(to_html(text, context.get("footnote_numbers")))  # noqa: S308 - escaped in to_html


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
