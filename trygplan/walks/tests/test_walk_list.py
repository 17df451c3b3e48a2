import pytest

URL = "/p/amager/walks/"


def test_it_lists_the_walks_with_their_visible_finding_counts(client, koordinator, findings):
    client.force_login(koordinator)
    response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Aftenvandring i Urbanplanen" in content
    assert "Planlæg en vandring" in content
    row = response.context["walks"][0]
    assert row.finding_count == 2  # the police-only finding is not counted for the coordinator


def test_a_police_user_counts_police_only_findings(client, police, findings):
    client.force_login(police)
    assert client.get(URL).context["walks"][0].finding_count == 3


def test_a_read_only_partner_sees_the_list_without_the_plan_button(client, partner, walk):
    client.force_login(partner)
    response = client.get(URL)
    assert "Aftenvandring i Urbanplanen" in response.content.decode()
    assert "Planlæg en vandring" not in response.content.decode()


def test_anonymous_visitors_get_404(client, walk):
    assert client.get(URL).status_code == 404


def test_users_of_another_partnership_are_refused(client, outsider, walk):
    client.force_login(outsider)
    assert client.get(URL).status_code == 403


def test_it_refuses_post(client, koordinator):
    client.force_login(koordinator)
    assert client.post(URL).status_code == 405


@pytest.mark.django_db
def test_the_list_uses_few_queries(client, koordinator, walk, django_assert_max_num_queries):
    from trygplan.walks.models import Walk

    for n in range(5):
        Walk.private_objects.create(
            partnership=walk.partnership,
            title=f"V{n}",
            starts_at=walk.starts_at,
            light="dark",
            season="autumn",
        )
    client.force_login(koordinator)
    with django_assert_max_num_queries(10):
        assert client.get(URL).status_code == 200
