URL = "/p/amager/followup/"


def test_anyone_sees_the_indicators_of_a_published_plan(
    client, followup, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Sigtelser mod unge under 18 år" in text
    assert "Opdigtede demodata" in text
    assert "/p/amager/followup/effects/1/" in text
    assert "Vend kurven" not in text  # plain words for the public
    assert "Udviklingen i området" in text and "Befolkningsindikator" not in text


def test_members_see_the_methods_terms_explained(client, followup, partner):
    client.force_login(partner)
    text = client.get(URL).content.decode()
    assert "Vend kurven" in text and "Results-Based Accountability (RBA)" in text
    assert "Befolkningsindikator" in text


def test_anonymous_visitors_see_only_approved_values(client, followup):
    text = client.get(URL).content.decode()
    # SSP's 2016 figures are submitted but not approved: the latest public one is 2015
    row = text.split("SSP-enkeltsager om unge fra området")[1].split("</tr>")[0]
    assert "(2015)" in row


def test_members_also_see_unapproved_values(client, followup, styregruppe):
    client.force_login(styregruppe)
    row = client.get(URL).content.decode().split("SSP-enkeltsager om unge fra området")[1]
    assert "(2016)" in row.split("</tr>")[0]


def test_a_user_of_another_partnership_sees_only_public_values(client, followup, outsider):
    client.force_login(outsider)
    row = client.get(URL).content.decode().split("SSP-enkeltsager om unge fra området")[1]
    assert "(2015)" in row.split("</tr>")[0]


def test_it_refuses_post(client, followup):
    assert client.post(URL).status_code == 405


def test_a_partnership_without_a_published_plan_is_not_shown(client, tingbjerg):
    assert client.get("/p/tingbjerg/followup/").status_code == 404
