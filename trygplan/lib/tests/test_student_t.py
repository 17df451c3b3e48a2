import pytest
from scipy.stats import norm, t

from trygplan.lib.student_t import normal_quantile, t_cdf, t_quantile


@pytest.mark.parametrize("df", [1, 2, 3, 5, 10, 30, 100, 999, 1000, 4743, 100_000, 600_000])
@pytest.mark.parametrize("p", [0.6, 0.9, 0.975, 0.995])
def test_t_quantile_matches_scipy(df, p):
    assert t_quantile(p, df) == pytest.approx(t.ppf(p, df), rel=1e-12)


def test_lower_quantiles_are_symmetric():
    assert t_quantile(0.025, 12) == pytest.approx(-t_quantile(0.975, 12), rel=1e-15)


@pytest.mark.parametrize("value", [-3.0, -0.5, 0.0, 1.2, 4.0])
def test_t_cdf_matches_scipy(value):
    assert t_cdf(value, 7) == pytest.approx(t.cdf(value, 7), abs=1e-14)


def test_normal_quantile_matches_scipy():
    assert normal_quantile(0.975) == pytest.approx(norm.ppf(0.975), rel=1e-14)


def test_refuses_impossible_arguments():
    with pytest.raises(ValueError):
        t_quantile(1.0, 10)
    with pytest.raises(ValueError):
        t_quantile(0.9, 0)
