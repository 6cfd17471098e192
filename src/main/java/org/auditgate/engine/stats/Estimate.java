package org.auditgate.engine.stats;

import java.util.Objects;

/**
 * A metric's point estimate on one test set with its 95% interval and the method behind it.
 *
 * @param value the point estimate; NaN when undefined
 * @param interval the 95% interval; {@link Interval#UNDEFINED} when it cannot be computed
 * @param method how the interval was computed: {@code delong}, {@code wilson}, {@code bootstrap} or {@code none}
 */
public record Estimate(double value, Interval interval, String method) {

    public static final String DELONG = "delong";
    public static final String WILSON = "wilson";
    public static final String BOOTSTRAP = "bootstrap";
    public static final String NONE = "none";

    public Estimate {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(method, "method");
    }

    /** A value without an interval. */
    public static Estimate pointOnly(double value) {
        return new Estimate(value, Interval.UNDEFINED, NONE);
    }

    public double lower() {
        return interval.lower();
    }

    public double upper() {
        return interval.upper();
    }
}
