"""Accepting a part books what it reports, so that nothing is typed twice.

A partner reports totals "so far in the year" (youths in the job programme, kroner spent).
What is already recorded up to the report's day (deliverable progress on the status board,
money booked as `Spending`) is subtracted and only the rest is booked, dated the report's day
(or today, before that day has come): the board and the budget stay the one source, and a
figure reported again in the next round is not counted twice. A total lower than what is
recorded is refused with a message; the coordinator sends the part back instead.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Max, Sum
from django.utils import formats
from django.utils.translation import gettext as _

from trygplan.audit.models import AuditEntry
from trygplan.audit.services import audit_record
from trygplan.followup.models import DeliverableProgress
from trygplan.lib.money import format_kroner

from .models import ReportPart, Spending

__all__ = ["booked_spending", "part_book", "recorded_progress"]


def recorded_progress(deliverable, *, year: int, day: datetime.date) -> int:
    """What the status board has for the deliverable in the year up to `day`."""
    total = DeliverableProgress.objects.filter(
        deliverable=deliverable, date__year=year, date__lte=day
    ).aggregate(total=Sum("count"))["total"]
    return int(total or 0)


def booked_spending(partnership, *, year: int, key: str, source: str, day) -> int:
    total = (
        Spending.objects.for_year(partnership, year)
        .filter(activity_key=key, source=source)
        .up_to(day)
        .aggregate(total=Sum("amount"))["total"]
    )
    return int(total or 0)


def _new_period_start(partnership, *, year: int, key: str, source: str, day) -> datetime.date:
    """The day after the last booked period ending by `day` (1 January if none)."""
    last = (
        Spending.objects.for_year(partnership, year)
        .filter(activity_key=key, source=source)
        .up_to(day)
        .aggregate(last=Max("date_to"))["last"]
    )
    if last is None:
        return datetime.date(year, 1, 1)
    return min(last + datetime.timedelta(days=1), day)


def _context(part: ReportPart) -> dict:
    return {"partnership": part.round.partnership, "plan": part.round.plan}


def _book_figure(part, figure, *, day, user) -> None:
    year = part.round.year
    recorded = recorded_progress(figure.deliverable, year=year, day=day)
    new = int(figure.count) - recorded
    if new < 0:
        raise ValidationError(
            _(
                "“%(deliverable)s”: der er allerede registreret %(recorded)s til og med "
                "%(day)s, mere end delrapportens %(count)s. Send delrapporten tilbage."
            )
            % {
                "deliverable": figure.deliverable.target_text(),
                "recorded": recorded,
                "day": formats.date_format(day, "j. F Y"),
                "count": figure.count,
            }
        )
    if new == 0:
        return
    entry = DeliverableProgress(
        deliverable=figure.deliverable,
        date=day,
        count=new,
        note=_("Fra %(round)s (%(organisation)s)")
        % {"round": part.round, "organisation": part.organisation or _("koordinatoren")},
        created_by=user if user.is_authenticated else None,
        is_invented=part.is_invented,
    )
    entry.full_clean()
    entry.save()
    audit_record(
        user=user,
        obj=entry,
        action=AuditEntry.Action.CREATE,
        changes={"count": [None, new], "date": [None, day]},
        reason=str(part),
        activity_key=figure.deliverable.description.key,
        **_context(part),
    )


def _book_money(part, line, *, day, user) -> None:
    partnership, year = part.round.partnership, part.round.year
    key = line.activity.key
    booked = booked_spending(partnership, year=year, key=key, source=line.source, day=day)
    new = line.amount - booked
    if new < 0:
        raise ValidationError(
            _(
                "%(activity)s: der er allerede bogført %(booked)s til og med %(day)s, mere end "
                "delrapportens %(amount)s Send delrapporten tilbage."
            )
            % {
                "activity": line.activity,
                "booked": format_kroner(booked),
                "day": formats.date_format(day, "j. F Y"),
                "amount": format_kroner(line.amount),
            }
        )
    if new == 0:
        return
    spending = Spending(
        partnership=partnership,
        year=year,
        activity_key=key,
        source=line.source,
        date_from=_new_period_start(partnership, year=year, key=key, source=line.source, day=day),
        date_to=day,
        amount=new,
        note=str(part.round),
        part=part,
        created_by=user if user.is_authenticated else None,
        is_invented=part.is_invented,
    )
    spending.full_clean()
    spending.save()
    audit_record(
        user=user,
        obj=spending,
        action=AuditEntry.Action.CREATE,
        changes={"amount": [None, new], "date_to": [None, day]},
        reason=str(part),
        activity_key=key,
        **_context(part),
    )


def part_book(*, part: ReportPart, user) -> None:
    """Book an accepted part's figures and money (inside the accepting step's transaction)."""
    day = part.round.figures_day()
    for figure in part.figures.select_related("deliverable__description"):
        _book_figure(part, figure, day=day, user=user)
    for line in part.spending.select_related("activity"):
        _book_money(part, line, day=day, user=user)
