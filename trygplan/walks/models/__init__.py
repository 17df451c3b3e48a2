"""Safety walks (tryghedsvandringer), the findings made on them and their follow-up.

- `Walk` (`walk.py`): one walk in a partnership area: when, light, season, theme, route (GeoJSON
  LineString), participants counted by organisation or group (never residents' names), notes
  from the pre-meeting and the closing meeting, and a status (workflow `walks.workflow.WALK`):
  planned → walked → protocol sent → follow-up meeting held, or cancelled.
- `Finding` (`finding.py`): a pin from a walk: category, CPTED principle, Safetipin scores 0–3,
  owner, deadline, visibility and a follow-up status (workflow `walks.workflow.FINDING`; each
  step is a `workflows.Step`, optionally with before/after `FindingPhoto`s).
- `ReRating` (`photos.py`): a later walk's "fixed? does it feel safer?" for an earlier finding.
- `PoliceAccess` (`police.py`): who may see police-only findings (see `access.py`).

Findings have no `objects` manager: every query says whether it may see non-public
findings (`private_objects`, through `walks.access`) or only public ones (`public_objects`).
How findings look on maps is in `walks.presentation`.
"""

from .finding import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    SCORE_FIELDS,
    Category,
    Cpted,
    Finding,
    FindingQuerySet,
    Status,
)
from .photos import FindingPhoto, ReRating
from .police import PoliceAccess
from .walk import Participants, Walk, WalkQuerySet

__all__ = [
    "CLOSED_STATUSES",
    "OPEN_STATUSES",
    "SCORE_FIELDS",
    "Category",
    "Cpted",
    "Finding",
    "FindingPhoto",
    "FindingQuerySet",
    "Participants",
    "PoliceAccess",
    "ReRating",
    "Status",
    "Walk",
    "WalkQuerySet",
]
