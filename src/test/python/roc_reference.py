"""Reference ROC curves for org.auditgate.engine.metrics.RocCurve, from scikit-learn.

Run with Debian's Python (sklearn 1.2):

    /usr/bin/python3 src/test/python/roc_reference.py

It writes src/test/resources/org/auditgate/engine/metrics/roc_reference.json with
roc_curve(y, s, drop_intermediate=False) for cases with ties. scikit-learn < 1.3 puts max(s) + 1 as
the first threshold, >= 1.3 puts +inf; the file stores null for it and the test skips it.
Data are fixed or drawn with fixed seeds, so the file is reproducible.
"""
import json
import os

import numpy as np
from sklearn.metrics import roc_curve

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "org", "auditgate", "engine", "metrics",
                   "roc_reference.json")


def case(name, y, s):
    fpr, tpr, thr = roc_curve(np.array(y, dtype=int), np.array(s, dtype=float), drop_intermediate=False)
    return dict(name=name, labels=[bool(v) for v in y], scores=[float(v) for v in s],
                thresholds=[None] + [float(t) for t in thr[1:]],
                fpr=[float(v) for v in fpr], tpr=[float(v) for v in tpr])


def main():
    cases = [
        # ties across classes and within a class
        case("ties", [1, 0, 1, 1, 0, 0, 1, 0], [0.9, 0.9, 0.7, 0.5, 0.5, 0.5, 0.2, 0.1]),
        # every score equal
        case("all tied", [1, 0, 0, 1], [0.3, 0.3, 0.3, 0.3]),
        # logits (scores outside [0, 1]) with ties
        case("logits", [0, 1, 1, 0, 1, 0], [-2.0, 3.5, -2.0, 0.0, 3.5, 1.25]),
    ]
    rng = np.random.default_rng(20261204)
    y = rng.integers(0, 2, size=60)
    s = np.round(rng.normal(loc=y * 0.8, scale=1.0), 1)  # rounding to 0.1 makes many ties
    cases.append(case("random rounded", y.tolist(), s.tolist()))
    with open(OUT, "w") as f:
        json.dump(cases, f, indent=1)


if __name__ == "__main__":
    main()
