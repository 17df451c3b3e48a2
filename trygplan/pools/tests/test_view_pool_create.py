"""Opening a pool by hand for an activity of the year's plan ("Opret pulje")."""

import pytest

from trygplan.audit.models import AuditEntry
from trygplan.pools.models import Pool

URL = "/p/amager/pools/new/"


def _data(**changes):
    data = {
        "kind": "urban_space",
        "activity_key": "byrumspulje",
        "purpose": "Små forbedringer af byrummet.",
        "who_may_apply": "Beboere og naboer.",
        "max_per_application": "50.000",
        "accepts_applications": "on",
    }
    return data | changes


def test_the_working_group_opens_a_pool_for_the_plans_pool_activity(
    client, plan2016, arbejdsgruppe
):
    client.force_login(arbejdsgruppe)
    assert URL in client.get("/p/amager/pools/").content.decode()
    form = client.get(URL).content.decode()
    assert "Opret pulje" in form and "Byrumspulje" in form and "Tryghedsplan for Amager" in form
    response = client.post(f"{URL}?aar=2016", _data())
    assert response.status_code == 302
    pool = Pool.private_objects.get(partnership=plan2016.partnership, year=2016, kind="urban_space")
    assert response["Location"] == pool.get_manage_url()
    assert pool.max_per_application == 50_000 and pool.allocation > 0
    entry = AuditEntry.objects.get(code="pool.open", object_id=pool.pk)
    assert entry.user == arbejdsgruppe and entry.activity_key == "byrumspulje"
    again = client.get(URL).content.decode()
    assert '<option value="urban_space"' not in again  # one pool of a kind a year


def test_a_fast_track_outside_the_acute_pool_and_an_unknown_activity_are_refused(
    client, plan2016, koordinator
):
    client.force_login(koordinator)
    html = client.post(URL, _data(fast_track_limit="5.000", activity_key="nej")).content.decode()
    assert "Kun akutpuljen har en hurtigbevilling." in html
    assert "Vælg en aktivitet fra årets plan." in html
    assert not Pool.private_objects.filter(partnership=plan2016.partnership).exists()


def test_a_kind_the_year_has_is_refused(client, urban, koordinator):
    client.force_login(koordinator)
    html = client.post(URL, _data()).content.decode()
    assert "Den pulje findes allerede i året. Ret den i stedet." in html
    assert Pool.private_objects.filter(kind="urban_space", year=2016).count() == 1


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused_and_not_linked(client, plan2016, who, request):
    client.force_login(request.getfixturevalue(who))
    assert URL not in client.get("/p/amager/pools/").content.decode()
    assert client.post(URL, _data()).status_code == 403
    assert not Pool.private_objects.exists()


def test_anonymous_and_other_partnerships_are_kept_out(client, plan2016, outsider):
    assert client.post(URL, _data()).status_code == 302
    client.force_login(outsider)
    assert client.post(URL, _data()).status_code == 404
    assert not Pool.private_objects.exists()


def test_it_refuses_other_methods(client, plan2016, koordinator):
    client.force_login(koordinator)
    assert client.delete(URL).status_code == 405
