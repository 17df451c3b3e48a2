"""Reports to the steering group: rounds, partners' parts, money spent, recommendations."""

from .recommendations import ReportRecommendation
from .rounds import PartFigure, PartSpending, ReportPart, ReportRound
from .spending import Spending

__all__ = [
    "PartFigure",
    "PartSpending",
    "ReportPart",
    "ReportRecommendation",
    "ReportRound",
    "Spending",
]
