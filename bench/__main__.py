"""`make bench`: time the pages and renderings on the Amager demo; prints medians.

Each bench/bench_*.py defines functions `bench_<what>(ctx)`; each is run once to warm up
and then ROUNDS times. The database is a fresh SQLite file with the full demo loaded.
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
    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", verbosity=0)
    ctx = Context()
    print(f"{'benchmark':55} {'median':>10} {'queries':>8}   (n={ROUNDS}, SQLite, full demo)")
    for module_info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)])):
        if not module_info.name.startswith("bench_"):
            continue
        module = importlib.import_module(f"bench.{module_info.name}")
        for name in sorted(dir(module)):
            if not name.startswith("bench_"):
                continue
            label = f"{module_info.name[6:]}.{name[6:]}"
            if selected and not any(part in label for part in selected):
                continue
            function = getattr(module, name)
            queries = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                function(ctx)
            times = []
            for _ in range(ROUNDS):
                start = time.perf_counter()
                function(ctx)
                times.append(time.perf_counter() - start)
            median_ms = statistics.median(times) * 1000
            print(f"{label:55} {median_ms:8.1f} ms {len(queries):8d}")


if __name__ == "__main__":
    main(sys.argv[1:])
