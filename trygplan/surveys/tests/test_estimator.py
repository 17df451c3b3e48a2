"""The estimator against samplics' TaylorEstimator (a test dependency only), to 1e-9."""

import warnings

import numpy as np
import pytest

from trygplan.surveys.estimator import Design, Item, Statistic, estimate

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # samplics announces that it is archived
    from samplics.estimation import TaylorEstimator
    from samplics.utils.types import PopParam, SinglePSUEst

TOLERANCE = 1e-9
SCALE = (1, 2, 3, 4, 5)
STATISTICS = [Statistic(str(value), (value,)) for value in SCALE] + [
    Statistic("tryg", (1, 2)),
    Statistic("utryg", (4, 5)),
    Statistic("mean", mean=True),
]


def _sample(seed: int, n: int = 2500, singleton: bool = True):
    rng = np.random.default_rng(seed)
    labels = ["a", "b", "c", "d", "e", "f"]
    strata = rng.choice(labels, size=n, p=[0.1, 0.2, 0.3, 0.2, 0.1, 0.1]).astype("<U8")
    if singleton:
        strata[0] = "alone"  # a stratum of one respondent
    weights = rng.lognormal(3, 0.6, n)
    answers = rng.choice(SCALE, size=n, p=[0.3, 0.3, 0.2, 0.12, 0.08]).astype(float)
    answers[rng.random(n) < 0.08] = np.nan  # item non-response
    if singleton:
        answers[0] = 3.0  # the lone respondent answers: their stratum has n_h = 1
    answers[(strata == "f") & (answers == 5)] = 4  # a category absent from one domain
    domains = {
        "city": np.ones(n, dtype=bool),
        "district": np.isin(strata, ["c", "d"]),  # a union of strata
        "area": strata == "c",
        "women": rng.random(n) < 0.5,  # cuts across every stratum
        "few": (strata == "e") & (rng.random(n) < 0.05),
        "f": strata == "f",
    }
    return weights, strata, answers, domains


def _samplics(statistic, weights, strata, answers, mask, domain_key):
    valid = ~np.isnan(answers)
    if statistic.mean:
        y, estimator, level = answers[valid], TaylorEstimator(PopParam.mean), None
    else:
        y = np.isin(answers[valid], statistic.values).astype(int)
        estimator, level = TaylorEstimator(PopParam.prop), 1
    arguments = {
        "y": y,
        "samp_weight": weights[valid],
        "stratum": strata[valid],
        "psu": np.arange(valid.sum()),  # each respondent its own PSU
        "single_psu": SinglePSUEst.skip,
    }
    if domain_key != "city":
        arguments["domain"] = np.where(mask[valid], "in", "out")
    estimator.estimate(**arguments)

    def pick(values):
        values = values["in"] if domain_key != "city" else values
        if level is None:
            return values
        return values.get(level, 0.0) if isinstance(values, dict) else values

    names = ("point_est", "stderror", "lower_ci", "upper_ci", "coef_var")
    return [pick(getattr(estimator, name)) for name in names], estimator.degree_of_freedom


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shares_and_means_match_samplics_with_strata_domains_and_non_response(seed):
    weights, strata, answers, domains = _sample(seed)
    item = Item("q", answers, SCALE, STATISTICS)
    ours = {(e.domain, e.statistic): e for e in estimate(Design(weights, strata, domains), [item])}
    worst = 0.0
    for domain_key, mask in domains.items():
        for statistic in STATISTICS:
            theirs, df = _samplics(statistic, weights, strata, answers, mask, domain_key)
            mine = ours[domain_key, statistic.key]
            values = [mine.estimate, mine.se, mine.ci_low, mine.ci_high, mine.cv]
            for their, my in zip(theirs, values, strict=True):
                assert my == pytest.approx(their, abs=TOLERANCE), (domain_key, statistic.key)
                worst = max(worst, abs(my - their))
            assert mine.df == df
    assert worst < TOLERANCE
    assert ours["city", "utryg"].single_strata == (1 if "alone" in strata else 0)


def test_item_non_response_is_dropped_from_n_and_degrees_of_freedom():
    weights, strata, answers, domains = _sample(4, singleton=False)
    item = Item("q", answers, SCALE, STATISTICS)
    city = next(e for e in estimate(Design(weights, strata, domains), [item]) if e.domain == "city")
    answered = int((~np.isnan(answers)).sum())
    assert city.n == answered < answers.size
    assert city.df == answered - 6


def test_a_stratum_with_a_single_respondent_gives_a_result_and_is_reported():
    weights, strata, answers, domains = _sample(5)
    answers[0] = 2  # the lone respondent answers
    item = Item("q", answers, SCALE, STATISTICS)
    results = estimate(Design(weights, strata, domains), [item])
    city = next(e for e in results if e.domain == "city" and e.statistic == "utryg")
    assert city.single_strata == 1
    assert np.isfinite(city.se) and city.se > 0
    assert 0 < city.ci_low < city.estimate < city.ci_high < 1


def test_a_sample_of_one_respondent_gives_nan_not_a_crash():
    item = Item("q", np.array([2.0]), SCALE, STATISTICS)
    design = Design(np.array([1.5]), np.array(["a"]), {"city": np.array([True])})
    result = next(e for e in estimate(design, [item]) if e.statistic == "tryg")
    assert result.n == 1 and result.df == 0
    assert result.estimate == 1.0
    assert np.isnan(result.ci_low) or result.ci_low == 1.0


def test_a_domain_nobody_answered_in_has_n_zero():
    weights, strata, answers, domains = _sample(6, singleton=False)
    answers[domains["few"]] = np.nan
    item = Item("q", answers, SCALE, STATISTICS)
    few = [e for e in estimate(Design(weights, strata, domains), [item]) if e.domain == "few"]
    assert {e.n for e in few} == {0}
    assert all(np.isnan(e.estimate) for e in few)


def test_codes_outside_the_scale_count_as_missing():
    answers = np.array([1.0, 2.0, 9.0, 4.0, 5.0, 2.0])
    design = Design(np.ones(6), np.array([1, 1, 1, 2, 2, 2]), {"city": np.ones(6, dtype=bool)})
    item = Item("q", answers, SCALE, [Statistic("tryg", (1, 2))])
    (result,) = estimate(design, [item])
    assert result.n == 5
    assert result.estimate == pytest.approx(3 / 5)
