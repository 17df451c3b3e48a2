"""Local development: debug on, a fixed insecure key, demo mode on, mail printed to the
console, logs as text."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("TRYGPLAN_DEMO", "1")
os.environ.setdefault("LOG_FORMAT", "text")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

from .base import *  # noqa: E402,F403
from .base import env_bool  # noqa: E402

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
DEBUG = env_bool("DEBUG", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` starts no worker: tasks (mails, documents) run at once, inside the request.
# Run `trygplan db_worker` and set TRYGPLAN_DEV_TASK_QUEUE=1 to try the real queue.
if not env_bool("TRYGPLAN_DEV_TASK_QUEUE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
