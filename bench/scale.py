"""`make bench-scale`: the national-scale benchmark (issue 14) on PostgreSQL behind gunicorn.

1. Builds 100 invented partnerships × 10 plan years (60.000 findings, 600.000 indicator
   values; `trygplan.demo.scale`, bulk_create, deterministic) over the seed in the database
   DATABASE_URL names, and reuses it on the next run when it is already there.
2. Serves it with gunicorn (config/gunicorn.conf.py, GUNICORN_WORKERS=2 by default) on a free
   port, with the production settings (config.settings.base, DEBUG off, no https redirect).
3. Prints per main page of one partnership p50 and p95 over ROUNDS sequential requests, and
   the page's query count (counted in this process on the same database).
4. Runs USERS concurrent users (threads, one keep-alive http.client connection each) for
   DURATION seconds on the pages in turn, without think time and with 0.5–1.5 s of it, and
   prints requests/s, p50, p95 and errors.

Usage: DATABASE_URL=postgres://… python -m bench.scale [--quick] [--partnerships N]
       [--rounds 20] [--users 20] [--duration 60] [--workers 2] [--rebuild] [--build-only]
--quick builds 10 partnerships × 3 years (`trygplan.demo.scale.QUICK`) and runs 10 s of load.
"""

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS, GOAL_QUERIES = 100, 15


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        print("bench-scale needs PostgreSQL: set DATABASE_URL=postgres://user:pw@host:5432/db")
        return 2
    _settings()
    import django

    django.setup()
    from trygplan.demo import scale

    sizes = scale.QUICK if args.quick else scale.FULL
    partnerships = args.partnerships or (10 if args.quick else 100)
    started = time.perf_counter()
    built = _database(scale, sizes, partnerships, args.rebuild)
    print(f"data: {built} ({time.perf_counter() - started:.0f} s)")
    if args.build_only:
        return 0
    pages = _pages(scale)
    cookie = _session_cookie(scale)
    counts = {label: _queries(path, user) for label, path, user in pages}
    port = _free_port()
    server = _gunicorn(port, args.workers)
    try:
        _wait_until_up(port)
        _page_table(port, pages, counts, cookie, args.rounds)
        for think in (False, True):
            _load(port, pages, cookie, args.users, args.duration, think)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    parser.add_argument("--quick", action="store_true", help="10 partnerships × 3 years, 10 s")
    parser.add_argument("--partnerships", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--duration", type=float, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true", help="empty the database and build")
    parser.add_argument("--build-only", action="store_true", help="build the data, measure nothing")
    args = parser.parse_args(argv)
    args.duration = args.duration or (10 if args.quick else 60)
    return args


def _settings() -> None:
    """The production settings, as gunicorn gets them too."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ.setdefault("SECRET_KEY", "bench-scale-only-not-a-secret")
    os.environ["DEBUG"] = "0"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.dummy.EmailBackend")
    sys.path.insert(0, str(ROOT))


def _database(scale, sizes, partnerships: int, rebuild: bool) -> str:
    from django.core.management import call_command

    from trygplan.demo.services import demo_load
    from trygplan.partnerships.models import Partnership
    from trygplan.walks.models.finding import Finding

    call_command("migrate", verbosity=0)
    expected = partnerships * sizes.years * sizes.walks * sizes.findings
    have = Partnership.objects.filter(slug__startswith="skala-").count()
    findings = Finding.private_objects.filter(walk__partnership__slug__startswith="skala-")
    if rebuild or have != partnerships or findings.count() != expected:
        call_command("flush", interactive=False, verbosity=0)
        demo_load(extras=False)
        scale.scale_build(partnerships=partnerships, sizes=sizes)
        call_command("collectstatic", interactive=False, verbosity=0)
        _analyze()
    return _describe(partnerships, sizes)


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _describe(partnerships: int, sizes) -> str:
    from trygplan.followup.models import IndicatorValue
    from trygplan.walks.models.finding import Finding

    findings = f"{Finding.private_objects.count():,}".replace(",", ".")
    values = f"{IndicatorValue.private_objects.count():,}".replace(",", ".")
    return (
        f"{partnerships} invented partnerships × {sizes.years} plan years over the seed: "
        f"{findings} findings, {values} indicator values (PostgreSQL)"
    )


def _pages(scale):
    """(label, path, username or None): one partnership's main pages and the city's."""
    from django.urls import reverse

    from trygplan.partnerships.models import Partnership
    from trygplan.plans.models import Plan
    from trygplan.walks.models.walk import Walk

    slug = scale.slug_of(1)
    partnership = Partnership.objects.get(slug=slug)
    year = Plan.private_objects.filter(partnership=partnership).latest("year").year
    walk = Walk.private_objects.filter(partnership=partnership).latest("starts_at")
    user = f"{slug}-ag"
    box = ",".join(f"{v:.4f}" for v in _bbox(partnership.area))

    def url(name, *args):
        return reverse(name, args=[slug, *args])

    return [
        ("city overview (public)", reverse("city:overview"), None),
        ("city overview (member)", reverse("city:overview"), user),
        ("partnership home", url("partnerships:home"), None),
        ("plan overview", url("plans:overview", year), None),
        ("walk list", url("walks:walk_list"), user),
        ("walk detail", url("walks:walk_detail", walk.pk), user),
        ("findings map", url("walks:map"), user),
        ("findings GeoJSON (bbox)", url("walks:geojson") + f"?bbox={box}&zoom=16", user),
        ("finding follow-up report", url("walks:report"), user),
        ("follow-up index", url("followup:index"), user),
        ("effect page", url("followup:effect", 1), user),
        ("events", url("followup:events"), user),
        ("pools index", url("pools:index"), user),
        ("pools index (public)", url("pools:index"), None),
    ]


def _bbox(area) -> tuple[float, float, float, float]:
    ring = area["coordinates"][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def _session_cookie(scale) -> str:
    """A logged-in session of the partnership's working-group member, stored in the database
    that gunicorn reads."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=f"{scale.slug_of(1)}-ag"))
    return client.cookies["sessionid"].value


