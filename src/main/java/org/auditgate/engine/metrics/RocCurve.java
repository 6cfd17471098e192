package org.auditgate.engine.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC curve of a scorer, for the report: one point per distinct score, from (0, 0) to (1, 1),
 * as scikit-learn's {@code roc_curve(..., drop_intermediate=False)}. The point of threshold t counts
 * a case positive when its score is at least t (scikit-learn's convention for the curve; the
 * decision rule of the metrics, score &gt; threshold, is a separate choice of one point).
 */
public final class RocCurve {

    /**
     * One point of the curve.
     *
     * @param threshold the score from which cases are called positive; +∞ for the first point
     * @param falsePositiveRate FP / negatives
     * @param truePositiveRate TP / positives
     */
    public record Point(double threshold, double falsePositiveRate, double truePositiveRate) {
    }

    private RocCurve() {
    }

    /**
     * The curve's points in order of decreasing threshold.
     *
     * @return an empty list when either class is absent (the curve is undefined)
     */
    public static List<Point> of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        int n = scores.length;
        long positives = 0;
        for (boolean p : positive) {
            if (p) positives++;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return List.of();
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<Point> points = new ArrayList<>();
        points.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            double t = scores[order[i]];
            while (i < n && scores[order[i]] == t) {
                if (positive[order[i]]) tp++; else fp++;
                i++;
            }
            points.add(new Point(t, (double) fp / negatives, (double) tp / positives));
        }
        return List.copyOf(points);
    }
}
