"""Every page that lists a partnership's history costs the same number of queries whatever the
size of that history (issue 14): the same page of a small invented partnership and of one
with ten times the data (years, walks, findings, indicators, activities, events, grants) run
the same queries. Built with `trygplan.demo.scale`, the data of `make bench-scale`."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from trygplan.demo.scale import Sizes, scale_build, slug_of
from trygplan.walks.models.walk import Walk

# Indicators go round the effects: one on each in SMALL, ten on each in LARGE.
SMALL = Sizes(
    years=1, walks=1, findings=2, indicators=1, effects=1, activities=1, events=1, grants=1
)
LARGE = Sizes(
    years=10, walks=10, findings=20, indicators=100, effects=10, activities=10, events=10, grants=10
)
MEDIUM = Sizes(years=2, walks=2, findings=4, indicators=4, effects=2, activities=2, events=2)

PAGES = [  # (url name, arguments after the slug, as the member?)
    ("partnerships:home", (), False),
    ("plans:overview", ("year",), False),
    ("plans:overview", ("year",), True),
    ("walks:walk_list", (), True),
    ("walks:walk_detail", ("walk",), True),
    ("walks:map", (), True),
    ("walks:geojson", (), True),
    ("walks:report", (), True),
    ("followup:index", (), True),
    ("followup:index", (), False),
    ("followup:effect", (1,), True),
    ("followup:events", (), True),
    ("followup:events", (), False),
    ("pools:index", (), True),
    ("pools:index", (), False),
]


def _count(client, partnership, name, args, as_member):
    client.logout()
    if as_member:
        client.force_login(get_user_model().objects.get(username=f"{partnership.slug}-ag"))
    walk = Walk.private_objects.filter(partnership=partnership).latest("starts_at")
    year = walk.starts_at.year
    args = [{"walk": walk.pk, "year": year}.get(a, a) for a in args]
    url = reverse(name, args=[partnership.slug, *args])
    client.get(url)  # caches that fill once per process (the city's areas) are not the page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), len(response.content)


def test_every_list_page_costs_the_same_queries_with_ten_times_the_history(client, amager):
    small = scale_build(partnerships=1, sizes=SMALL, first=1)[0]
    large = scale_build(partnerships=1, sizes=LARGE, first=2)[0]
    few, many, sizes = {}, {}, {}
    for name, args, as_member in PAGES:
        key = f"{name}{' (member)' if as_member else ''}"
        few[key], small_bytes = _count(client, small, name, args, as_member)
        many[key], sizes[key] = _count(client, large, name, args, as_member)
        assert sizes[key] > small_bytes, f"{key} shows no more on the large partnership"
    assert many == few
    assert max(many.values()) <= 20, many


def test_the_city_overview_costs_the_same_queries_with_ten_times_the_partnerships(
    client, amager, city_admin
):
    scale_build(partnerships=1, sizes=SMALL, first=1)
    url = reverse("city:overview")
    client.force_login(city_admin)

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert slug_of(1) in response.content.decode()
        return len(queries)

    few = count()
    scale_build(partnerships=10, sizes=MEDIUM, first=2)
    assert count() == few
