"""One function per kind of notice: who gets it, its subject, what the mail shows, and why the
reader gets it. Called by the workflow listeners (`listeners.py`), the jobs (`jobs.py`) and
the coordinator's page. All in Danish: a mail has no request language."""

from __future__ import annotations

from django.utils import formats, translation
from django.utils.translation import gettext as _

from trygplan.lib.money import format_kroner

from . import recipients
from .models import Kind
from .services import absolute_url, notice_queue


def _day(value) -> str:
    return formats.date_format(value, "j. F Y")


# --- pool applicants -------------------------------------------------------------------------


def _application(application, *, kind: str, key: str, subject: str, **context):
    pool = application.pool
    partnership = pool.partnership
    return notice_queue(
        kind=kind,
        key=key,
        recipients=recipients.applicant(application),
        subject=subject % {"title": application.title},
        context={
            "application": application,
            "pool": pool,
            "partnership": partnership,
            "link": absolute_url(application.get_applicant_url()),
            **context,
        },
        why=_(
            "Du får denne e-mail, fordi du har søgt %(pool)s i %(partnership)s og har givet "
            "samtykke til, at vi skriver til dig om ansøgningen."
        )
        % {"pool": str(pool).lower(), "partnership": partnership.name},
        partnership=partnership,
    )


def application_received(application, *, step):
    with translation.override("da"):
        return _application(
            application,
            kind=Kind.APPLICATION_RECEIVED,
            key=f"application:{application.pk}",
            subject=_("Vi har modtaget din ansøgning: %(title)s"),
        )


def application_info_requested(application, *, step):
    with translation.override("da"):
        return _application(
            application,
            kind=Kind.APPLICATION_INFO_REQUESTED,
            key=f"step:{step.pk}",
            subject=_("Vi mangler oplysninger om din ansøgning: %(title)s"),
            question=application.info_request,
        )


def application_decided(application, *, step, granted: bool):
    with translation.override("da"):
        amount = format_kroner(application.grant.amount) if granted else ""
        return _application(
            application,
            kind=Kind.APPLICATION_DECIDED,
            key=f"step:{step.pk}",
            subject=_("Din ansøgning er bevilget: %(title)s")
            if granted
            else _("Din ansøgning er afslået: %(title)s"),
            granted=granted,
            amount=amount,
            reason=application.grant.reason if granted else step.comment,
        )


def application_paid(expense):
    application = expense.grant.application
    with translation.override("da"):
        return _application(
            application,
            kind=Kind.APPLICATION_PAID,
            key=f"expense:{expense.pk}",
            subject=_("Der er betalt fra din bevilling: %(title)s"),
            expense=expense,
            amount=format_kroner(expense.amount),
            date=_day(expense.date),
            spent=format_kroner(expense.grant.spent()),
            granted_amount=format_kroner(expense.grant.amount),
        )


# --- findings --------------------------------------------------------------------------------


def _finding_subject(kind: str, values: dict) -> str:
    if kind == Kind.FINDING_ASSIGNED:
        return _("Fund nr. %(number)s fra %(walk)s er tildelt %(organisation)s") % values
    if kind == Kind.FINDING_DEADLINE_SOON:
        return _("Fund nr. %(number)s fra %(walk)s har frist %(deadline)s") % values
    return _("Fund nr. %(number)s fra %(walk)s har overskredet fristen") % values


def finding_notice(finding, *, kind: str, key: str, today=None):
    """Assigned, deadline soon or overdue: to the owning organisation's contact."""
    walk = finding.walk
    partnership = walk.partnership
    with translation.override("da"):
        organisation = finding.owner_organisation
        values = {
            "number": finding.number,
            "walk": walk.title,
            "organisation": organisation.short_name if organisation else "",
            "deadline": _day(finding.deadline) if finding.deadline else "",
        }
        return notice_queue(
            kind=kind,
            key=key,
            recipients=recipients.finding_owner(finding),
            subject=_finding_subject(kind, values),
            context={
                "finding": finding,
                "walk": walk,
                "partnership": partnership,
                "organisation": organisation,
                "deadline": values["deadline"],
                "overdue_days": (today - finding.deadline).days if today else None,
                "link": absolute_url(finding.get_absolute_url()),
            },
            why=_(
                "Du får denne e-mail, fordi koordinatoren i %(partnership)s har angivet denne "
                "adresse som kontakt for fund, der er tildelt %(organisation)s."
            )
            % {"partnership": partnership.name, "organisation": values["organisation"]},
            partnership=partnership,
        )


