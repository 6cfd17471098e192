package org.auditgate.engine.split;

/**
 * The shares of in-distribution patients that go to train, val and test.
 *
 * @param train share of train, in (0, 1)
 * @param val share of val, in (0, 1)
 * @param test share of test, in (0, 1)
 */
public record SplitFractions(double train, double val, double test) {

    /** Tolerance on the sum of the fractions. */
    public static final double SUM_TOLERANCE = 1e-9;

    /** The authors' defaults (DESIGN §4): 0.77 / 0.085 / 0.145. */
    public static final SplitFractions DEFAULT = new SplitFractions(0.77, 0.085, 0.145);

    /**
     * @throws IllegalArgumentException when a fraction is not positive and finite or the sum is not 1
     *     (within {@link #SUM_TOLERANCE})
     */
    public SplitFractions {
        for (double f : new double[] {train, val, test}) {
            if (!(f > 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("every fraction must be positive, got train " + train
                        + ", val " + val + ", test " + test);
            }
        }
        if (Math.abs(train + val + test - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("train + val + test must be 1, got " + train + " + " + val + " + "
                    + test + " = " + (train + val + test));
        }
    }

    /** The fraction of a partition; {@link Partition#OOD} has none. */
    public double of(Partition partition) {
        return switch (partition) {
            case TRAIN -> train;
            case VAL -> val;
            case TEST -> test;
            case OOD -> throw new IllegalArgumentException("OOD images are not split by fractions");
        };
    }
}
