from trygplan.surveys.models import Survey


def test_the_analyst_sees_a_drafts_estimates_and_publishes(client, city_admin, make_survey):
    make_survey(2016, published=False)
    client.force_login(city_admin)
    response = client.get("/sikker-by/tryghed/undersoegelser/2016/")
    assert response.status_code == 200
    assert "Kladde" in response.content.decode()
    response = client.post("/sikker-by/tryghed/undersoegelser/2016/offentliggoer/")
    assert response.status_code == 302
    assert Survey.private_objects.get(year=2016).is_published


def test_publish_needs_post(client, city_admin, make_survey):
    make_survey(2016, published=False)
    client.force_login(city_admin)
    assert client.get("/sikker-by/tryghed/undersoegelser/2016/offentliggoer/").status_code == 405


def test_members_of_a_partnership_do_not_see_drafts(client, koordinator, styregruppe, make_survey):
    make_survey(2016, published=False)
    for user in (koordinator, styregruppe):
        client.force_login(user)
        assert client.get("/sikker-by/tryghed/undersoegelser/2016/").status_code == 403
        assert (
            client.post("/sikker-by/tryghed/undersoegelser/2016/offentliggoer/").status_code == 403
        )
    assert not Survey.private_objects.get(year=2016).is_published


def test_anonymous_gets_sent_to_log_in(client, make_survey):
    make_survey(2016, published=False)
    assert client.get("/sikker-by/tryghed/undersoegelser/2016/").status_code == 302
