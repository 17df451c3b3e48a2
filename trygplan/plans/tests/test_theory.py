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
    # 16, and the diagram (issue 17) reads the overview and its history once more: 11.
    with django_assert_max_num_queries(27):
        assert client.get(url()).status_code == 200


def test_the_page_shows_the_diagram_as_an_accessible_svg_with_full_labels(client, plan2016):
    html = client.get(url()).content.decode()
    figure = html[html.index('<figure class="diagram"') : html.index("</figure>")]
    assert 'role="img"' in figure and "<title" in figure and "<desc" in figure
    assert "…" not in figure
    # a long label is there in full, on wrapped lines (tspans), not cut
    assert figure.count("<tspan") > 20
    assert 'href="#results-heading"' in figure  # the text beside it


def _matrix_row(response, number):
    return next(row for row in response.context["matrix"] if row.activity.number == number)


def test_a_sub_activitys_result_is_credited_to_its_activity(client, plan2016):
    """Result 5 is named by the sub-activity "Opfølgning på tryghedsvandringer og
    tryghedsfremmende aktiviteter" of activity 1 (the seed, p. 7), not by activity 1's own
    description."""
    from trygplan.plans.models import ActivityDescription, Result

    result5 = Result.objects.get(partnership=plan2016.partnership, number=5)
    sub = ActivityDescription.objects.get(
        plan=plan2016, title__startswith="Opfølgning på tryghedsvandringer"
    )
    assert sub.parent is not None and result5 in sub.results.all()
    assert result5 not in sub.parent.results.all()
    response = client.get(url())
    row = _matrix_row(response, 1)
    results = response.context["results"]
    assert row.contributes[[r.pk for r in results].index(result5.pk)]
    credited = response.context["activities_by_result"][result5.pk]
    assert 1 in [activity.number for activity in credited]
