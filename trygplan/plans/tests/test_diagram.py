"""The theory-of-change diagram of a plan, for the theory-of-change page and the document."""

import xml.etree.ElementTree as ET

from trygplan.plans.diagram import plan_diagram, theory_of_change_svg
from trygplan.plans.models import Plan

SVG = "{http://www.w3.org/2000/svg}"


def _labels(markup: str) -> list[str]:
    root = ET.fromstring(markup)
    return [
        " ".join(span.text for span in text.iter(f"{SVG}tspan"))
        for text in root.iter(f"{SVG}text")
        if text.find(f"{SVG}tspan") is not None
    ]


def test_the_diagram_names_every_activity_result_and_effect_in_full(plan2016):
    labels = _labels(theory_of_change_svg(plan2016))
    assert "17. Særmåling i Tryghedsindekset/Københavns Tryghedsundersøgelse" in labels
    assert (
        "15. Færre sager falder mellem systemer/områdets udfordringer løses i fællesskab" in labels
    )
    assert "Øget oplevet tryghed" in labels and "Mindre kriminalitet" in labels
    assert not [label for label in labels if label.startswith("13. Tværfaglig")]  # ended
    assert len(labels) == 16 + 15 + 2


def test_the_svg_is_an_image_with_a_description_and_a_legend(plan2016):
    markup = theory_of_change_svg(plan2016)
    root = ET.fromstring(markup)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}desc").text.startswith("16 aktiviteter, 15 resultater og 2 effekter.")
    assert "1. Dialog og kommunikation" in [t.text for t in root.iter(f"{SVG}text")]
    assert "style=" not in markup and "…" not in markup


def test_an_activity_links_to_its_results_and_a_result_to_its_effects(plan2016):
    diagram = plan_diagram(plan2016)
    keys = {node.key: node for node in diagram.nodes}
    assert all(edge.source in keys and edge.target in keys for edge in diagram.edges)
    assert theory_of_change_svg(plan2016).count("<path d=") == len(diagram.edges) > 30


def test_it_takes_a_fixed_number_of_queries(plan2016, django_assert_max_num_queries):
    plan = Plan.private_objects.select_related("partnership").get(pk=plan2016.pk)
    # 12: the overview's earlier years read from the approved plans (2), issue 10.
    with django_assert_max_num_queries(12):
        assert "<svg" in theory_of_change_svg(plan)
