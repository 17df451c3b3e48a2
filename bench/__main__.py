"""`make bench`: time the pages and renderings on the Amager demo; prints medians.

Each bench/bench_*.py defines functions `bench_<what>(ctx)`; each is run once to warm up
and then ROUNDS times. A function that returns a number reports its own time in seconds (e.g.
a rendering in a fresh process, without the process's start-up); one that raises `Skip` is
listed with its reason. A module's `report(medians)` may add summary lines. The database is a
fresh SQLite file with the full demo loaded.
Usage: python -m bench [substring ...]   (only benchmarks whose name contains one of them)
"""

import importlib
import os
import pkgutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import Skip

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))


class Context:
    """What a benchmark gets: the demo partnership, its 2016 plan and logged-in clients."""

    def __init__(self):
        from django.test import Client

        from trygplan.demo.services import demo_load
        from trygplan.plans.models import Plan

        self.partnership, _ = demo_load()
        self.plan = Plan.private_objects.get(partnership=self.partnership, year=2016)
        self._client_class = Client
        self._clients = {}

    def client(self, username: str | None = None):
        if username not in self._clients:
            from django.contrib.auth import get_user_model

            client = self._client_class()
            if username:
                client.force_login(get_user_model().objects.get(username=username))
            self._clients[username] = client
        return self._clients[username]

    def get(self, url: str, username: str | None = None):
        response = self.client(username).get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response


def main(selected: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # the demo's loading logs every change
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    ctx = Context()
    print(f"{'benchmark':55} {'median':>10} {'queries':>8}   (n={ROUNDS}, SQLite, full demo)")
    medians: dict[str, float] = {}
    for module in _modules():
        for label, function in _benchmarks(module, selected):
            median = _measure(label, function, ctx, connection)
            if median is not None:
                medians[label] = median
        for line in getattr(module, "report", lambda medians: [])(medians):
            print(line)


def _modules():
    for module_info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module_info.name.startswith("bench_"):
            yield importlib.import_module(f"bench.{module_info.name}")


def _benchmarks(module, selected):
    for name in sorted(dir(module)):
        if not name.startswith("bench_"):
            continue
        label = f"{module.__name__.removeprefix('bench.bench_')}.{name[6:]}"
        if not selected or any(part in label for part in selected):
            yield label, getattr(module, name)


def _measure(label, function, ctx, connection) -> float | None:
    """The median in seconds (printed in ms), or None when skipped."""
    queries = []

    def count(execute, sql, params, many, context, queries=queries):
        queries.append(sql)
        return execute(sql, params, many, context)

    try:
        with connection.execute_wrapper(count):
            function(ctx)
    except Skip as skip:
        print(f"{label:55} skipped: {skip}")
        return None
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        reported = function(ctx)
        measured = time.perf_counter() - start
        times.append(reported if isinstance(reported, float) else measured)
    median = statistics.median(times)
    print(f"{label:55} {median * 1000:8.1f} ms {len(queries):8d}")
    return median


if __name__ == "__main__":
    main(sys.argv[1:])
