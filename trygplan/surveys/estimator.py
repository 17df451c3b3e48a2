"""Weighted shares and means with Taylor-linearised standard errors, vectorised with numpy.

The conventions are samplics' `TaylorEstimator` (the tests compare with it to 1e-9):

- a stratified design in which each respondent is its own PSU (no finite population
  correction): Var = sum over strata h of n_h / (n_h - 1) * sum_i (z_hi - mean_h(z))^2;
- a domain is estimated as a ratio, with the linearised score z_i = w_i (y_i - R) / W_d for
  respondents in the domain and zero outside it, so that every respondent of the whole sample
  counts in its stratum's n_h;
- degrees of freedom of the whole (answering) sample: respondents minus strata;
- 95 % intervals: for shares on the logit scale, log(p / (1 - p)) +- t * se / (p (1 - p)),
  transformed back; for means p +- t * se; t is Student's with those degrees of freedom;
  a share of exactly 0 or 1 gets the interval (0, 0) or (1, 1) and a CV of 0, as in samplics;
- item non-response is dropped: for each question only those who answered it count (the
  strata, n_h and the degrees of freedom are those of the answering sample);
- a stratum where only one respondent answered contributes no variance (samplics'
  `SinglePSUEst.skip`) and is reported in `Estimate.single_strata`; it is not an error.

How it is fast: every statistic (a category's share, a grouping such as "utryg" = 4 or 5,
the mean answer) is a linear combination y = sum_k c_k 1{answer = k} of the answer
categories. Per question, three `bincount`s over the respondents give, per cell (a stratum
crossed with domain membership) and category, the count, the sum of weights and the sum of
squared weights. Everything else (the domain-by-stratum sums, the point estimates, the
scores' first and second moments per stratum) is computed from those small arrays:
S1_h = (sum w y - R sum w) / W_d and S2_h = (sum w^2 y^2 - 2 R sum w^2 y + R^2 sum w^2) / W_d^2
give sum_i (z_hi - mean)^2 = S2_h - S1_h^2 / n_h without touching a respondent again.

Pure numpy and the standard library; nothing here knows about Django.
"""

from dataclasses import dataclass, field

import numpy as np

from trygplan.lib.student_t import t_quantile

__all__ = ["Design", "Estimate", "Item", "Statistic", "estimate"]


@dataclass
class Statistic:
    """One thing to estimate from a question: a share (`values`: the answer codes that count,
    e.g. [4, 5] for "utryg") or, with `mean=True`, the mean answer code."""

    key: str
    values: tuple[int, ...] = ()
    mean: bool = False


@dataclass
class Item:
    """A question: its answers per respondent (NaN where there is no valid answer, e.g.
    "ved ikke") and what to estimate from them. `categories` are the valid answer codes."""

    key: str
    answers: np.ndarray
    categories: tuple[int, ...]
    statistics: list[Statistic] = field(default_factory=list)


def _factorise(labels: np.ndarray) -> np.ndarray:
    """Codes 0..m-1 for the distinct labels, in their sorted order. Small non-negative
    integers are relabelled through a `bincount` (linear time); anything else is sorted."""
    if labels.size and labels.dtype.kind in "iub":
        labels = labels.astype(np.int64)
        low, high = int(labels.min()), int(labels.max())
        if low >= 0 and high < 4 * labels.size + 1_000_000:
            relabel = np.cumsum(np.bincount(labels) > 0) - 1
            return relabel[labels]
    return np.unique(labels, return_inverse=True)[1].astype(np.int64).reshape(-1)


