import pytest
from django.test import override_settings

from trygplan.city.access import city_reader
from trygplan.city.overview import build_city_overview
from trygplan.demo.tingbjerg import SLUG, load_tingbjerg_husum
from trygplan.partnerships.models import Partnership
from trygplan.plans.models import Plan


@pytest.fixture
def demo(amager):
    with override_settings(TRYGPLAN_DEMO=True):
        return load_tingbjerg_husum(amager=amager)


def test_the_second_demo_partnership_is_invented_on_its_real_area(demo, amager):
    assert demo.slug == SLUG and demo.is_invented
    assert demo.area["type"] == "MultiPolygon" and "Tingbjerg/Husum" in demo.area_source
    assert demo.results.count() == amager.results.count()
    plans = Plan.private_objects.filter(partnership=demo).order_by("year")
    assert [(p.year, p.status, p.is_invented) for p in plans] == [
        (2016, "published", True),
        (2017, "draft", True),
    ]
    assert all(m.is_invented for b in demo.bodies.all() for m in b.members.all())


def test_loading_twice_changes_nothing(demo, amager):
    assert load_tingbjerg_husum(amager=amager) is None
    assert Partnership.objects.filter(slug=SLUG).count() == 1


def test_the_city_overview_has_both_partnerships_with_money(demo, amager, city_admin):
    city = build_city_overview(city_reader(city_admin), year=2016)
    rows = {row.partnership.slug: row for row in city.rows}
    assert rows[SLUG].money.frame == 1_200_000 and rows["amager"].money.frame == 1_500_000
    assert rows[SLUG].findings_open >= 1 and rows[SLUG].indicators
