"""Invented, deterministic demo data for this module (labelled as invented in the interface).

The documents module stores nothing of its own: a plan document is rendered from the plan's
live data, so there is nothing to invent here."""


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan is loaded; nothing to add."""