@dataclass
class Design:
    """Weights and strata per respondent, and the domains as boolean masks."""

    weights: np.ndarray
    strata: np.ndarray  # any labels; factorised here
    domains: dict[str, np.ndarray]  # key -> mask over respondents

    def __post_init__(self):
        self.weights = np.asarray(self.weights, dtype=np.float64)
        self.stratum_codes = _factorise(np.asarray(self.strata))
        self.n_strata = int(self.stratum_codes.max()) + 1 if self.weights.size else 0
        self.domain_keys = list(self.domains)
        self.cells, self.cell_stratum, self.cell_in_domain = self._cells()

    def _cells(self):
        """Cells: respondents alike in stratum and in every domain's membership. The
        membership bits are packed into integers (8 domains at a time) and factorised."""
        cell = self.stratum_codes
        for start in range(0, len(self.domain_keys), 8):
            key = cell << 8
            for bit, name in enumerate(self.domain_keys[start : start + 8]):
                key |= np.asarray(self.domains[name], dtype=np.int64) << bit
            cell = _factorise(key)
        n_cells = int(cell.max()) + 1 if cell.size else 0
        first = np.zeros(n_cells, dtype=np.int64)
        first[cell[::-1]] = np.arange(cell.size - 1, -1, -1)  # first respondent of each cell
        cell_stratum = self.stratum_codes[first]
        cell_in_domain = np.array(
            [np.asarray(self.domains[key], dtype=bool)[first] for key in self.domain_keys],
            dtype=np.float64,
        ).reshape(len(self.domain_keys), n_cells)
        return cell, cell_stratum, cell_in_domain

    def cells_times(self, width: int) -> np.ndarray:
        """cell * width per respondent, computed once per width (the scale's size + 1)."""
        cache = self.__dict__.setdefault("_cells_times", {})
        if width not in cache:
            cache[width] = self.cells * width
        return cache[width]

    @property
    def weights_squared(self) -> np.ndarray:
        if "_weights_squared" not in self.__dict__:
            self._weights_squared = self.weights * self.weights
        return self._weights_squared


@dataclass
class Estimate:
    item: str
    domain: str
    statistic: str
    is_mean: bool
    estimate: float
    se: float
    ci_low: float
    ci_high: float
    cv: float
    n: int  # unweighted respondents in the domain who answered
    df: int
    single_strata: int  # strata with one answering respondent: no variance contribution


def _coefficients(item: Item) -> tuple[np.ndarray, list[Statistic]]:
    """The (categories x statistics) matrix c_k of y = sum_k c_k 1{answer = k}."""
    index = {value: k for k, value in enumerate(item.categories)}
    matrix = np.zeros((len(item.categories), len(item.statistics)))
    for s, statistic in enumerate(item.statistics):
        if statistic.mean:
            matrix[:, s] = np.asarray(item.categories, dtype=np.float64)
        else:
            for value in statistic.values:
                matrix[index[value], s] = 1.0
    return matrix, item.statistics


def _answer_codes(item: Item) -> np.ndarray:
    """Each answer's category index 0..K-1, and K for no valid answer (missing, NaN, or a code
    outside the scale: the importer refuses those, so this is only a safeguard)."""
    answers = np.asarray(item.answers, dtype=np.float64)
    missing = len(item.categories)
    low, high = min(item.categories), max(item.categories)
    table = np.full(high - low + 2, missing, dtype=np.int64)
    for k, value in enumerate(item.categories):
        table[value - low] = k
    shifted = answers - low
    inside = (shifted >= 0) & (shifted <= high - low)  # False for NaN
    return table[np.where(inside, shifted, high - low + 1).astype(np.int64)]


def _cell_sums(design: Design, item: Item):
    """Per cell and category: respondents, sum of weights, sum of squared weights. Missing
    answers go to an extra last category, which is dropped: no respondent is copied."""
    width = len(item.categories) + 1
    flat = design.cells_times(width) + _answer_codes(item)
    size = design.cell_stratum.size * width
    shape = (design.cell_stratum.size, width)
    count = np.bincount(flat, minlength=size).reshape(shape)[:, :-1].astype(np.float64)
    w = np.bincount(flat, weights=design.weights, minlength=size).reshape(shape)[:, :-1]
    w2 = np.bincount(flat, weights=design.weights_squared, minlength=size).reshape(shape)
    return count, w, w2[:, :-1]


