"""Settings that change the URLs (admin path, single sign-on) need the URLconf built again."""

import importlib
from contextlib import contextmanager

from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches, set_urlconf


def _reload_urls() -> None:
    clear_url_caches()
    set_urlconf(None)
    importlib.reload(importlib.import_module(settings.ROOT_URLCONF))


@contextmanager
def settings_and_urls(**values):
    """Override settings, build the URLs with them, and build them back afterwards."""
    try:
        with override_settings(**values):
            _reload_urls()
            yield
    finally:
        _reload_urls()
