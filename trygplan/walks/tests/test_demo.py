from collections import Counter

from trygplan.lib.geo import contains
from trygplan.walks.demo import load_demo
from trygplan.walks.models import Finding, ReRating, Walk


def _load(amager, plan2016):
    load_demo(partnership=amager, plan=plan2016)
    return Finding.private_objects.for_partnership(amager)


def test_two_invented_walks_a_year_2014_to_2016(amager, plan2016):
    _load(amager, plan2016)
    walks = Walk.private_objects.for_partnership(amager)
    assert Counter(w.starts_at.year for w in walks) == {2014: 2, 2015: 2, 2016: 2}
    assert all(w.is_invented and w.participants.exists() for w in walks)
    assert {w.light for w in walks} == {"daylight", "dark"}


def test_findings_lie_in_urbanplanen_and_some_are_fixed_some_overdue(amager, plan2016):
    findings = _load(amager, plan2016)
    assert findings.count() >= 40
    assert all(f.is_invented for f in findings)
    assert all(contains(amager.area, f.lon, f.lat) for f in findings)
    assert findings.fixed().count() >= 10
    assert findings.overdue().exists()
    assert findings.filter(visibility="police_only").exists()
    assert ReRating.objects.exists()


def test_it_is_deterministic(amager, plan2016):
    first = list(_load(amager, plan2016).values_list("lon", "lat", "status"))
    Walk.private_objects.all().delete()
    assert list(_load(amager, plan2016).values_list("lon", "lat", "status")) == first


def test_the_interface_labels_it_as_invented(client, koordinator, amager, plan2016):
    _load(amager, plan2016)
    client.force_login(koordinator)
    assert "Opdigtede demodata" in client.get("/p/amager/walks/").content.decode()
