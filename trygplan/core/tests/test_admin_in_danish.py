"""The Django admin speaks Danish: every app and model heading, the index and each change
page (inline headings such as "Aktivitet: …" included). The fields' own names (column
headings, form labels) are a later step: many fields still carry the name Django derives."""

import re
from html import unescape

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

# The English names Django would make up from the code (app labels, class names).
ENGLISH = {
    config.label.replace("_", " ").title()
    for config in apps.get_app_configs()
    if config.name.startswith("trygplan")
} | {
    re.sub(r"(?<!^)(?=[A-Z])", " ", model.__name__)
    for model in apps.get_models()
    if model.__module__.startswith("trygplan")
}
# App, model and inline headings (the fields' own column names are not checked here).
HEADINGS = re.compile(r"<(h1|h2|h3|caption)[^>]*>(.*?)</\1>", re.S)


def _headings(html: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", h)).strip() for _tag, h in HEADINGS.findall(html)]


def _english_in(texts) -> set[str]:
    found = set()
    for text in texts:
        for word in ENGLISH:
            # "Plans", "Walks", "Activity:" … as a heading's own word, not inside Danish text
            if re.search(rf"(^|\s){re.escape(word)}(:|$)", text):
                found.add(f"{word!r} in {text!r}")
    return found


def test_our_apps_and_models_have_danish_names():
    for config in apps.get_app_configs():
        if config.name.startswith("trygplan"):
            assert config.verbose_name != config.label.title(), config.name
            for model in config.get_models():
                assert "verbose_name" in model._meta.original_attrs, model


@pytest.mark.django_db
def test_the_admin_index_and_change_pages_have_no_english_headings(client, plan2016, city_admin):
    city_admin.is_superuser = city_admin.is_staff = True
    city_admin.save()
    client.force_login(city_admin)
    index = client.get(reverse("admin:index"))
    assert index.status_code == 200
    html = index.content.decode()
    assert "Tryghedsplaner" in html and "Tryghedsvandringer" in html
    texts = _headings(html)
    for model, _model_admin in admin.site._registry.items():
        if not model.__module__.startswith("trygplan"):
            continue
        meta = model._meta
        changelist = client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        assert changelist.status_code == 200, meta.label
        texts += _headings(changelist.content.decode())
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            texts += _headings(client.get(url).content.decode())
    assert not _english_in(texts)
