from trygplan.audit.models import AuditEntry
from trygplan.walks.models import ReRating, Walk


def _later(walk):
    return Walk.private_objects.create(
        partnership=walk.partnership,
        title="Vandring 2017",
        starts_at=walk.starts_at.replace(year=2017),
        light="dark",
        season="autumn",
        route=walk.route,
    )


def _url(walk, finding):
    return f"/p/amager/walks/{walk.pk}/recheck/{finding.pk}/"


def test_a_later_walk_re_rates_an_earlier_finding_once(client, arbejdsgruppe, walk, findings):
    later = _later(walk)
    finding = findings["public"]
    finding.score_feeling = 1
    finding.save()
    client.force_login(arbejdsgruppe)
    client.post(_url(later, finding), {"fixed": "yes", "feeling": "3"})
    client.post(_url(later, finding), {"fixed": "partly", "feeling": "2"})
    rerating = ReRating.objects.get()
    assert (rerating.fixed, rerating.feeling, rerating.change) == ("partly", 2, 1)
    assert AuditEntry.objects.filter(object_id=finding.pk).count() == 2
    response = client.get(later.get_absolute_url())
    assert "1 sted genvurderet: tryghed ændret 1,0 i gennemsnit" in response.content.decode()


def test_a_feeling_outside_0_to_3_is_refused(client, arbejdsgruppe, walk, findings):
    client.force_login(arbejdsgruppe)
    response = client.post(
        _url(_later(walk), findings["public"]), {"fixed": "yes", "feeling": "7"}, follow=True
    )
    assert not ReRating.objects.exists()
    assert (
        "Vælg et gyldigt valg" in response.content.decode()
        or "0 til 3" in response.content.decode()
    )


def test_a_finding_from_the_same_or_a_later_walk_cannot_be_re_rated(
    client, arbejdsgruppe, walk, findings
):
    client.force_login(arbejdsgruppe)
    assert (
        client.post(_url(walk, findings["public"]), {"fixed": "yes", "feeling": "3"}).status_code
        == 404
    )


def test_read_only_anonymous_and_outsiders_are_refused(client, partner, outsider, walk, findings):
    later = _later(walk)
    url = _url(later, findings["public"])
    assert client.post(url, {"fixed": "yes", "feeling": "3"}).status_code == 404
    for user in (partner, outsider):
        client.force_login(user)
        assert client.post(url, {"fixed": "yes", "feeling": "3"}).status_code == 403
    assert not ReRating.objects.exists()


def test_it_refuses_get(client, koordinator, walk, findings):
    client.force_login(koordinator)
    assert client.get(_url(_later(walk), findings["public"])).status_code == 405
