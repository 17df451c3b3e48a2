from trygplan.followup.models import (
    DeliverableProgress,
    Event,
    Indicator,
    IndicatorValue,
    Reporter,
)


def test_the_demo_has_an_indicator_for_every_result_and_effect(followup):
    indicators = Indicator.objects.filter(partnership=followup)
    assert set(indicators.exclude(result=None).values_list("result__number", flat=True)) == set(
        range(1, 16)
    )
    assert set(indicators.exclude(effect=None).values_list("effect__number", flat=True)) == {1, 2}


def test_every_invented_row_is_marked(followup):
    assert not Indicator.objects.filter(is_invented=False).exists()
    assert not IndicatorValue.private_objects.filter(is_invented=False).exists()
    assert not DeliverableProgress.objects.filter(is_invented=False).exists()
    assert not Event.private_objects.filter(is_invented=False).exists()


def test_the_real_baseline_is_the_seeds_one_third(followup):
    indicator = Indicator.objects.get(key="utrygge-beboere")
    assert str(indicator.baseline_value) == "33.30"
    assert not indicator.baseline_is_invented
    assert "3Bs beboerundersøgelse fra 2010" in indicator.baseline_source


def test_values_run_from_2014_to_2016(followup):
    years = set(IndicatorValue.private_objects.values_list("submission__year", flat=True))
    assert years == {2014, 2015, 2016}


def test_the_partner_reports_for_ssp(followup, partner):
    assert Reporter.objects.get(user=partner).organisation.key == "ssp"


def test_the_demo_is_deterministic(followup, plan2016):
    first = list(IndicatorValue.private_objects.order_by("pk").values_list("value", flat=True))
    from trygplan.followup.demo import load_demo
    from trygplan.followup.models import ChartNote, Submission

    for model in (DeliverableProgress, Event, IndicatorValue, Submission, Indicator, ChartNote):
        model._default_manager.all().delete()
    load_demo(partnership=followup, plan=plan2016)
    assert (
        list(IndicatorValue.private_objects.order_by("pk").values_list("value", flat=True)) == first
    )


def test_counts_of_people_and_things_are_whole_numbers(followup):
    """ "732 deltagere", never "732,5 deltagere"; only shares keep a decimal."""
    values = IndicatorValue.private_objects.select_related("indicator")
    counted = [v for v in values if not v.indicator.unit.startswith("%")]
    assert counted, "the demo has counted indicators"
    assert all(v.value == int(v.value) for v in counted), [
        (v.indicator.key, v.value) for v in counted if v.value != int(v.value)
    ]
    shares = [v for v in values if v.indicator.unit.startswith("%")]
    assert any(v.value != int(v.value) for v in shares)  # shares are not rounded away
