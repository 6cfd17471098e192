"""Reference values for org.auditgate.engine.metrics, computed with scikit-learn.

Run with Debian's python3 (python3-sklearn, python3-numpy), from the repository root:
    /usr/bin/python3 src/test/python/metrics_reference.py
It rewrites src/test/resources/org/auditgate/engine/metrics/sklearn_reference.json.
"""
import json
import numpy as np
import sklearn
from sklearn.metrics import (roc_auc_score, accuracy_score, recall_score, precision_score, f1_score,
                             confusion_matrix)

OUT = "src/test/resources/org/auditgate/engine/metrics/sklearn_reference.json"


def case(name, y, s, threshold):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=float)
    pred = (s > threshold).astype(int)  # positive when strictly greater (torchmetrics' rule)
    tn, fp, fn, tp = confusion_matrix(y, pred, labels=[0, 1]).ravel()
    return {
        "name": name,
        "labels": y.tolist(),
        "scores": s.tolist(),
        "threshold": threshold,
        "auroc": roc_auc_score(y, s),
        "accuracy": accuracy_score(y, pred),
        "recall": recall_score(y, pred),
        "specificity": recall_score(1 - y, 1 - pred),
        "precision": precision_score(y, pred),
        "npv": precision_score(1 - y, 1 - pred),
        "f1": f1_score(y, pred),
        "counts": {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)},
    }


def main():
    rng = np.random.default_rng(20251105)
    cases = []
    for i, (n, decimals) in enumerate([(50, 3), (200, 1), (1000, 2), (37, 1)]):
        y = rng.integers(0, 2, size=n)
        y[0], y[1] = 0, 1  # both classes present
        s = np.clip(rng.normal(0.5 + 0.2 * (y - 0.5), 0.2), 0, 1).round(decimals)  # rounding makes ties
        cases.append(case(f"random-{i}-n{n}-ties", y, s, 0.5))
    cases.append(case("threshold-0.3", [0, 1, 1, 0, 1, 0, 0, 1], [0.1, 0.3, 0.31, 0.3, 0.9, 0.29, 0.6, 0.2], 0.3))
    with open(OUT, "w") as f:
        json.dump({"tool": f"scikit-learn {sklearn.__version__}", "cases": cases}, f, indent=1)


if __name__ == "__main__":
    main()
