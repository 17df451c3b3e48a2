"""The map's filters come from the address bar: a year no database can look up is an error
message on the page, not a server error (a year of 100000 was a 500)."""

import pytest


@pytest.mark.parametrize("year", ["100000", "9" * 30, "-5", "abc"])
@pytest.mark.parametrize("path", ["map/", "findings.geojson", "findings.csv"])
def test_a_year_out_of_range_is_ignored_not_a_500(client, amager, year, path):
    client.raise_request_exception = False
    response = client.get(f"/p/amager/walks/{path}?year={year}")
    assert response.status_code == 200


def test_the_map_says_what_is_wrong_with_the_year(client, amager):
    # the year is chosen from the years that have walks (or "alle")
    text = client.get("/p/amager/walks/map/?year=100000").content.decode()
    assert "100000 er ikke en af de tilgængelige valgmuligheder" in text
