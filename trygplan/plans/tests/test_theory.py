from django.urls import reverse


def url(**params):
    base = reverse("plans:theory", args=["amager", 2016])
    return base + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def test_effects_results_and_activities_are_shown(client, plan2016):
    html = client.get(url()).content.decode()
    assert "Øget oplevet tryghed" in html and "Mindre kriminalitet" in html
    assert "Antallet af SSP enkeltsager falder" in html
    assert "Flere tilfredse medarbejdere" in html
    assert "Ingen aktivitet bidrager til dette resultat." in html  # result 13 in the seed


def test_the_matrix_can_be_filtered_by_focus_area(client, plan2016):
    html = client.get(url(focus_area=2)).content.decode()
    matrix = html[html.index('id="matrix"') :]
    assert "Byrumspulje" in matrix and "Ung i job" not in matrix


def test_htmx_gets_only_the_matrix(client, plan2016):
    response = client.get(url(focus_area=3), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html and "Ung i job" in html


def test_the_page_has_a_bounded_number_of_queries(client, plan2016, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        assert client.get(url()).status_code == 200
