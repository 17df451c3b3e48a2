"""Student's t distribution: the CDF and the quantile, in pure Python (no SciPy at run time).

The survey estimator needs the t quantile for its confidence intervals (the degrees of
freedom are the sample's: respondents minus strata). The CDF is the regularised incomplete
beta function, evaluated with its continued fraction (modified Lentz); the quantile is found
by Newton's method on the CDF, started from the normal quantile and kept inside a bracket
(below 1000 degrees of freedom) or from Fisher's expansion in 1/df (from 1000 on).
Accurate to about 1e-13 against SciPy for 1 to 10 million degrees of freedom
(`trygplan/lib/tests/test_student_t.py`).
"""

import math

_EPS = 1e-16
_TINY = 1e-300
# From here on the quantile comes from its expansion in 1/df.
LARGE_DF = 1000


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, 100_000):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            result *= d * c
        if abs(d * c - 1.0) < _EPS:
            return result
    raise ArithmeticError("the incomplete beta function did not converge")


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_pdf(t: float, df: float) -> float:
    log_density = (
        math.lgamma((df + 1.0) / 2.0)
        - math.lgamma(df / 2.0)
        - 0.5 * math.log(df * math.pi)
        - (df + 1.0) / 2.0 * math.log1p(t * t / df)
    )
    return math.exp(log_density)


def normal_cdf(z: float) -> float:
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def normal_quantile(p: float) -> float:
    """The standard normal quantile, by Newton's method on `math.erfc`."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be between 0 and 1")
    z = 0.0
    for _ in range(100):
        step = (normal_cdf(z) - p) / (math.exp(-z * z / 2.0) / math.sqrt(2.0 * math.pi))
        z -= step
        if abs(step) < 1e-15 * max(1.0, abs(z)):
            break
    return z


def _t_quantile_large_df(z: float, df: float) -> float:
    """Fisher's expansion of the t quantile in powers of 1/df (Abramowitz and Stegun 26.7.5):
    exact to rounding for df >= 1000, where lgamma differences would lose digits."""
    z2 = z * z
    g1 = (z2 + 1.0) * z / 4.0
    g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0
    g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0
    g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def t_quantile(p: float, df: float) -> float:
    """The t quantile: the t with P(T <= t) = p, for df >= 1."""
    if not 0.0 < p < 1.0:
        raise ValueError("p must be between 0 and 1")
    if df < 1:
        raise ValueError("at least one degree of freedom is needed")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    if df >= LARGE_DF:
        return _t_quantile_large_df(normal_quantile(p), df)
    return _newton(p, df)


def _newton(p: float, df: float) -> float:
    """Newton's method on the CDF, kept inside a bracket (bisecting when a step leaves it)."""
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        low, high = high, high * 2.0
    t = min(max(normal_quantile(p), low), high)
    for _ in range(200):
        error = t_cdf(t, df) - p
        if error == 0.0:
            return t
        if error > 0:
            high = t
        else:
            low = t
        step = error / t_pdf(t, df)
        if abs(step) < 1e-15 * max(1.0, t):
            return t - step
        candidate = t - step
        t = candidate if low < candidate < high else (low + high) / 2.0
    return t
