package org.auditgate.engine.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * A value summarised over training seeds: mean, sample standard deviation and the 95% Student t
 * interval mean ± t<sub>0.975, n−1</sub>·SD/√n (as {@code scipy.stats.t.interval(0.95, n−1,
 * loc=mean, scale=sd/sqrt(n))}).
 *
 * <p>NaN values (a metric undefined for one seed) are skipped and not counted in n. The mean is NaN
 * when n = 0; the SD and the interval are NaN when n &lt; 2.
 *
 * @param mean the mean of the defined values
 * @param sd the sample standard deviation (denominator n − 1)
 * @param n how many values were defined
 * @param lower the lower bound of the 95% t-interval
 * @param upper the upper bound of the 95% t-interval
 */
public record SeedSummary(double mean, double sd, int n, double lower, double upper) {

    /** The confidence level of the interval. */
    public static final double LEVEL = 0.95;

    /** Summarises {@code values}, skipping NaN. */
    public static SeedSummary of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new SeedSummary(Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n < 2) {
            return new SeedSummary(mean, Double.NaN, n, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = TDistribution.of(n - 1).inverseSurvivalProbability((1 - LEVEL) / 2) * sd / Math.sqrt(n);
        return new SeedSummary(mean, sd, n, mean - half, mean + half);
    }

    /** The t-interval as an {@link Interval}. */
    public Interval interval() {
        return new Interval(lower, upper);
    }
}
