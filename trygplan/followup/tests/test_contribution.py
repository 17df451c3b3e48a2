URL = "/p/amager/followup/2016/money-to-results/"


def test_money_is_spread_over_the_results_and_unfunded_results_stand_out(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    text = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in text
    assert "1. Øget dialog med lokale aktører" in text
    assert "bidrag, ikke en påstand om årsag" in text


def test_the_shares_add_up_to_the_plan_years_money(plan2016):
    from trygplan.followup.reports import build_contribution

    years, items = build_contribution(plan2016)
    total = sum(item.amounts.get(2016, 0) for item in items)
    # money of activities that serve no result is not spread anywhere
    assert 0 < total <= plan2016.partnership_funds()
    assert 2016 in years


def test_a_draft_is_not_public(client, draft2017):
    assert client.get("/p/amager/followup/2017/money-to-results/").status_code == 404


def test_another_partnerships_user_gets_404_for_a_draft(client, draft2017, outsider):
    client.force_login(outsider)
    assert client.get("/p/amager/followup/2017/money-to-results/").status_code == 404


def test_a_partner_can_read_a_draft(client, draft2017, partner):
    client.force_login(partner)
    assert client.get("/p/amager/followup/2017/money-to-results/").status_code == 200


def test_it_refuses_post(client, followup):
    assert client.post(URL).status_code == 405
