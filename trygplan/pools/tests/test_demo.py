"""The pools' demo data: deterministic, in all three pools of 2015 and 2016, labelled."""

from trygplan.pools.demo import load_demo
from trygplan.pools.models import Application, Expense, Grant, Pool


def _snapshot():
    return list(
        Application.private_objects.order_by("pool__year", "pool__kind", "title").values_list(
            "pool__year", "pool__kind", "title", "status", "applicant_name"
        )
    )


def test_the_demo_fills_all_pools_of_both_years_and_is_labelled(amager, plan2016, client):
    load_demo(partnership=amager, plan=plan2016)
    assert {(p.year, p.kind) for p in Pool.private_objects.filter(applications__isnull=False)} == {
        (year, kind) for year in (2015, 2016) for kind in Pool.Kind.values
    }
    assert not Application.private_objects.filter(is_invented=False).exists()
    assert not Grant.private_objects.filter(is_invented=False).exists()
    assert not Expense.private_objects.filter(is_invented=False).exists()
    assert Grant.private_objects.filter(pool__year=2015, decided_on__year=2015).count() == 7
    for pool in Pool.private_objects.all():
        assert pool.balance().available >= 0
    page = client.get("/p/amager/pools/2016/safety_activities/").content.decode()
    assert "Lysfest-værksted med referencegruppen 2016" in page
    assert "Opdigtede demodata" in page


def test_the_demo_is_deterministic_and_loads_once(amager, plan2016):
    load_demo(partnership=amager, plan=plan2016)
    first = _snapshot()
    load_demo(partnership=amager, plan=plan2016)
    assert _snapshot() == first
    Application.private_objects.all().delete()
    load_demo(partnership=amager, plan=plan2016)
    assert _snapshot() == first
