package org.auditgate.engine.reference;

/**
 * Mean and sample standard deviation (n − 1 denominator) of a value over seeds.
 *
 * @param mean the mean of the defined values, NaN when none is defined
 * @param sd the sample standard deviation, NaN with fewer than two defined values
 * @param n how many values were defined (not NaN)
 */
public record MeanSd(double mean, double sd, int n) {

    /** Summarises {@code values}, skipping NaN (an undefined metric of one seed). */
    public static MeanSd of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanSd(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n < 2) {
            return new MeanSd(mean, Double.NaN, n);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new MeanSd(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
