"""The findings' GeoJSON carries stable ids and absolute URLs; the CSV writes coordinates
with a decimal comma, like every semicolon CSV of the system."""

from .conftest import make_finding


def test_geojson_features_have_ids_and_absolute_urls(client, walk):
    finding = make_finding(walk, 1, visibility="public")
    data = client.get("/p/amager/walks/findings.geojson", HTTP_HOST="trygplan.kk.dk").json()
    (feature,) = data["features"]
    assert feature["id"] == finding.pk
    assert feature["properties"]["url"] == (
        f"http://trygplan.kk.dk/p/amager/walks/findings/{finding.pk}/"
    )


def test_the_findings_csv_writes_a_decimal_comma(client, walk):
    make_finding(walk, 1, visibility="public", lon=12.5975, lat=55.654)
    text = client.get("/p/amager/walks/findings.csv").content.decode("utf-8-sig")
    assert ";12,5975;55,654;" in text and "12.5975" not in text
