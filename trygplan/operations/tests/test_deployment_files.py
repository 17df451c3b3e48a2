"""The Dockerfile, compose.yaml and friends, checked without a container engine (this machine
has none; .ci/run builds the image where `docker info` works)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

ROOT = Path(settings.BASE_DIR)
DOCKERFILE = (ROOT / "Dockerfile").read_text()
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
WEASYPRINT_AND_SAML_PACKAGES = {
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz0b",
    "fonts-dejavu-core",
    "xmlsec1",
}


def instructions(name: str) -> list[str]:
    """The Dockerfile's instructions of one kind, with continued lines joined."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(f"{name} ")]


def apt_packages() -> set[str]:
    [install] = [run for run in instructions("RUN") if "apt-get install" in run]
    after = install.split("apt-get install", 1)[1].split("&&")[0]
    return {word for word in after.split() if not word.startswith("-")}


def test_the_image_is_debian_slim_python_with_pango_fonts_and_xmlsec():
    [base] = instructions("FROM")
    assert re.fullmatch(r"python:3\.1[12]-slim-bookworm", base)
    assert apt_packages() >= WEASYPRINT_AND_SAML_PACKAGES


def test_the_image_runs_as_a_user_that_is_not_root():
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0")
    assert "useradd --system --uid 10001" in " ".join(instructions("RUN"))
    assert DOCKERFILE.index("USER ") > DOCKERFILE.index("collectstatic")


def test_the_image_installs_from_the_lock_collects_static_and_checks_health():
    runs = " ".join(instructions("RUN"))
    assert "uv sync --frozen --no-dev" in runs and "collectstatic --noinput" in runs
    assert instructions("HEALTHCHECK") and (ROOT / "deploy/healthcheck.py").exists()
    [entrypoint] = instructions("ENTRYPOINT")
    script = ROOT / entrypoint.strip('[]"').removeprefix("/app/")
    assert os.access(script, os.X_OK) and "TRYGPLAN_MIGRATE" in script.read_text()
    [command] = instructions("CMD")
    assert "config/gunicorn.conf.py" in command and (ROOT / "config/gunicorn.conf.py").exists()


@pytest.mark.skipif(
    "bookworm" not in Path("/etc/os-release").read_text()
    if Path("/etc/os-release").exists()
    else True,
    reason="checks the package names against this machine's Debian 12 (bookworm) lists",
)
def test_the_images_debian_packages_exist_in_bookworm():
    if not shutil.which("apt-cache"):
        pytest.skip("no apt-cache here")
    for package in sorted(apt_packages()):
        shown = subprocess.run(["apt-cache", "show", package], capture_output=True, text=True)
        assert shown.returncode == 0 and f"Package: {package}" in shown.stdout, package


def test_the_image_leaves_out_local_state_and_secrets():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {
        ".git",
        ".venv",
        "db.sqlite3",
        "media",
        "private-media",
        ".env",
        "staticfiles",
    } <= ignored


def test_compose_has_the_database_the_app_the_worker_and_the_jobs():
    services = COMPOSE["services"]
    assert set(services) == {"db", "migrate", "web", "worker", "jobs"}
    assert services["db"]["image"].startswith("postgres:")
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    for name in ("migrate", "web", "worker", "jobs"):
        service = services[name]
        assert "media:/data/media" in service["volumes"], name
        assert "uploads:/data/uploads" in service["volumes"], name
        assert service["environment"]["MEDIA_ROOT"] == "/data/media"
        assert service["environment"]["TRYGPLAN_PRIVATE_MEDIA_ROOT"] == "/data/uploads"
        assert "@db:5432/" in service["environment"]["DATABASE_URL"]
    for name in ("web", "worker", "jobs"):
        assert services[name]["depends_on"]["migrate"]["condition"] == (
            "service_completed_successfully"
        )
    assert set(COMPOSE["volumes"]) == {"pgdata", "media", "uploads"}


def test_compose_commands_are_real_commands():
    services = COMPOSE["services"]
    commands = get_commands()
    for name in ("migrate", "worker", "jobs"):
        program, command, *_ = services[name]["command"]
        assert program == "trygplan" and command in commands, name
    assert services["jobs"]["command"] == ["trygplan", "run-jobs", "--loop"]
    assert services["worker"]["command"] == ["trygplan", "db_worker"]
    assert services["web"]["command"][:3] == ["gunicorn", "-c", "config/gunicorn.conf.py"]


def test_every_setting_from_the_environment_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    table = readme[readme.index("## Drift") :]
    read = set()
    for path in (ROOT / "config/settings").glob("*.py"):
        read |= set(
            re.findall(
                r"(?:environ\.get|env_bool|env_list|_get|_required)\(\s*(?:environ,\s*)?\"([A-Z][A-Z0-9_]+)\"",
                path.read_text(),
            )
        )
    read |= set(
        re.findall(r"environ\.get\(\"([A-Z_]+)\"", (ROOT / "config/gunicorn.conf.py").read_text())
    )
    assert len(read) > 40
    missing = sorted(name for name in read if f"`{name}`" not in table)
    assert missing == []
    example = set(
        re.findall(r"^#?([A-Z][A-Z0-9_]+)=", (ROOT / "deploy/env.example").read_text(), re.M)
    )
    assert sorted(name for name in example if f"`{name}`" not in table) == []
