"""Shared parts of the fuzz tests (Hypothesis): the settings, what people might type, and a
requester that sends each case through the whole app in-process and counts cases and
server errors for the summary that `make fuzz` (and `make test`) prints.

FUZZ_EXAMPLES sets the cases per test (1.000 by default; `make fuzz` runs 20.000).
Runs are reproducible: Hypothesis is derandomised and keeps no example database.
"""

import os
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie

from django.db import transaction
from django.test import RequestFactory
from django.test.client import ClientHandler
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "1000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

# {test name: {"cases": n, "server_errors": n, "seconds": s}}, printed by the root conftest.
STATS: dict[str, dict] = {}

NASTY = [
    "",
    " ",
    "\x0b",
    "\x00",
    "a\x0bb\x1fc",
    "\ufeff",
    "\ufffe",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    "+1",
    "-1",
    "@SUM(A1)",
    "'; DROP TABLE x; --",
    "%PDF-1.4",
    "9" * 4300,
    "1" * 13,
    "x" * 10_001,
    "\u202e\u0645",
    "ÆØÅ æøå",
    "null",
    "NaN",
    "Infinity",
    "1e309",
    "-0",
    "0x10",
    "١٢٣",
]


def typed(max_size: int = 300):
    """What someone might type into a text field: anything, numbers, dates, nasty strings."""
    return st.one_of(
        st.text(max_size=max_size),
        st.sampled_from(NASTY),
        st.from_regex(r"-?[0-9 .,]{0,20}( ?kr\.?)?", fullmatch=True),
        st.from_regex(r"[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}", fullmatch=True),
        st.integers().map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
    )


def amount():
    """A kroner amount as typed, valid or not."""
    return st.one_of(
        st.integers(min_value=-10, max_value=10**16).map(str),
        st.integers(min_value=0, max_value=10**13).map(lambda n: f"{n:,}".replace(",", ".")),
        st.from_regex(r"[0-9.]{1,20}(,[0-9]{0,3})?( kr\.)?", fullmatch=True),
        typed(60),
    )


def files():
    """Uploads: nothing, random bytes, or files that start like PDF, PNG or JPEG."""
    heads = st.sampled_from(
        [b"", b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"PK\x03\x04"]
    )
    return st.tuples(
        st.sampled_from(["a.pdf", "b.png", "c.jpg", "d.exe", "e", "../../etc/passwd", "æøå.pdf"]),
        heads,
        st.binary(max_size=600),
        st.sampled_from([b"", b"\n%%EOF\n", b"\n1 0 obj<<>>endobj\n%%EOF\n", b"<html>"]),
    ).map(lambda t: (t[0], t[1] + t[2] + t[3]))


def count_rows(*models) -> tuple[int, ...]:
    """Row counts through the base manager (models with private rows have no `objects`)."""
    return tuple(model._base_manager.count() for model in models)


@contextmanager
def rolled_back():
    """Run one case in a savepoint that is rolled back: every case starts from the same data."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


_handler = None


def _shared_handler() -> ClientHandler:
    global _handler
    if _handler is None:
        _handler = ClientHandler(enforce_csrf_checks=False)
    return _handler


class Requester:
    """Sends requests through Django's handler with every middleware, as the test client does,
    but without the client's copying of every template context (a third of the time).
    A crash comes back as a 500 response; both are counted as server errors.

    One per fuzz test (a module constant); `seconds` runs from its first case to its last."""

    def __init__(self, name: str):
        self.name = name
        self.factory = RequestFactory()
        self.stats = STATS.setdefault(name, {"cases": 0, "server_errors": 0, "seconds": 0.0})
        self.started = None

    def post(self, url: str, data: dict, *, client=None, **extra):
        """POST as the client's logged-in user (its session cookie), or anonymously."""
        self.started = self.started or time.perf_counter()
        self.stats["cases"] += 1
        self.factory.cookies = client.cookies if client is not None else SimpleCookie()
        response = _shared_handler()(self.factory.post(url, data, **extra).environ)
        if response.status_code >= 500:
            self.stats["server_errors"] += 1
        self.stats["seconds"] = time.perf_counter() - self.started
        return response
