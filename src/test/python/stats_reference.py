"""Reference values for org.auditgate.engine.stats, from scikit-learn, SciPy, statsmodels and an
independent O(m*n) DeLong written here.

Run with Debian's Python (it has sklearn 1.2, scipy 1.10, statsmodels 0.13):

    /usr/bin/python3 src/test/python/stats_reference.py

It writes src/test/resources/org/auditgate/engine/stats/stats_reference.json. Generated data uses
fixed seeds, so the file is reproducible.
"""
import json
import math
import os
import warnings

import numpy as np
from scipy import stats
from scipy.stats.contingency import association
from sklearn.metrics import brier_score_loss, roc_auc_score
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.proportion import proportion_confint

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "auditgate", "engine", "stats",
                   "stats_reference.json")


def num(x):
    x = float(x)
    return None if math.isnan(x) else x


# ---------- DeLong (1988) from the definition: placement values over all m*n pairs ----------
def psi(x, y):
    return 1.0 if x > y else (0.5 if x == y else 0.0)


def components(scores, positive):
    xs = [s for s, p in zip(scores, positive) if p]
    ys = [s for s, p in zip(scores, positive) if not p]
    v10 = np.array([np.mean([psi(x, y) for y in ys]) for x in xs])
    v01 = np.array([np.mean([psi(x, y) for x in xs]) for y in ys])
    return v10, v01


def delong_interval(scores, positive, level):
    m = sum(positive)
    n = len(positive) - m
    if m == 0 or n == 0:
        return dict(auc=None, variance=None, lower=None, upper=None)
    v10, v01 = components(scores, positive)
    auc = float(np.mean(v10))
    if m < 2 or n < 2:
        return dict(auc=auc, variance=None, lower=None, upper=None)
    var = np.var(v10, ddof=1) / m + np.var(v01, ddof=1) / n
    z = stats.norm.ppf((1 + level) / 2)
    se = math.sqrt(var)
    return dict(auc=auc, variance=var, lower=max(0.0, auc - z * se), upper=min(1.0, auc + z * se))


def delong_compare(a, b, positive):
    m = sum(positive)
    n = len(positive) - m
    a10, a01 = components(a, positive)
    b10, b01 = components(b, positive)
    s10 = np.cov(np.vstack([a10, b10]), ddof=1)
    s01 = np.cov(np.vstack([a01, b01]), ddof=1)
    s = s10 / m + s01 / n
    diff = float(np.mean(a10) - np.mean(b10))
    var = max(0.0, s[0, 0] + s[1, 1] - 2 * s[0, 1])
    if var == 0:
        z = p = float("nan")
    else:
        z = diff / math.sqrt(var)
        p = 2 * stats.norm.sf(abs(z))
    return dict(aucA=float(np.mean(a10)), aucB=float(np.mean(b10)), difference=diff, variance=var, z=num(z), p=num(p))


def auc_cases():
    rng = np.random.default_rng(20261204)
    cases = []
    # hand case with ties across classes
    cases.append(([0.2, 0.5, 0.5, 0.9, 0.5, 0.1], [False, False, True, True, True, False]))
    # rounded normal scores: many ties
    for size, shift, digits in [(30, 0.8, 1), (60, 0.5, 2), (200, 1.0, 1), (500, 0.3, 3)]:
        y = rng.random(size) < 0.4
        s = rng.normal(size=size) + shift * y
        cases.append((list(np.round(s, digits)), list(map(bool, y))))
    # tiny: two of each, perfect separation, one positive only, one class only
    cases.append(([0.1, 0.4, 0.35, 0.8], [False, False, True, True]))
    cases.append(([0.1, 0.2, 0.8, 0.9], [False, False, True, True]))
    cases.append(([0.1, 0.2, 0.8, 0.3], [False, False, True, False]))
    cases.append(([0.1, 0.2, 0.3], [False, False, False]))
    out = []
    for scores, positive in cases:
        scores = [float(s) for s in scores]
        d = delong_interval(scores, positive, 0.95)
        has_both = 0 < sum(positive) < len(positive)
        d["sklearnAuc"] = float(roc_auc_score(positive, scores)) if has_both else None
        out.append(dict(scores=scores, positive=positive, level=0.95, **{k: num(v) if v is not None else None for k, v in d.items()}))
    return out


