"""The production server: gunicorn with config/gunicorn.conf.py serves the app and logs JSON."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings

GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, attempts: int = 100):
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status, response.read()
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"gunicorn did not answer at {url}")


def test_gunicorn_serves_the_health_check_and_logs_each_request_as_json(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "GUNICORN_WORKERS": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "LOG_FORMAT": "json",
    }
    env.pop("DATABASE_URL", None)  # its own in-memory SQLite: the test database is not shared
    log = (tmp_path / "stdout").open("w+")
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.PIPE,
    )
    try:
        status, body = get(f"http://127.0.0.1:{port}/healthz")
        assert status == 200 and json.loads(body) == {"status": "ok", "database": "ok"}
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    log.seek(0)
    lines = [json.loads(line) for line in log if line.strip()]
    requests = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert requests[-1]["event"] == "request"
    assert (requests[-1]["method"], requests[-1]["path"], requests[-1]["status"]) == (
        "GET",
        "/healthz",
        "200",
    )
    assert b"Booting worker" in errors and server.returncode == 0
