"""The public pool pages: purpose, allocation, what is left, funded projects; no personal data."""

from django.contrib.auth import get_user_model


def test_the_public_index_lists_the_pools_with_what_is_left(
    client, grant, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        page = client.get("/p/amager/pools/").content.decode()
    assert "Byrumspulje" in page and "Akutpulje" in page and "Pulje til tryghedsaktiviteter" in page
    assert "90.000 kr." in page
    assert "Ansøgninger og økonomi" not in page


def test_the_pool_page_shows_funded_projects_without_personal_data(client, grant):
    page = client.get("/p/amager/pools/2016/urban_space/").content.decode()
    assert "Byrumspuljen skal bruges til at udbedre de steder" in page
    assert 'data-key="allocation">100.000 kr.' in page
    assert 'data-key="available">90.000 kr.' in page
    assert "Lys i passagen" in page
    assert "Testbeboer" not in page and "tove@example.org" not in page
    assert "Søg puljen" in page


def test_members_get_a_link_to_the_cases(client, grant):
    client.force_login(get_user_model().objects.get(username="partner"))
    page = client.get("/p/amager/pools/").content.decode()
    assert "Ansøgninger og økonomi" in page and "Halvårsindstilling til styregruppen" in page


def test_an_unknown_pool_kind_is_not_found(client, grant):
    assert client.get("/p/amager/pools/2016/fireworks/").status_code == 404
    assert client.get("/p/nowhere/pools/").status_code == 404


def test_wrong_method(client, grant):
    assert client.post("/p/amager/pools/").status_code == 405
    assert client.post("/p/amager/pools/2016/urban_space/").status_code == 405
