"""publiccode.yml: the fields the standard (version 0.4) requires, with real values."""

import datetime
import tomllib

import yaml
from django.conf import settings

ROOT = settings.BASE_DIR
CODE = yaml.safe_load((ROOT / "publiccode.yml").read_text())
# From the standard's list of categories (the ones this file may use).
CATEGORIES = {
    "project-management",
    "grant-management",
    "document-management",
    "workflow-management",
    "applicant-tracking",
    "collaboration",
}


def test_the_required_fields_are_there():
    for key in ("publiccodeYmlVersion", "name", "url", "platforms", "categories"):
        assert CODE[key], key
    assert CODE["publiccodeYmlVersion"] == "0.4"
    assert CODE["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert CODE["softwareType"] == "standalone/web"
    assert set(CODE["categories"]) <= CATEGORIES
    assert CODE["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert all(contact["name"] for contact in CODE["maintenance"]["contacts"])
    assert CODE["localisation"]["localisationReady"] is True
    assert set(CODE["localisation"]["availableLanguages"]) == {"da", "en"}


def test_the_descriptions_fit_the_standards_limits():
    for language in ("da", "en"):
        text = CODE["description"][language]
        assert len(text["shortDescription"]) <= 150, language
        assert 150 <= len(text["longDescription"]) <= 10000, language
        assert text["features"] and all(len(feature) <= 100 for feature in text["features"])


def test_the_values_are_real_not_placeholders():
    raw = (ROOT / "publiccode.yml").read_text()
    assert ".invalid" not in raw and "example." not in raw
    assert CODE["url"].startswith("https://github.com/")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert CODE["softwareVersion"] == version
    assert datetime.date.fromisoformat(CODE["releaseDate"])
    assert CODE["legal"]["license"] == "MPL-2.0"
    assert "Mozilla Public License Version 2.0" in (ROOT / "LICENSE").read_text()
