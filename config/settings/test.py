"""Tests: fast hashing, demo mode on, an in-memory SQLite unless DATABASE_URL says PostgreSQL."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("TRYGPLAN_DEMO", "1")
os.environ.setdefault("LOG_FORMAT", "text")

from .base import *  # noqa: E402,F403

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# Uploads and stored documents of a test run go to a temporary folder, not the checkout.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="trygplan-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {"BACKEND": "trygplan.core.uploads.PrivateStorage"},
}
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, in the test's own thread and transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TRYGPLAN_BASE_URL = "https://trygplan.test"