def paired_cases():
    rng = np.random.default_rng(7)
    out = []
    for size in (40, 150, 400):
        y = rng.random(size) < 0.5
        base = rng.normal(size=size)
        a = np.round(base + 1.0 * y + 0.3 * rng.normal(size=size), 2)
        b = np.round(base + 0.6 * y + 0.6 * rng.normal(size=size), 1)
        out.append(dict(scoresA=list(map(float, a)), scoresB=list(map(float, b)), positive=list(map(bool, y)),
                        **delong_compare(list(a), list(b), list(y))))
    same = [0.1, 0.4, 0.35, 0.8, 0.5]
    pos = [False, False, True, True, True]
    out.append(dict(scoresA=same, scoresB=same, positive=pos, **delong_compare(same, same, pos)))
    return out


def hanley_mcneil():
    """Hanley & McNeil (1982), Radiology 143:29-36, Table 1: CT ratings 1..5 of 58 normal and 51
    abnormal patients; the paper reports an area of 0.893 (Wilcoxon) and SE 0.032 from its own
    exponential approximation (not DeLong's estimator)."""
    normal = [33, 6, 6, 11, 2]
    abnormal = [3, 2, 2, 11, 33]
    scores, positive = [], []
    for rating, (cn, ca) in enumerate(zip(normal, abnormal), start=1):
        scores += [float(rating)] * (cn + ca)
        positive += [False] * cn + [True] * ca
    d = delong_interval(scores, positive, 0.95)
    return dict(scores=scores, positive=positive, publishedAuc=0.893, publishedSe=0.032,
                delongVariance=d["variance"], auc=d["auc"])


def wilson_cases():
    out = []
    for k, n in [(0, 10), (10, 10), (3, 10), (1, 1), (50, 100), (17, 230), (229, 230), (0, 1)]:
        for level in (0.95, 0.9):
            lo, hi = proportion_confint(k, n, alpha=1 - level, method="wilson")
            out.append(dict(successes=k, trials=n, level=level, lower=float(lo), upper=float(hi)))
    return out


def paired_tests():
    """Wilcoxon two-sided after discarding zero differences: exact when <= 50 non-zero differences
    and no tied |d|, else normal approximation with tie and continuity correction. Paired t."""
    rng = np.random.default_rng(99)
    cases = [
        ([0.31, 0.22, 0.40, 0.15, 0.27, 0.33, 0.19, 0.25], [0.12, 0.25, 0.18, 0.09, 0.30, 0.11, 0.05, 0.21]),
        ([0.30, 0.20, 0.40, 0.10, 0.25], [0.30, 0.10, 0.40, 0.15, 0.05]),          # zeros
        ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.5, 1.5, 2.5, 4.5, 6.0, 5.0]),           # tied |d|
        ([0.3, 0.3, 0.3], [0.1, 0.1, 0.1]),                                          # constant d
    ]
    clean = np.round(rng.normal(0.2, 0.1, 20), 6)
    cases.append((list(clean), list(np.round(clean - rng.normal(0.05, 0.1, 20), 6))))
    clean = np.round(rng.normal(0.2, 0.1, 60), 6)
    cases.append((list(clean), list(np.round(clean - rng.normal(0.02, 0.1, 60), 6))))
    clean = np.round(rng.normal(0.2, 0.1, 12), 6)
    cases.append((list(clean), list(np.round(clean - rng.normal(0.01, 0.05, 12), 6))))
    out = []
    for c, n in cases:
        c = [float(v) for v in c]
        n = [float(v) for v in n]
        d = np.array(c) - np.array(n)
        nz = d[d != 0]
        ties = len(np.unique(np.abs(nz))) < len(nz)
        exact = len(nz) <= 50 and not ties
        if len(nz) == 0:
            wp = float("nan")
        elif exact:
            wp = stats.wilcoxon(nz, method="exact").pvalue
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wp = stats.wilcoxon(nz, method="approx", correction=True).pvalue
        tp = stats.ttest_rel(c, n).pvalue if len(d) >= 2 and np.any(d != d[0]) else float("nan")
        mean = float(np.mean(d))
        sd = float(np.std(d, ddof=1))
        lo, hi = stats.t.interval(0.95, len(d) - 1, loc=mean, scale=sd / math.sqrt(len(d))) if sd > 0 else (mean, mean)
        out.append(dict(clean=c, noise=n, nonZero=int(len(nz)), exact=bool(exact), wilcoxonP=num(wp), tTestP=num(tp),
                        meanReduction=mean, sdReduction=sd, lower=float(lo), upper=float(hi)))
    return out


