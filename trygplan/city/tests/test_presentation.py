from django.urls import reverse

from trygplan.demo.scale import square


def _map(client):
    response = client.get(reverse("city:overview"))
    assert response.status_code == 200
    return response.context["map"]


def test_the_map_is_drawn_again_when_an_area_changes(client, amager, tingbjerg):
    tingbjerg.area = square(1)[2]
    tingbjerg.save()
    before = _map(client)
    assert _map(client) == before  # drawn once, kept
    tingbjerg.area = square(2)[2]
    tingbjerg.save()
    assert _map(client) != before
