URL = "/p/amager/followup/effects/1/"


def test_the_turn_the_curve_page_shows_the_curve_and_the_story(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        response = client.get(URL)
    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Øget oplevet tryghed</h1>" in text  # plain words for the public
    assert "Vend kurven" not in text and "Results-Based" not in text
    assert "Utrygge i særmålingen" in text
    assert "Historien bag kurven" in text
    assert 'role="img"' in text


def test_an_unknown_effect_is_404(client, followup):
    assert client.get("/p/amager/followup/effects/9/").status_code == 404


def test_a_partner_sees_it_with_the_methods_name_explained(client, followup, partner):
    client.force_login(partner)
    response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Vend kurven: Øget oplevet tryghed" in text
    assert "Results-Based Accountability (RBA" in text


def test_another_partnerships_user_sees_the_public_page(client, followup, outsider):
    client.force_login(outsider)
    assert client.get(URL).status_code == 200


def test_it_refuses_post(client, followup):
    assert client.post(URL).status_code == 405


def test_the_curve_has_a_forecast_if_nothing_changes(client, followup):
    text = client.get("/p/amager/followup/effects/2/").content.decode()
    assert "Prognose hvis intet ændres" in text
    assert "2018" in text  # two years past the last value


def test_the_forecast_leaves_hidden_values_out(followup):
    from trygplan.followup.models import Indicator
    from trygplan.followup.reports import curve_forecast, indicator_years

    indicator = Indicator.objects.get(key="sigtelser-under-18")  # 2016 is 4: hidden
    years = indicator_years(indicator, include_unapproved=False)
    forecast = curve_forecast(indicator, years)
    assert forecast.points[0].x == "2015"
