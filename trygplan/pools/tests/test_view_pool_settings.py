"""A pool's settings, edited by the working group from the pool's manage page."""

import pytest

from trygplan.audit.models import AuditEntry

URL = "/p/amager/pools/2016/acute/settings/"


def _data(pool, **changes):
    data = {
        "purpose": pool.purpose,
        "who_may_apply": pool.who_may_apply,
        "max_per_application": "25.000",
        "fast_track_limit": "10.000",
        "accepts_applications": "on",
    }
    return data | changes


def test_the_working_group_changes_the_limits_and_closes_the_pool(client, acute, arbejdsgruppe):
    client.force_login(arbejdsgruppe)
    manage = client.get(acute.get_manage_url()).content.decode()
    assert URL in manage
    form = client.get(URL).content.decode()
    assert "Indstillinger for Akutpulje 2016" in form and 'value="10.000"' in form
    data = _data(acute, max_per_application="30.000", fast_track_limit="12.500")
    del data["accepts_applications"]
    assert client.post(URL, data).status_code == 302
    acute.refresh_from_db()
    assert (acute.max_per_application, acute.fast_track_limit) == (30_000, 12_500)
    assert not acute.accepts_applications
    entry = AuditEntry.objects.get(code="pool.update", object_id=acute.pk)
    assert entry.changes["fast_track_limit"] == [10_000, 12_500]
    assert entry.partnership == acute.partnership and entry.activity_key == "akutpulje"
    assert client.get("/p/amager/pools/2016/acute/apply/").status_code == 404


def test_only_the_acute_pool_has_a_fast_track(client, urban, koordinator):
    client.force_login(koordinator)
    form = client.get("/p/amager/pools/2016/urban_space/settings/").content.decode()
    assert "Højst pr. ansøgning" in form and "bevilge straks" not in form


def test_bad_amounts_and_an_empty_purpose_are_refused_in_danish(client, acute, koordinator):
    client.force_login(koordinator)
    html = client.post(URL, _data(acute, purpose="", max_per_application="12,50")).content.decode()
    assert "Skriv puljens formål." in html and "øre" in html
    html = client.post(URL, _data(acute, fast_track_limit="0")).content.decode()
    assert "Beløbet skal være større end 0." in html
    acute.refresh_from_db()
    assert acute.max_per_application == 25_000 and acute.purpose


@pytest.mark.parametrize("who", ["partner", "styregruppe"])
def test_read_only_roles_are_refused_and_not_linked(client, acute, who, request):
    client.force_login(request.getfixturevalue(who))
    assert URL not in client.get(acute.get_manage_url()).content.decode()
    assert client.post(URL, _data(acute, max_per_application="1")).status_code == 403
    acute.refresh_from_db()
    assert acute.max_per_application == 25_000


def test_anonymous_and_other_partnerships_are_kept_out(client, acute, outsider):
    assert client.get(URL).status_code == 302
    client.force_login(outsider)
    assert client.post(URL, _data(acute, max_per_application="1")).status_code == 404


def test_it_refuses_other_methods(client, acute, koordinator):
    client.force_login(koordinator)
    assert client.delete(URL).status_code == 405
