"""Notices on workflow steps, registered in `NotificationsConfig.ready()` with
`Workflow.on_enter` / `on_start`: the modules that own the workflows know nothing of mail.
Each runs in the step's transaction; the mail is sent after commit."""

from . import notices
from .models import Kind


def application_received(application, *, user, step):
    notices.application_received(application, step=step)


def application_info_requested(application, *, user, step):
    notices.application_info_requested(application, step=step)


def application_granted(application, *, user, step):
    notices.application_decided(application, step=step, granted=True)


def application_rejected(application, *, user, step):
    notices.application_decided(application, step=step, granted=False)


def plan_recommended(plan, *, user, step):
    notices.plan_waiting(plan, step=step)


def finding_assigned(finding, *, user, step):
    notices.finding_notice(finding, kind=Kind.FINDING_ASSIGNED, key=f"step:{step.pk}")


def submission_returned(submission, *, user, step):
    if step.action == "return":  # a new submission also starts as a draft
        notices.submission_notice(submission, kind=Kind.SUBMISSION_RETURNED, step=step)


def submission_approved(submission, *, user, step):
    notices.submission_notice(submission, kind=Kind.SUBMISSION_APPROVED, step=step)


def register() -> None:
    from trygplan.followup.models import Submission
    from trygplan.followup.workflow import SUBMISSION
    from trygplan.plans.models import Plan
    from trygplan.plans.workflow import PLAN
    from trygplan.pools.models import Application
    from trygplan.pools.workflow import APPLICATION
    from trygplan.walks.models import Finding
    from trygplan.walks.workflow import FINDING

    APPLICATION.on_start(application_received)
    APPLICATION.on_enter(Application.Status.MORE_INFO_REQUESTED, application_info_requested)
    APPLICATION.on_enter(Application.Status.GRANTED, application_granted)
    APPLICATION.on_enter(Application.Status.REJECTED, application_rejected)
    PLAN.on_enter(Plan.Status.RECOMMENDED, plan_recommended)
    FINDING.on_enter(Finding.Status.ASSIGNED, finding_assigned)
    SUBMISSION.on_enter(Submission.Status.DRAFT, submission_returned)
    SUBMISSION.on_enter(Submission.Status.APPROVED, submission_approved)
