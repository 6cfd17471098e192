package org.auditgate.engine.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann–Whitney statistic: the probability that a random positive
 * scores higher than a random negative, ties counting one half. Computed with midranks in
 * O(n log n); equal to scikit-learn's {@code roc_auc_score} including ties.
 */
public final class Auroc {

    private Auroc() {
    }

    /**
     * @return the AUROC, or NaN when either class is absent (undefined, not 0.5)
     * @throws IllegalArgumentException when a score is NaN or the arrays differ in length
     */
    public static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        if (n != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        long nPos = 0;
        for (boolean p : positive) {
            if (p) nPos++;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midrank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midrank;
                }
            }
            i = j + 1;
        }
        double u = positiveRankSum - nPos * (nPos + 1) / 2.0;
        return u / ((double) nPos * nNeg);
    }
}
