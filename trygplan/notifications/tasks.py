"""The background task that sends a notice (run by `trygplan db_worker`)."""

from django_tasks import task

from .services import notice_send


@task()
def deliver_notice(notice_id: int) -> str:
    return notice_send(notice_id=notice_id)
