"""The coordinator's weekly digest: what waits in the partnership."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from trygplan.partnerships.models import Partnership, Role


@dataclass
class Digest:
    partnership: Partnership
    week: str
    plans: list  # plans not yet approved (draft, recommended, decided)
    applications: list  # applications to screen (received, under screening)
    submissions: list  # submissions waiting for approval
    overdue_findings: list

    @property
    def is_empty(self) -> bool:
        return not (self.plans or self.applications or self.submissions or self.overdue_findings)


def iso_week(day: datetime.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def digest_for(partnership: Partnership, *, today: datetime.date) -> Digest:
    from trygplan.followup.models import Submission
    from trygplan.plans.models import Plan
    from trygplan.pools.models import Application
    from trygplan.walks.models import Finding

    waiting_plans = (Plan.Status.DRAFT, Plan.Status.RECOMMENDED, Plan.Status.DECIDED)
    to_screen = (Application.Status.RECEIVED, Application.Status.SCREENING)
    return Digest(
        partnership=partnership,
        week=iso_week(today).split("-W")[1].lstrip("0"),
        plans=list(
            Plan.private_objects.filter(partnership=partnership, status__in=waiting_plans)
            .select_related("partnership")
            .order_by("year", "amendment")
        ),
        applications=list(
            Application.private_objects.filter(pool__partnership=partnership, status__in=to_screen)
            .select_related("pool__partnership")
            .order_by("created_at")
        ),
        submissions=list(
            Submission.private_objects.filter(
                partnership=partnership, status=Submission.Status.SUBMITTED
            )
            .select_related("organisation", "partnership")
            .order_by("year")
        ),
        overdue_findings=list(
            Finding.private_objects.for_partnership(partnership)
            .overdue(today)
            .select_related("walk__partnership", "owner_organisation")
            .order_by("deadline")
        ),
    )


def partnerships_with_coordinators():
    return Partnership.objects.filter(memberships__role=Role.COORDINATOR).distinct()
