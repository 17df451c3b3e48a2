from django.urls import reverse


def test_the_front_page_lists_the_partnership(client, amager):
    html = client.get(reverse("home")).content.decode()
    assert "Amager Partnerskab" in html


def test_the_partnership_home_shows_the_published_plan_and_the_parties(client, amager, draft2017):
    html = client.get(reverse("partnerships:home", args=["amager"])).content.decode()
    assert "Tryghedsplan for Amager Partnerskab 2016" in html
    assert "2017" not in html  # the draft is not public
    assert "Københavns Politi" in html and "Boligforeningen 3B" in html
    assert "CC BY 4.0" in html


def test_the_partnership_home_shows_drafts_to_members(client, draft2017, partner):
    client.force_login(partner)
    html = client.get(reverse("partnerships:home", args=["amager"])).content.decode()
    assert "Tryghedsplan for Amager Partnerskab 2017" in html


def test_the_area_is_served_as_geojson(client, amager):
    data = client.get(reverse("partnerships:area", args=["amager"])).json()
    assert data["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_members_names_are_for_the_partnership_only(client, amager, partner, outsider):
    url = reverse("partnerships:organisation", args=["amager"])
    public = client.get(url).content.decode()
    assert "Styregruppen" in public and "Referencegruppen" in public
    assert "Sofie Kragh" not in public
    client.force_login(outsider)
    assert "Sofie Kragh" not in client.get(url).content.decode()
    client.force_login(partner)
    html = client.get(url).content.decode()
    assert "Sofie Kragh" in html and "Opdigtede demodata" in html


def test_an_unknown_partnership_is_404(client, db):
    assert client.get(reverse("partnerships:home", args=["nowhere"])).status_code == 404
