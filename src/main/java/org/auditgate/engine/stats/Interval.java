package org.auditgate.engine.stats;

/**
 * A two-sided confidence interval. Both bounds are NaN when the interval is undefined (for
 * example a proportion of zero trials); they are written as {@code null} in JSON.
 *
 * @param lower the lower bound
 * @param upper the upper bound
 */
public record Interval(double lower, double upper) {

    /** The undefined interval. */
    public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

    /** Whether both bounds are defined. */
    public boolean isDefined() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    /** Whether {@code value} lies within the closed interval; false when undefined. */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must lie strictly between 0 and 1, got " + level);
        }
    }
}
