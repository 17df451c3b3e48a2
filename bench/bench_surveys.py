"""The safety survey: the estimator on 600.000 respondents x 40 questions x every domain of
the demo's district set (city, 13 districts, the særmåling area, 3 map regions, plus 3 more
særmåling areas = 21 domains), its ratio against samplics' TaylorEstimator on a sample
samplics can handle, and the multi-site pages on the demo.

The generated sample (numpy, fixed seed) is made once; the first call also times samplics
and prints the comparison, so `make bench` shows it once.
"""

import time
import warnings

import numpy as np

N_LARGE, QUESTIONS = 600_000, 40
N_SMALL, SMALL_QUESTIONS = 20_000, 2
_cache: dict = {}


def _sample(n: int, questions: int, seed: int = 15):
    from trygplan.surveys.estimator import Design, Item, Statistic

    rng = np.random.default_rng(seed)
    district = rng.integers(0, 13, n)
    area = np.where(rng.random(n) < 0.04, rng.integers(0, 4, n), -1)
    area[(area >= 0) & (district != 12)] = -1  # the areas lie in one district
    strata = district * 10 + area + 1
    weights = rng.lognormal(3, 0.4, n)
    domains = {"city": np.ones(n, dtype=bool)}
    domains |= {f"district-{d}": district == d for d in range(13)}
    domains |= {f"area-{a}": area == a for a in range(4)}
    domains |= {f"map-{m}": np.isin(district, [2 * m, 2 * m + 1]) for m in range(3)}
    statistics = [Statistic(str(v), (v,)) for v in range(1, 6)]
    statistics += [
        Statistic("tryg", (1, 2)),
        Statistic("utryg", (4, 5)),
        Statistic("mean", mean=True),
    ]
    answers = rng.integers(1, 6, size=(questions, n)).astype(np.float64)
    answers[rng.random((questions, n)) < 0.04] = np.nan  # item non-response
    items = [Item(f"q{q}", answers[q], (1, 2, 3, 4, 5), statistics) for q in range(questions)]
    return (weights, strata, domains), items, Design


def _ours(sample):
    from trygplan.surveys.estimator import estimate

    (weights, strata, domains), items, design_class = sample
    return estimate(design_class(weights, strata, domains), items)


def _samplics(sample) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from samplics.estimation import TaylorEstimator
        from samplics.utils.types import PopParam, SinglePSUEst

    (weights, strata, domains), items, _ = sample
    start = time.perf_counter()
    for item in items:
        valid = ~np.isnan(item.answers)
        answers = item.answers[valid]
        # samplics' own grain: the categorical answer once (all categories), each grouping
        # as a 0/1 variable, and the mean
        calls = [(answers, PopParam.prop), (answers, PopParam.mean)]
        calls += [
            (np.isin(answers, s.values).astype(int), PopParam.prop)
            for s in item.statistics
            if len(s.values) > 1
        ]
        for key, mask in domains.items():
            for y, param in calls:
                arguments = {
                    "y": y,
                    "samp_weight": weights[valid],
                    "stratum": strata[valid],
                    "psu": np.arange(valid.sum()),
                    "single_psu": SinglePSUEst.skip,
                }
                if key != "city":
                    arguments["domain"] = mask[valid]
                TaylorEstimator(param).estimate(**arguments)
    return time.perf_counter() - start


def _compare_once():
    if "compared" in _cache:
        return
    _cache["compared"] = True
    small = _sample(N_SMALL, SMALL_QUESTIONS)
    start = time.perf_counter()
    for _ in range(5):
        _ours(small)
    ours = (time.perf_counter() - start) / 5
    theirs = _samplics(small)
    estimates = len(_ours(small))
    print(
        f"  surveys: the same {estimates} estimates ({N_SMALL} respondents x {SMALL_QUESTIONS} "
        f"questions x 21 domains): samplics {theirs:.2f} s, ours {ours * 1000:.1f} ms, "
        f"ratio {theirs / ours:.0f} to 1"
    )


def bench_estimator_600k_x_40_questions_x_21_domains(ctx):
    _compare_once()
    if "large" not in _cache:
        _cache["large"] = _sample(N_LARGE, QUESTIONS)
    results = _ours(_cache["large"])
    assert len(results) == QUESTIONS * 21 * 8


def bench_multisite_city(ctx):
    ctx.get("/sikker-by/tryghed/")


def bench_multisite_partnership_area(ctx):
    ctx.get("/sikker-by/tryghed/urbanplanen/")


def bench_multisite_pdf(ctx):
    ctx.get("/sikker-by/tryghed/urbanplanen/pdf/")


def bench_estimates_csv(ctx):
    ctx.get("/sikker-by/tryghed/estimater.csv")
