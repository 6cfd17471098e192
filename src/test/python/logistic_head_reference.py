"""Reference values for LogisticHeadTest (org.auditgate.engine.demo).

LogisticHead minimises  sum(log-loss) + l2/2 * |w|^2  on features standardised with the
population standard deviation, bias unpenalised. scikit-learn's LogisticRegression minimises
C * sum(log-loss) + 1/2 * |w|^2, the same objective with C = 1/l2. This script fits it on the
small matrix below and prints the weights and bias mapped back to the raw features.

Run with Debian's python3 (it has scikit-learn 1.2):
    /usr/bin/python3 src/test/python/logistic_head_reference.py
"""
import numpy as np
from sklearn.linear_model import LogisticRegression

X = np.array([
    [0.2, 1.5, 3.0], [1.1, 0.3, 2.5], [0.7, 2.2, 3.5], [1.9, 0.8, 2.0],
    [2.4, 1.9, 1.0], [0.1, 0.4, 4.0], [1.6, 2.7, 1.5], [2.9, 0.6, 0.5],
    [0.9, 1.1, 2.2], [2.2, 2.4, 1.2], [1.3, 1.7, 2.8], [0.4, 2.9, 3.1],
])
y = np.array([0, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0])

for l2 in (1.0, 0.1):
    mean = X.mean(axis=0)
    sd = X.std(axis=0)  # population standard deviation, as LogisticHead
    Z = (X - mean) / sd
    model = LogisticRegression(C=1.0 / l2, tol=1e-12, max_iter=10000).fit(Z, y)
    w = model.coef_[0] / sd
    b = model.intercept_[0] - np.sum(w * mean)
    print(f"l2={l2}: weights={np.array2string(w, precision=10, separator=', ')} bias={b:.10f}")
