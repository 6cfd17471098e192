package org.auditgate.engine.stats;

import org.auditgate.engine.metrics.Auroc;
import org.auditgate.engine.metrics.ConfusionCounts;
import org.auditgate.engine.metrics.Metric;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded, stratified percentile bootstrap (Efron and Tibshirani (1993), "An Introduction to the
 * Bootstrap", ch. 13) for metrics that have no closed-form interval.
 *
 * <p>Resampling: each resample draws, with replacement, as many positives from the positives and
 * as many negatives from the negatives as the group has (stratified by label), so that every
 * resample keeps the group's prevalence. For a gap, the ID and OOD groups are resampled
 * independently, each stratified by label.
 *
 * <p>Randomness: resample b uses its own stream, the b-th {@link SplittableRandom#split()} of
 * {@code new SplittableRandom(seed)}; indices are drawn with {@code nextInt(size)}. The result
 * depends only on the seed, the cases and their order.
 *
 * <p>Undefined resamples: a resample whose statistic is NaN (for example F1 when a resample has
 * no true positives, false positives or false negatives) is dropped and counted; the percentiles
 * use the rest.
 *
 * <p>Percentile rule: the bounds are the (1 − level)/2 and (1 + level)/2 quantiles of the sorted
 * defined statistics v<sub>0</sub> ≤ … ≤ v<sub>k−1</sub> by linear interpolation, h = (k − 1)·q,
 * Q = v<sub>⌊h⌋</sub> + (h − ⌊h⌋)(v<sub>⌊h⌋+1</sub> − v<sub>⌊h⌋</sub>), as numpy's
 * {@code percentile} with its default method "linear".
 */
public final class Bootstrap {

    /** The number of resamples DESIGN §6 asks for. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The confidence level of the intervals. */
    public static final double LEVEL = 0.95;

    private Bootstrap() {
    }

    /**
     * A 95% interval for F1 of one group at a threshold (positive when score &gt; threshold),
     * with {@link #DEFAULT_RESAMPLES} resamples.
     */
    public static BootstrapInterval f1(double[] scores, boolean[] positive, double threshold, long seed) {
        return f1(scores, positive, threshold, seed, DEFAULT_RESAMPLES);
    }

    /** As {@link #f1(double[], boolean[], double, long)} with a chosen number of resamples (at least 1). */
    public static BootstrapInterval f1(double[] scores, boolean[] positive, double threshold, long seed, int resamples) {
        return of(Metric.F1, scores, positive, threshold, seed, resamples);
    }

    /** A 95% interval for any {@link Metric} of one group at a threshold. */
    public static BootstrapInterval of(Metric metric, double[] scores, boolean[] positive, double threshold,
                                       long seed, int resamples) {
        Group group = Group.of(scores, positive);
        checkResamples(resamples);
        SplittableRandom root = new SplittableRandom(seed);
        double[] values = new double[resamples];
        double[] s = new double[scores.length];
        boolean[] p = new boolean[scores.length];
        for (int b = 0; b < resamples; b++) {
            group.draw(root.split(), s, p);
            values[b] = value(metric, s, p, threshold);
        }
        return summarise(value(metric, scores, positive, threshold), values, seed);
    }

    /**
     * 95% intervals for the gap |metric(ID) − metric(OOD)| of every {@link Metric}, with
     * {@link #DEFAULT_RESAMPLES} resamples. All metrics use the same resampled cases.
     */
    public static Map<Metric, BootstrapInterval> gaps(double[] idScores, boolean[] idPositive,
                                                       double[] oodScores, boolean[] oodPositive,
                                                       double threshold, long seed) {
        return gaps(idScores, idPositive, oodScores, oodPositive, threshold, seed, DEFAULT_RESAMPLES);
    }

    /** As {@link #gaps(double[], boolean[], double[], boolean[], double, long)} with a chosen number of resamples. */
    public static Map<Metric, BootstrapInterval> gaps(double[] idScores, boolean[] idPositive,
                                                       double[] oodScores, boolean[] oodPositive,
                                                       double threshold, long seed, int resamples) {
        Group id = Group.of(idScores, idPositive);
        Group ood = Group.of(oodScores, oodPositive);
        checkResamples(resamples);
        Metric[] metrics = Metric.values();
        double[][] values = new double[metrics.length][resamples];
        double[] si = new double[idScores.length];
        boolean[] pi = new boolean[idScores.length];
        double[] so = new double[oodScores.length];
        boolean[] po = new boolean[oodScores.length];
        SplittableRandom root = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            SplittableRandom stream = root.split();
            id.draw(stream, si, pi);
            ood.draw(stream, so, po);
            for (int k = 0; k < metrics.length; k++) {
                values[k][b] = gap(metrics[k], si, pi, so, po, threshold);
            }
        }
        Map<Metric, BootstrapInterval> result = new EnumMap<>(Metric.class);
        for (int k = 0; k < metrics.length; k++) {
            double estimate = gap(metrics[k], idScores, idPositive, oodScores, oodPositive, threshold);
            result.put(metrics[k], summarise(estimate, values[k], seed));
        }
        return result;
    }

    /**
     * The q-quantile of {@code sorted} (ascending, no NaN) by linear interpolation between order
     * statistics, as numpy's {@code percentile(..., method="linear")}; NaN when empty.
     */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static BootstrapInterval summarise(double estimate, double[] values, long seed) {
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int dropped = values.length - defined.length;
        return new BootstrapInterval(estimate, quantile(defined, (1 - LEVEL) / 2), quantile(defined, (1 + LEVEL) / 2),
                defined.length, dropped, seed);
    }

    private static double gap(Metric metric, double[] si, boolean[] pi, double[] so, boolean[] po, double threshold) {
        return Math.abs(value(metric, si, pi, threshold) - value(metric, so, po, threshold));
    }

    private static double value(Metric metric, double[] scores, boolean[] positive, double threshold) {
        if (metric == Metric.AUROC) {
            return Auroc.of(scores, positive);
        }
        ConfusionCounts c = ConfusionCounts.at(scores, positive, threshold);
        return switch (metric) {
            case ACCURACY -> c.accuracy();
            case RECALL -> c.recall();
            case SPECIFICITY -> c.specificity();
            case PRECISION -> c.precision();
            case NPV -> c.npv();
            case F1 -> c.f1();
            case AUROC -> throw new AssertionError("handled above");
        };
    }

    private static void checkResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("need at least one resample, got " + resamples);
        }
    }

    /** The positives' and negatives' scores of one group, for stratified drawing. */
    private record Group(double[] positives, double[] negatives) {

        static Group of(double[] scores, boolean[] positive) {
            if (scores.length != positive.length) {
                throw new IllegalArgumentException("scores and labels differ in length");
            }
            int m = 0;
            for (boolean p : positive) if (p) m++;
            double[] pos = new double[m];
            double[] neg = new double[scores.length - m];
            int i = 0, j = 0;
            for (int k = 0; k < scores.length; k++) {
                if (Double.isNaN(scores[k])) {
                    throw new IllegalArgumentException("score " + k + " is NaN");
                }
                if (positive[k]) pos[i++] = scores[k]; else neg[j++] = scores[k];
            }
            return new Group(pos, neg);
        }

        /** Fills {@code scores} and {@code positive} with one resample, positives first, then negatives. */
        void draw(SplittableRandom random, double[] scores, boolean[] positive) {
            int k = 0;
            for (int i = 0; i < positives.length; i++, k++) {
                scores[k] = positives[random.nextInt(positives.length)];
                positive[k] = true;
            }
            for (int j = 0; j < negatives.length; j++, k++) {
                scores[k] = negatives[random.nextInt(negatives.length)];
                positive[k] = false;
            }
        }
    }
}
