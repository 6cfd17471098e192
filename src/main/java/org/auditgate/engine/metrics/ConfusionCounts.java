package org.auditgate.engine.metrics;

/**
 * The confusion matrix of binary decisions at one threshold.
 *
 * <p>Zero-denominator rule: a ratio whose denominator is zero is undefined and returned as
 * {@link Double#NaN} (written as {@code null} in JSON), never as 0 or 1: recall of a group without
 * positives, specificity without negatives, precision when nothing is called positive, NPV when
 * nothing is called negative, F1 when there are neither true positives, false positives nor false
 * negatives.
 */
public record ConfusionCounts(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must not be negative");
        }
    }

    /**
     * Counts decisions where a case is called positive when its score is strictly greater than the
     * threshold (as torchmetrics, DESIGN §4).
     */
    public static ConfusionCounts at(double[] scores, boolean[] positive, double threshold) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] > threshold;
            if (positive[i]) {
                if (called) tp++; else fn++;
            } else {
                if (called) fp++; else tn++;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public long positives() {
        return truePositives + falseNegatives;
    }

    public long negatives() {
        return trueNegatives + falsePositives;
    }

    /** (TP + TN) / all; NaN for an empty group. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** Sensitivity, TP / (TP + FN); NaN without positives. */
    public double recall() {
        return ratio(truePositives, positives());
    }

    /** TN / (TN + FP); NaN without negatives. */
    public double specificity() {
        return ratio(trueNegatives, negatives());
    }

    /** Positive predictive value, TP / (TP + FP); NaN when nothing is called positive. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** Negative predictive value, TN / (TN + FN); NaN when nothing is called negative. */
    public double npv() {
        return ratio(trueNegatives, trueNegatives + falseNegatives);
    }

    /** 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; NaN when that denominator is 0. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
