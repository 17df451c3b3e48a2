"""Every map gets the tile server of TRYGPLAN_TILE_URL with its attribution; without one the
maps still draw the partnership's area outline (data-area / data-geojson), loading nothing
from outside."""

import pytest
from django.urls import reverse

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


@pytest.fixture
def tiles(settings):
    settings.TRYGPLAN_TILE_URL = OSM
    settings.TRYGPLAN_TILE_ATTRIBUTION = ATTRIBUTION


def _pages(client, user):
    client.force_login(user)
    return {
        "partnership": client.get(reverse("partnerships:home", args=["amager"])),
        "findings map": client.get(reverse("walks:map", args=["amager"])),
        "new walk (route)": client.get(reverse("walks:walk_create", args=["amager"])),
        "resident report": client.get(reverse("residents:report_create", args=["amager"])),
    }


def test_every_map_carries_the_tile_server_and_its_attribution(client, koordinator, tiles):
    for name, response in _pages(client, koordinator).items():
        assert response.status_code == 200, name
        html = response.content.decode()
        assert f'data-tiles="{OSM}"' in html, name
        assert "data-tiles-attribution=" in html and "OpenStreetMap" in html, name


def test_without_a_tile_server_the_maps_keep_the_area_outline(client, koordinator, settings):
    settings.TRYGPLAN_TILE_URL = ""
    for name, response in _pages(client, koordinator).items():
        html = response.content.decode()
        assert "data-tiles" not in html, name
        assert reverse("partnerships:area", args=["amager"]) in html, name
