package org.auditgate.engine.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * The variance of the AUROC and the test of two correlated AUROCs after DeLong, DeLong and
 * Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver operating
 * characteristic curves: a nonparametric approach", Biometrics 44:837–845, computed with the fast
 * midrank algorithm of Sun and Xu (2014), "Fast implementation of DeLong's algorithm for comparing
 * the areas under correlated receiver operating characteristic curves", IEEE Signal Processing
 * Letters 21(11):1389–1393, in O(N log N).
 *
 * <p>With m positives X and n negatives Y, midranks T<sub>z</sub> over all cases, T<sub>x</sub>
 * within the positives and T<sub>y</sub> within the negatives, the structural components are
 * V10<sub>i</sub> = (T<sub>z</sub>(X<sub>i</sub>) − T<sub>x</sub>(X<sub>i</sub>))/n and
 * V01<sub>j</sub> = 1 − (T<sub>z</sub>(Y<sub>j</sub>) − T<sub>y</sub>(Y<sub>j</sub>))/m; the AUROC
 * is the mean of V10, and its variance is S10/m + S01/n with S10, S01 the sample variances
 * (denominators m − 1, n − 1) of V10 and V01 — the estimator pROC's {@code var(method="delong")}
 * uses.
 *
 * <p>Rule for undefined values: the AUROC is NaN when a class is absent; the variance, standard
 * error and interval are NaN when either class has fewer than two cases (a sample variance of one
 * value is undefined).
 */
public final class DeLong {

    private DeLong() {
    }

    /**
     * The AUROC with its DeLong variance and a normal confidence interval auc ± z<sub>(1+level)/2</sub>·SE,
     * clipped to [0, 1] as pROC's {@code ci.auc} does.
     *
     * @throws IllegalArgumentException when lengths differ, a score is NaN or the level is not in (0, 1)
     */
    public static AucInterval interval(double[] scores, boolean[] positive, double level) {
        Interval.checkLevel(level);
        Components c = Components.of(scores, positive);
        int m = c.v10.length;
        int n = c.v01.length;
        if (m == 0 || n == 0) {
            return new AucInterval(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, m, n);
        }
        double auc = mean(c.v10);
        if (m < 2 || n < 2) {
            return new AucInterval(auc, Double.NaN, Double.NaN, Double.NaN, Double.NaN, m, n);
        }
        double variance = covariance(c.v10, c.v10) / m + covariance(c.v01, c.v01) / n;
        double se = Math.sqrt(variance);
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + level) / 2);
        return new AucInterval(auc, variance, se, Math.max(0, auc - z * se), Math.min(1, auc + z * se), m, n);
    }

    /**
     * DeLong's two-sided test that two scorers of the same cases have equal AUROC.
     *
     * @return the comparison; every field NaN when a class is absent, variance, z and p NaN when a
     *     class has fewer than two cases, z and p NaN when the variance of the difference is 0
     *     (for example identical scorers)
     * @throws IllegalArgumentException when lengths differ or a score is NaN
     */
    public static PairedDeLong compare(double[] scoresA, double[] scoresB, boolean[] positive) {
        if (scoresA.length != scoresB.length) {
            throw new IllegalArgumentException("the two score arrays differ in length");
        }
        Components a = Components.of(scoresA, positive);
        Components b = Components.of(scoresB, positive);
        int m = a.v10.length;
        int n = a.v01.length;
        if (m == 0 || n == 0) {
            return new PairedDeLong(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double aucA = mean(a.v10);
        double aucB = mean(b.v10);
        double difference = aucA - aucB;
        if (m < 2 || n < 2) {
            return new PairedDeLong(aucA, aucB, difference, Double.NaN, Double.NaN, Double.NaN);
        }
        double varA = covariance(a.v10, a.v10) / m + covariance(a.v01, a.v01) / n;
        double varB = covariance(b.v10, b.v10) / m + covariance(b.v01, b.v01) / n;
        double cov = covariance(a.v10, b.v10) / m + covariance(a.v01, b.v01) / n;
        double variance = Math.max(0, varA + varB - 2 * cov);
        if (variance == 0) {
            return new PairedDeLong(aucA, aucB, difference, variance, Double.NaN, Double.NaN);
        }
        double z = difference / Math.sqrt(variance);
        double p = 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z));
        return new PairedDeLong(aucA, aucB, difference, variance, z, p);
    }

    /** The structural components V10 (one per positive) and V01 (one per negative), in case order. */
    private record Components(double[] v10, double[] v01) {

        static Components of(double[] scores, boolean[] positive) {
            if (scores.length != positive.length) {
                throw new IllegalArgumentException("scores and labels differ in length");
            }
            int m = 0;
            for (boolean p : positive) {
                if (p) m++;
            }
            int n = scores.length - m;
            double[] x = new double[m];
            double[] y = new double[n];
            int i = 0, j = 0;
            for (int k = 0; k < scores.length; k++) {
                if (Double.isNaN(scores[k])) {
                    throw new IllegalArgumentException("score " + k + " is NaN");
                }
                if (positive[k]) x[i++] = scores[k]; else y[j++] = scores[k];
            }
            double[] tz = midranks(scores);
            double[] tx = midranks(x);
            double[] ty = midranks(y);
            double[] v10 = new double[m];
            double[] v01 = new double[n];
            i = 0;
            j = 0;
            for (int k = 0; k < scores.length; k++) {
                if (positive[k]) {
                    v10[i] = (tz[k] - tx[i]) / n;
                    i++;
                } else {
                    v01[j] = 1 - (tz[k] - ty[j]) / m;
                    j++;
                }
            }
            return new Components(v10, v01);
        }
    }

    /** Midranks (1-based, ties get the mean of their ranks) of the values, in input order. */
    static double[] midranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double midrank = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) ranks[order[k]] = midrank;
            i = j + 1;
        }
        return ranks;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return sum / v.length;
    }

    /** The sample covariance (denominator length − 1) of two equally long arrays. */
    private static double covariance(double[] u, double[] v) {
        double mu = mean(u);
        double mv = mean(v);
        double sum = 0;
        for (int k = 0; k < u.length; k++) sum += (u[k] - mu) * (v[k] - mv);
        return sum / (u.length - 1);
    }
}
