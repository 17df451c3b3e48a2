"""The start page after login: what waits for this person, per partnership.

Each kind of task is counted for all the person's partnerships in one grouped query, so the
page costs the same number of queries for one partnership or thirty (a city administrator sees
every partnership, as its coordinator would).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from trygplan.followup.models import Reporter, Submission
from trygplan.partnerships.access import is_city_admin
from trygplan.partnerships.models import Membership, Partnership, Role
from trygplan.plans.models import Plan
from trygplan.pools.models import Application
from trygplan.reporting.models import ReportPart, ReportRound
from trygplan.residents.models import Report
from trygplan.walks.models import Finding, PoliceAccess

EDITORS = {Role.COORDINATOR, Role.WORKING_GROUP}
PLAN_TASKS = {
    # plan status → (who acts on it, what the task is called)
    Plan.Status.DRAFT: (EDITORS, "draft"),
    Plan.Status.RECOMMENDED: ({Role.STEERING_GROUP}, "recommended"),
    Plan.Status.DECIDED: ({Role.COORDINATOR}, "decided"),
}
TO_SCREEN = (Application.Status.RECEIVED, Application.Status.SCREENING)


@dataclass
class Task:
    label: str
    count: int
    url: str


@dataclass
class Desk:
    """One partnership as the person sees it on the start page."""

    partnership: Partnership
    role: str
    organisation: object = None
    tasks: list[Task] = field(default_factory=list)

    @property
    def role_label(self) -> str:
        return Role(self.role).label

    @property
    def waiting(self) -> int:
        return sum(task.count for task in self.tasks)


def _grouped(queryset, *fields) -> Counter:
    """{(field values…): rows}, one GROUP BY query."""
    rows = queryset.values_list(*fields).annotate(n=Count("pk")).order_by()
    return Counter({tuple(row[:-1]): row[-1] for row in rows})


def _desks(user) -> list[Desk]:
    if is_city_admin(user):
        return [Desk(p, Role.COORDINATOR) for p in Partnership.objects.order_by("name")]
    memberships = Membership.objects.filter(user=user).select_related("partnership")
    return [Desk(m.partnership, m.role) for m in memberships.order_by("partnership__name")]


def _plan_label(name: str) -> str:
    return {
        "draft": _("Planudkast, som arbejdsgruppen skal indstille til styregruppen"),
        "recommended": _("Planer, som styregruppen skal beslutte"),
        "decided": _("Planer, hvor Økonomiudvalgets godkendelse skal registreres"),
    }[name]


def _plan_tasks(desks, ids) -> None:
    plans = (
        Plan.private_objects.filter(partnership_id__in=ids, status__in=list(PLAN_TASKS))
        .only("partnership_id", "status", "year", "amendment")
        .order_by("year", "amendment")
    )
    by_desk: dict[tuple[int, str], list[Plan]] = {}
    for plan in plans:
        by_desk.setdefault((plan.partnership_id, plan.status), []).append(plan)
    for desk in desks:
        for status, (roles, name) in PLAN_TASKS.items():
            found = by_desk.get((desk.partnership.pk, status), [])
            if found and desk.role in roles:
                first = found[0]
                url = reverse("plans:overview", args=[desk.partnership.slug, first.year])
                desk.tasks.append(Task(_plan_label(name), len(found), url))


def _counted_tasks(desks, ids) -> None:
    submissions = _grouped(
        Submission.private_objects.filter(
            partnership_id__in=ids, status=Submission.Status.SUBMITTED
        ),
        "partnership_id",
    )
    applications = _grouped(
        Application.private_objects.filter(pool__partnership_id__in=ids, status__in=TO_SCREEN),
        "pool__partnership_id",
    )
    reports = _grouped(
        Report.private_objects.filter(partnership_id__in=ids).waiting(), "partnership_id"
    )
    parts = _grouped(
        ReportPart.private_objects.filter(
            round__partnership_id__in=ids, round__status=ReportRound.Status.OPEN
        ).exclude(status=ReportPart.Status.ACCEPTED),
        "round__partnership_id",
        "organisation_id",
        "status",
    )
    for desk in desks:
        pk, slug = desk.partnership.pk, desk.partnership.slug
        coordinator = desk.role == Role.COORDINATOR
        editor = desk.role in EDITORS
        if coordinator:
            desk.tasks.append(
                Task(
                    _("Indberetninger, der venter på din godkendelse"),
                    submissions[(pk,)],
                    reverse("followup:submissions", args=[slug]),
                )
            )
            desk.tasks.append(
                Task(
                    _("Delrapporter, der venter på din godkendelse"),
                    sum(n for (p, _o, s), n in parts.items() if p == pk and s == "submitted"),
                    reverse("reporting:index", args=[slug]),
                )
            )
        if desk.organisation is not None:
            desk.tasks.append(
                Task(
                    _("Delrapporter, din organisation skal skrive"),
                    parts[(pk, desk.organisation.pk, ReportPart.Status.DRAFT)],
                    reverse("reporting:index", args=[slug]),
                )
            )
        if editor:
            desk.tasks.append(
                Task(
                    _("Ansøgninger til puljerne, der skal screenes"),
                    applications[(pk,)],
                    reverse("pools:index", args=[slug]),
                )
            )
            desk.tasks.append(
                Task(
                    _("Beboernes meldinger, der skal behandles"),
                    reports[(pk,)],
                    reverse("residents:moderation", args=[slug]),
                )
            )


def _finding_tasks(user, desks, ids, today) -> None:
    police = set(
        PoliceAccess.objects.filter(user=user, partnership_id__in=ids).values_list(
            "partnership_id", flat=True
        )
    )
    overdue = _grouped(
        Finding.private_objects.filter(walk__partnership_id__in=ids).overdue(today),
        "walk__partnership_id",
        "owner_organisation_id",
        "visibility",
    )
    admin = is_city_admin(user)
    for desk in desks:
        pk = desk.partnership.pk
        sees_police = admin or pk in police
        mine = desk.organisation.pk if desk.organisation is not None else None
        if desk.role != Role.COORDINATOR and mine is None:
            continue
        count = sum(
            n
            for (p, owner, visibility), n in overdue.items()
            if p == pk
            and (desk.role == Role.COORDINATOR or owner == mine)
            and (sees_police or visibility != Finding.Visibility.POLICE_ONLY)
        )
        label = (
            _("Fund med overskredet frist")
            if desk.role == Role.COORDINATOR
            else _("Fund, din organisation skal løse, med overskredet frist")
        )
        desk.tasks.append(Task(label, count, reverse("walks:map", args=[desk.partnership.slug])))


def desks_for(user, *, today: datetime.date) -> list[Desk]:
    """The person's partnerships with what waits in each; tasks with nothing waiting are
    kept (count 0), so a person sees that their part is done."""
    desks = _desks(user)
    ids = [desk.partnership.pk for desk in desks]
    organisations = {
        r.partnership_id: r.organisation
        for r in Reporter.objects.filter(user=user, partnership_id__in=ids).select_related(
            "organisation"
        )
    }
    for desk in desks:
        desk.organisation = organisations.get(desk.partnership.pk)
    _plan_tasks(desks, ids)
    _counted_tasks(desks, ids)
    _finding_tasks(user, desks, ids, today)
    return desks