# --- reporters -------------------------------------------------------------------------------


def _reporter_why(partnership, organisation) -> str:
    return _(
        "Du får denne e-mail, fordi du indberetter tal for %(organisation)s i %(partnership)s."
    ) % {"organisation": organisation.short_name, "partnership": partnership.name}


def submission_notice(submission, *, kind: str, step):
    partnership = submission.partnership
    with translation.override("da"):
        if kind == Kind.SUBMISSION_RETURNED:
            subject = _("Din indberetning for %(year)s er sendt tilbage")
        else:
            subject = _("Din indberetning for %(year)s er godkendt")
        return notice_queue(
            kind=kind,
            key=f"step:{step.pk}",
            recipients=recipients.reporters(partnership, submission.organisation),
            subject=subject % {"year": submission.year},
            context={
                "submission": submission,
                "partnership": partnership,
                "comment": step.comment,
                "link": absolute_url(submission.get_absolute_url()),
            },
            why=_reporter_why(partnership, submission.organisation),
            partnership=partnership,
        )


def figures_requested(*, partnership, year: int, organisations, message: str, key: str):
    """The coordinator asks the reporters of `organisations` for the year's figures."""
    from django.urls import reverse

    made = []
    with translation.override("da"):
        for organisation in organisations:
            made += notice_queue(
                kind=Kind.FIGURES_REQUESTED,
                key=f"{key}:{organisation.pk}",
                recipients=recipients.reporters(partnership, organisation),
                subject=_("Koordinatoren beder om tal for %(year)s") % {"year": year},
                context={
                    "partnership": partnership,
                    "organisation": organisation,
                    "year": year,
                    "message": message,
                    "link": absolute_url(reverse("followup:submissions", args=[partnership.slug])),
                },
                why=_reporter_why(partnership, organisation),
                partnership=partnership,
            )
    return made


# --- the steering group and the coordinator --------------------------------------------------


def _steering_why(partnership) -> str:
    return _("Du får denne e-mail, fordi du er med i styregruppen for %(partnership)s.") % {
        "partnership": partnership.name
    }


def plan_waiting(plan, *, step):
    partnership = plan.partnership
    with translation.override("da"):
        return notice_queue(
            kind=Kind.PLAN_WAITING,
            key=f"step:{step.pk}",
            recipients=recipients.steering_group(partnership),
            subject=_("Tryghedsplan %(version)s venter på styregruppens beslutning")
            % {"version": plan.version_label()},
            context={
                "plan": plan,
                "partnership": partnership,
                "comment": step.comment,
                "link": absolute_url(plan.get_version_url()),
            },
            why=_steering_why(partnership),
            partnership=partnership,
        )


def report_waiting(*, partnership, title: str, path: str, key: str):
    with translation.override("da"):
        return notice_queue(
            kind=Kind.REPORT_WAITING,
            key=key,
            recipients=recipients.steering_group(partnership),
            subject=_("%(title)s venter på styregruppen") % {"title": title},
            context={"partnership": partnership, "title": title, "link": absolute_url(path)},
            why=_steering_why(partnership),
            partnership=partnership,
        )


def coordinator_digest(digest, *, key: str):
    partnership = digest.partnership
    with translation.override("da"):
        return notice_queue(
            kind=Kind.COORDINATOR_DIGEST,
            key=key,
            recipients=recipients.coordinators(partnership),
            subject=_("Det venter i %(partnership)s (uge %(week)s)")
            % {"partnership": partnership.name, "week": digest.week},
            context={
                "digest": digest,
                "partnership": partnership,
                "link": absolute_url(partnership.get_absolute_url()),
                "base_url": absolute_url(""),
            },
            why=_("Du får denne e-mail, fordi du er koordinator for %(partnership)s.")
            % {"partnership": partnership.name},
            partnership=partnership,
        )
