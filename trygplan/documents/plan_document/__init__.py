"""The plan as a document: one data structure (`data.py`; its theory-of-change diagram comes
from `trygplan.plans.diagram`), renderers for HTML/PDF (one template tree), Word (`word.py`),
Excel and CSV (`renderers.py`)."""

from .data import PlanDocument, build_plan_document
from .renderers import FORMATS, overview_table, plan_filename, render_plan

__all__ = [
    "FORMATS",
    "PlanDocument",
    "build_plan_document",
    "overview_table",
    "plan_filename",
    "render_plan",
]
