"""The map page and its GeoJSON and CSV: residents see public findings only."""

import csv
import io
import uuid

import pytest

from trygplan.walks.models import Finding

from .conftest import INSIDE

MAP = "/p/amager/walks/map/"
GEOJSON = "/p/amager/walks/findings.geojson"
CSV = "/p/amager/walks/findings.csv"


def _places_geojson(client, url=GEOJSON):
    response = client.get(url)
    assert response["Content-Type"] == "application/geo+json"
    return {f["properties"]["place"] for f in response.json()["features"]}


def _places_csv(client, url=CSV):
    response = client.get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return {row[5] for row in rows[1:]}


def test_the_public_map_shows_public_findings_with_a_legend(client, findings):
    response = client.get(MAP)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Stien ved Remiseparken" in content
    assert "Kælderskakten" not in content and "Narkohjørnet" not in content
    assert 'id="map-legend"' in content and ">U</span> Udbedret" in content


def test_police_only_findings_never_reach_public_geojson_or_csv(client, outsider, findings):
    assert _places_geojson(client) == {"Stien ved Remiseparken"}
    assert _places_csv(client) == {"Stien ved Remiseparken"}
    client.force_login(outsider)
    assert _places_geojson(client) == {"Stien ved Remiseparken"}
    assert _places_csv(client) == {"Stien ved Remiseparken"}


def test_public_geojson_has_no_internal_fields(client, findings):
    properties = client.get(GEOJSON).json()["features"][0]["properties"]
    assert "visibility" not in properties and "owner" not in properties
    assert properties["status"] == "new" and properties["letter"] == "N"


def test_members_see_partnership_findings_but_not_police_only(client, koordinator, findings):
    client.force_login(koordinator)
    assert _places_geojson(client) == {"Stien ved Remiseparken", "Kælderskakten"}
    assert "Narkohjørnet" not in client.get(MAP).content.decode()


def test_members_can_download_the_public_export(client, police, findings):
    client.force_login(police)
    assert _places_csv(client) == {"Stien ved Remiseparken", "Kælderskakten", "Narkohjørnet"}
    assert _places_csv(client, CSV + "?public=1") == {"Stien ved Remiseparken"}
    assert _places_geojson(client, GEOJSON + "?public=1") == {"Stien ved Remiseparken"}


def test_filters_by_category_status_walk_and_year(client, koordinator, findings, walk):
    client.force_login(koordinator)
    assert _places_geojson(client, GEOJSON + "?category=traffic") == set()
    assert _places_geojson(client, GEOJSON + "?status=new&year=2016") == {
        "Stien ved Remiseparken",
        "Kælderskakten",
    }
    assert _places_geojson(client, GEOJSON + f"?walk={walk.pk}&year=2015") == set()


def test_the_map_page_works_without_a_tile_url(client, settings, findings):
    settings.TRYGPLAN_TILE_URL = ""
    assert "data-tiles" not in client.get(MAP).content.decode()
    settings.TRYGPLAN_TILE_URL = "https://tiles.example/{z}/{x}/{y}.png"
    assert 'data-tiles="https://tiles.example/{z}/{x}/{y}.png"' in client.get(MAP).content.decode()


def test_the_pages_refuse_post(client, koordinator):
    client.force_login(koordinator)
    for url in (MAP, GEOJSON, CSV):
        assert client.post(url).status_code == 405


@pytest.mark.django_db
def test_the_map_and_geojson_use_few_queries(
    client, koordinator, walk, django_assert_max_num_queries
):
    from .conftest import make_finding

    for n in range(1, 30):
        make_finding(walk, n)
    client.force_login(koordinator)
    with django_assert_max_num_queries(12):
        assert client.get(MAP).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(GEOJSON).status_code == 200


FORMULAS = [
    '=HYPERLINK("http://evil.example/x","Se bilag")',
    "=1+1",
    "@SUM(A1)",
    "+A1",
    "-2+3",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_typed_on_a_walk_is_inert_in_the_public_csv(client, arbejdsgruppe, walk, text):
    client.force_login(arbejdsgruppe)
    response = client.post(
        f"/p/amager/walks/{walk.pk}/findings/",
        {
            "client_uuid": str(uuid.uuid4()),
            "lon": INSIDE[0],
            "lat": INSIDE[1],
            "category": "lighting",
            "description": text + "\x0b ved porten",
        },
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 201, response.content
    Finding.private_objects.filter(walk=walk).update(visibility=Finding.Visibility.PUBLIC)
    client.logout()
    response = client.get(CSV)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][8] == "Beskrivelse"
    assert rows[1][8] == "'" + text + " ved porten"