def t_intervals():
    rng = np.random.default_rng(5)
    out = []
    for values in ([0.81, 0.79, 0.84, 0.80, 0.77], [1.0, 2.0], list(rng.normal(0.3, 0.05, 10)),
                   list(rng.normal(0.6, 0.2, 30))):
        v = np.array(values, dtype=float)
        mean = float(v.mean())
        sd = float(v.std(ddof=1))
        lo, hi = stats.t.interval(0.95, len(v) - 1, loc=mean, scale=sd / math.sqrt(len(v)))
        out.append(dict(values=list(map(float, v)), mean=mean, sd=sd, lower=float(lo), upper=float(hi)))
    return out


def holm_cases():
    out = []
    for p in ([0.01, 0.04, 0.03, 0.005], [0.5, 0.2, 0.9, 0.01, 0.012, 0.3, 0.04], [0.02], [0.03, 0.03, 0.03],
              [0.01, float("nan"), 0.04, 0.02], [0.4, 0.45, 0.5]):
        p = np.array(p, dtype=float)
        adj = np.full(len(p), np.nan)
        ok = ~np.isnan(p)
        adj[ok] = multipletests(p[ok], method="holm")[1]
        out.append(dict(p=[num(x) for x in p], adjusted=[num(x) for x in adj]))
    return out


def cramers_cases():
    rng = np.random.default_rng(11)
    out = []
    cases = [
        (["a", "a", "b", "b"], ["x", "y", "x", "y"]),
        (["a", "a", "b", "b", "a"], ["x", "x", "y", "y", "x"]),
        (list(rng.choice(["sirm", "rsna", "nih"], 200)), list(rng.choice(["covid", "normal"], 200))),
    ]
    src = rng.choice(["s1", "s2", "s3", "s4"], 300, p=[0.4, 0.3, 0.2, 0.1])
    lab = np.where(rng.random(300) < np.select([src == "s1", src == "s2"], [0.8, 0.5], 0.2), "pos", "neg")
    cases.append((list(src), list(lab)))
    cases.append((list(src), list(rng.choice(["u", "v", "w"], 300))))
    for a, b in cases:
        a = [str(x) for x in a]
        b = [str(x) for x in b]
        ra, rb = sorted(set(a)), sorted(set(b))
        table = np.zeros((len(ra), len(rb)), dtype=int)
        for x, y in zip(a, b):
            table[ra.index(x), rb.index(y)] += 1
        v = association(table, method="cramer", correction=False)
        out.append(dict(a=a, b=b, v=float(v)))
    out.append(dict(a=["a", "a", "a"], b=["x", "y", "x"], v=None))
    return out


def calibration_cases():
    rng = np.random.default_rng(3)
    edges = np.array([b / 10 for b in range(11)])
    cases = [([0.0, 0.1, 0.3, 0.7, 1.0, 0.95, 0.05, 0.6, 0.2999999], [False, True, False, True, True, True, False, False, True])]
    for size in (50, 1000):
        p = rng.random(size)
        y = rng.random(size) < p ** 1.5
        cases.append((list(p), list(map(bool, y))))
    out = []
    for scores, positive in cases:
        s = np.array(scores, dtype=float)
        y = np.array(positive, dtype=float)
        bins = np.minimum(np.searchsorted(edges, s, side="right") - 1, 9)
        ece = 0.0
        counts, means, rates = [], [], []
        for b in range(10):
            sel = bins == b
            k = int(sel.sum())
            counts.append(k)
            means.append(float(s[sel].mean()) if k else None)
            rates.append(float(y[sel].mean()) if k else None)
            if k:
                ece += k / len(s) * abs(y[sel].mean() - s[sel].mean())
        out.append(dict(scores=list(map(float, s)), positive=list(map(bool, positive)),
                        brier=float(brier_score_loss(y, s)), ece=float(ece), counts=counts, meanScores=means, rates=rates))
    return out


def percentile_cases():
    out = []
    for values in ([1.0, 2.0, 3.0, 4.0], [0.5], [0.2, 0.9, 0.4, 0.4, 0.7, 0.1, 0.65]):
        v = sorted(values)
        out.append(dict(sorted=v, q=[0.025, 0.5, 0.975],
                        expected=[float(np.percentile(v, 100 * q)) for q in (0.025, 0.5, 0.975)]))
    return out


def main():
    data = dict(
        auc=auc_cases(),
        pairedDeLong=paired_cases(),
        hanleyMcNeil=hanley_mcneil(),
        wilson=wilson_cases(),
        pairedTests=paired_tests(),
        tIntervals=t_intervals(),
        holm=holm_cases(),
        cramersV=cramers_cases(),
        calibration=calibration_cases(),
        percentile=percentile_cases(),
    )
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
