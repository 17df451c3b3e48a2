"""Log lines for machines and people, and the optional error reporting.

Code logs to a `trygplan.<module>` logger with a short event name as the message and the facts
as `extra`, e.g.::

    logger.info("login_failed", extra={"username": "x", "ip": "10.0.0.1"})

`JsonFormatter` writes that as one JSON object a line on stdout
(`{"ts": ..., "level": "INFO", "logger": "trygplan.accounts", "event": "login_failed",
"username": "x", "ip": "10.0.0.1"}`); `TextFormatter` as `... login_failed username=x ip=...`.
Never log passwords, tokens, or anything that identifies a young person.
"""

from __future__ import annotations

import datetime
import json
import logging

# Attributes every LogRecord has; anything else on a record came in through `extra`.
_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def _extras(record: logging.LogRecord) -> dict:
    return {key: value for key, value in vars(record).items() if key not in _STANDARD}


def _timestamp(record: logging.LogRecord) -> str:
    moment = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
    return moment.isoformat(timespec="milliseconds")


# gunicorn's access log passes its "atoms" as the record's args: these become fields.
_ACCESS_FIELDS = {
    "h": "remote",
    "m": "method",
    "U": "path",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "a": "user_agent",
}


def _access_fields(record: logging.LogRecord) -> dict:
    if record.name != "gunicorn.access" or not isinstance(record.args, dict):
        return {}
    return {name: record.args.get(atom) for atom, name in _ACCESS_FIELDS.items()}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        access = _access_fields(record)
        line = {
            "ts": _timestamp(record),
            "level": record.levelname,
            "logger": record.name,
            "event": "request" if access else record.getMessage(),
            **access,
            **_extras(record),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        facts = " ".join(f"{key}={value}" for key, value in _extras(record).items())
        line = f"{_timestamp(record)} {record.levelname} {record.name} {record.getMessage()}"
        line = f"{line} {facts}" if facts else line
        if record.exc_info:
            line = f"{line}\n{self.formatException(record.exc_info)}"
        return line


def error_reporting_init(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    """Send unhandled errors (and ERROR log records) to a Sentry-compatible service.

    Called from the settings only when SENTRY_DSN is set. No personal data is sent: no
    cookies, no user names, no request bodies.
    """
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=traces_sample_rate,
    )
