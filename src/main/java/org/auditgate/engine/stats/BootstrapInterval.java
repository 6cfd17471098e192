package org.auditgate.engine.stats;

/**
 * A percentile bootstrap interval (see {@link Bootstrap}).
 *
 * @param estimate the statistic on the original cases
 * @param lower the lower percentile of the defined resampled statistics; NaN when none is defined
 * @param upper the upper percentile of the defined resampled statistics; NaN when none is defined
 * @param used how many resamples gave a defined statistic and entered the percentiles
 * @param dropped how many resamples gave an undefined (NaN) statistic and were left out
 * @param seed the seed the resamples were drawn with
 */
public record BootstrapInterval(double estimate, double lower, double upper, int used, int dropped, long seed) {

    /** The interval as an {@link Interval}. */
    public Interval interval() {
        return new Interval(lower, upper);
    }
}
