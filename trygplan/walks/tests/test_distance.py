import pytest

from trygplan.walks.distance import distance_to_line_m, haversine_m


def test_haversine_copenhagen_to_aarhus_is_about_157_km():
    assert haversine_m(12.5683, 55.6761, 10.2039, 56.1629) == pytest.approx(157_000, rel=0.01)


def test_a_point_beside_a_line_is_measured_to_the_nearest_segment():
    line = [[12.59, 55.65], [12.60, 55.65]]
    # 0.0009 degrees of latitude is about 100 m
    assert distance_to_line_m(12.595, 55.6509, line) == pytest.approx(100, abs=1)
    assert distance_to_line_m(12.58, 55.65, line) == pytest.approx(
        haversine_m(12.58, 55.65, 12.59, 55.65), rel=0.01
    )


def test_no_route_is_infinitely_far():
    assert distance_to_line_m(12.59, 55.65, []) == float("inf")
