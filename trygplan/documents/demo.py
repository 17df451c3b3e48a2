"""Invented, deterministic demo data for this module (labelled as invented in the interface)."""


def load_demo(*, partnership, plan) -> None:
    """Called by `trygplan load-demo` after the seed's plan is loaded."""