def _queries(path: str, username: str | None) -> int:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    client.get(path)  # warm caches (the city's areas, templates)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn(port: int, workers: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "PORT": str(port),
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_LOG_LEVEL": "warning",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", "config/gunicorn.conf.py", "config.wsgi"]
    log = open(Path(tempfile.gettempdir()) / "trygplan-bench-scale-gunicorn.log", "w")  # noqa: SIM115
    print(f"gunicorn: {workers} workers on port {port}, its log in {log.name}")
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)


def _wait_until_up(port: int) -> None:
    for _ in range(120):
        try:
            status, _size = _get(http.client.HTTPConnection("127.0.0.1", port), "/healthz", "")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz within 60 s")


def _get(connection: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, int]:
    headers = {"Accept-Language": "da"}
    if cookie:
        headers["Cookie"] = f"sessionid={cookie}"
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, len(response.read())


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def _page_table(port, pages, counts, cookie, rounds) -> None:
    print(f"\n{'page':34} {'p50':>8} {'p95':>8} {'queries':>8} {'KB':>7}  (n={rounds}, gunicorn)")
    over = []
    for label, path, user in pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        times, size = [], 0
        for _ in range(rounds + 1):
            start = time.perf_counter()
            status, size = _get(connection, path, cookie if user else "")
            times.append(time.perf_counter() - start)
            assert status == 200, (path, status)
        times = times[1:]  # the first warms the worker
        p50, p95 = _percentile(times, 0.5) * 1000, _percentile(times, 0.95) * 1000
        print(f"{label:34} {p50:6.1f}ms {p95:6.1f}ms {counts[label]:8d} {size / 1024:7.0f}")
        if p95 > GOAL_MS or counts[label] > GOAL_QUERIES:
            over.append(label)
        connection.close()
    print(f"over the goal (p95 ≤ {GOAL_MS} ms, ≤ {GOAL_QUERIES} queries): {', '.join(over) or '-'}")


def _load(port, pages, cookie, users: int, duration: float, think: bool) -> None:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + duration

    def user(number: int) -> None:
        rnd = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        turn = number
        while time.perf_counter() < stop:
            _label, path, username = pages[turn % len(pages)]
            turn += 1
            start = time.perf_counter()
            try:
                status, _size = _get(connection, path, cookie if username else "")
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = time.perf_counter() - start
            with lock:
                times.append(elapsed)
                errors[0] += status != 200
            if think:
                time.sleep(rnd.uniform(0.5, 1.5))
        connection.close()

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    kind = "with 0.5–1.5 s think time" if think else "without think time"
    print(
        f"\n{users} users {kind}, {duration:.0f} s: {len(times)} requests, "
        f"{len(times) / took:.1f} requests/s, p50 {_percentile(times, 0.5) * 1000:.0f} ms, "
        f"p95 {_percentile(times, 0.95) * 1000:.0f} ms, errors {errors[0]}"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
