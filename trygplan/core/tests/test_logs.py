"""Structured logs (one JSON object or key=value line a record) and the optional error reporting."""

import gzip
import json
import logging
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import sentry_sdk
from django.conf import settings

from trygplan.audit.services import audit_record
from trygplan.core.logs import JsonFormatter, TextFormatter


def record(**extra) -> logging.LogRecord:
    made = logging.getLogger("trygplan.accounts").makeRecord(
        "trygplan.accounts", logging.WARNING, __file__, 1, "login_failed", (), None, extra=extra
    )
    return made


def test_a_record_becomes_one_json_line_with_its_facts():
    line = JsonFormatter().format(record(username="pia", ip="10.0.0.7"))
    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["event"] == "login_failed" and parsed["level"] == "WARNING"
    assert (parsed["logger"], parsed["username"], parsed["ip"]) == (
        "trygplan.accounts",
        "pia",
        "10.0.0.7",
    )
    assert parsed["ts"].endswith("+00:00")


def test_the_text_format_is_key_value():
    line = TextFormatter().format(record(username="pia"))
    assert line.endswith("WARNING trygplan.accounts login_failed username=pia")


def test_a_change_through_the_audit_log_is_logged(plan2016, koordinator, caplog):
    caplog.set_level("INFO", logger="trygplan.audit")
    audit_record(user=koordinator, obj=plan2016, action="transition", plan=plan2016)
    [change] = [r for r in caplog.records if r.name == "trygplan.audit"]
    assert (change.getMessage(), change.model, change.object_id, change.user_id) == (
        "change",
        "plan",
        plan2016.pk,
        koordinator.pk,
    )


def test_production_logs_are_json_on_stdout_by_default():
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["stream"] is sys.stdout
    assert settings.LOGGING["loggers"]["trygplan"]["level"] == "INFO"


def test_error_reporting_is_off_without_a_dsn():
    assert settings.SENTRY_DSN == ""
    assert not sentry_sdk.get_client().is_active()


def test_with_a_dsn_an_unhandled_error_reaches_the_error_service(tmp_path):
    received = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            elif self.headers.get("Content-Encoding") == "br":
                import brotli

                body = brotli.decompress(body)
            received.append((self.path, body))
            self.send_response(200)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    port = server.server_address[1]
    program = (
        "import django, sentry_sdk\n"
        "django.setup()\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    sentry_sdk.capture_exception()\n"
        "sentry_sdk.flush(10)\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "SENTRY_DSN": f"http://public@127.0.0.1:{port}/42",
    }
    try:
        subprocess.run(
            [sys.executable, "-c", program], cwd=settings.BASE_DIR, env=env, check=True, timeout=60
        )
    finally:
        server.shutdown()
        server.server_close()
    assert received and all(path == "/api/42/envelope/" for path, _ in received)
    assert any(b"ZeroDivisionError" in body for _, body in received)
    assert not any(b"sessionid" in body for _, body in received)