def _by_domain_and_stratum(design: Design, per_cell: np.ndarray) -> np.ndarray:
    """(cells x k) -> (domains x strata x k): sums over the cells of each domain and stratum."""
    one_hot = np.zeros((design.cell_stratum.size, design.n_strata))
    one_hot[np.arange(design.cell_stratum.size), design.cell_stratum] = 1.0
    return np.einsum("dc,ch,ck->dhk", design.cell_in_domain, one_hot, per_cell)


def _intervals(point, se, t, is_mean):
    with np.errstate(divide="ignore", invalid="ignore"):
        if is_mean:
            return point - t * se, point + t * se, se / point
        inner = (point > 0) & (point < 1)
        location = np.log(point / (1 - point))
        scale = se / (point * (1 - point))
        low = np.where(inner, 1 / (1 + np.exp(-(location - t * scale))), point)
        high = np.where(inner, 1 / (1 + np.exp(-(location + t * scale))), point)
        cv = np.where(inner, se / point, 0.0)
        return low, high, cv


def _estimate_item(design: Design, item: Item, alpha: float) -> list[Estimate]:
    count, w, w2 = _cell_sums(design, item)
    coef, statistics = _coefficients(item)
    # per stratum (whole answering sample): n_h; singletons contribute no variance
    n_h = np.bincount(design.cell_stratum, weights=count.sum(axis=1), minlength=design.n_strata)
    present = n_h > 0
    n_answering = int(n_h.sum())
    df = n_answering - int(present.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        factor = np.where(n_h > 1, n_h / (n_h - 1), 0.0)
        inverse_n = np.where(n_h > 0, 1 / n_h, 0.0)
    single_strata = int((n_h == 1).sum())
    # domain x stratum sums: of w, w^2, w*y, w^2*y, w^2*y^2 for every statistic
    sum_w = _by_domain_and_stratum(design, w.sum(axis=1, keepdims=True))[:, :, 0]
    sum_w2 = _by_domain_and_stratum(design, w2.sum(axis=1, keepdims=True))[:, :, 0]
    sum_wy = _by_domain_and_stratum(design, w @ coef)
    sum_w2y = _by_domain_and_stratum(design, w2 @ coef)
    sum_w2y2 = _by_domain_and_stratum(design, w2 @ (coef * coef))
    n_domain = design.cell_in_domain @ count.sum(axis=1)
    total_w = sum_w.sum(axis=1)  # W_d
    with np.errstate(divide="ignore", invalid="ignore"):
        point = sum_wy.sum(axis=1) / total_w[:, None]  # (domains x statistics)
        r = point[:, None, :]
        scale = total_w[:, None, None]
        s1 = (sum_wy - r * sum_w[:, :, None]) / scale
        s2 = (sum_w2y2 - 2 * r * sum_w2y + r * r * sum_w2[:, :, None]) / (scale * scale)
        within = s2 - s1 * s1 * inverse_n[None, :, None]
        variance = np.einsum("h,dhs->ds", factor, within)
    se = np.sqrt(np.maximum(variance, 0.0))
    t = t_quantile(1 - alpha / 2, df) if df >= 1 else float("nan")
    results = []
    for s, statistic in enumerate(statistics):
        low, high, cv = _intervals(point[:, s], se[:, s], t, statistic.mean)
        for d, domain in enumerate(design.domain_keys):
            results.append(
                Estimate(
                    item=item.key,
                    domain=domain,
                    statistic=statistic.key,
                    is_mean=statistic.mean,
                    estimate=float(point[d, s]),
                    se=float(se[d, s]),
                    ci_low=float(low[d]),
                    ci_high=float(high[d]),
                    cv=float(cv[d]),
                    n=int(n_domain[d]),
                    df=df,
                    single_strata=single_strata,
                )
            )
    return results


def estimate(design: Design, items: list[Item], *, alpha: float = 0.05) -> list[Estimate]:
    """Every statistic of every item in every domain. A domain where nobody answered gets
    NaN estimates with n = 0 (the caller suppresses them, as it does every small n)."""
    results = []
    for item in items:
        results += _estimate_item(design, item, alpha)
    return results
