"""The city's safety survey (microdata kept private, estimates published) and the police and
SSP figures (aggregates per period, with revisions and population figures for rates).

- `geography`: `DistrictSet` (the districts a survey reports on and how they map onto the
  map's polygons) and `Domain` (the city, a district, a særmåling area, a map region).
- `survey`: `AnswerScale`, `Survey`, `Question`, `Respondent` (private: no public manager),
  `SurveyUpload` (a file waiting for its mapping step; private) and `Estimate` (published with
  the survey).
- `statistics`: `PopulationFigure`, `StatisticSeries`, `StatisticValue` (revisions kept).
"""

from .geography import DistrictSet, Domain
from .statistics import PopulationFigure, StatisticSeries, StatisticValue
from .survey import AnswerScale, Estimate, Question, Respondent, Survey, SurveyUpload

__all__ = [
    "AnswerScale",
    "DistrictSet",
    "Domain",
    "Estimate",
    "PopulationFigure",
    "Question",
    "Respondent",
    "StatisticSeries",
    "StatisticValue",
    "Survey",
    "SurveyUpload",
]
