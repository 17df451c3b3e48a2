"""The task queue other modules use: django-tasks with its database backend, run by
`trygplan db_worker` (the compose file's `worker`)."""

import io

import pytest
from django.core.management import call_command
from django_tasks import TaskResultStatus, task


@task()
def add(a: int, b: int) -> int:
    return a + b


# The worker commits and closes its connections as a real one does: a transactional test.
@pytest.mark.django_db(transaction=True)
def test_a_task_waits_in_the_database_until_the_worker_runs_it(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = add.enqueue(2, 3)
    assert result.status == TaskResultStatus.READY
    call_command("db_worker", batch=True, reload=False, stdout=io.StringIO())
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 5


def test_production_settings_queue_tasks_in_the_database():
    from config.settings import base

    assert base.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in base.INSTALLED_APPS
