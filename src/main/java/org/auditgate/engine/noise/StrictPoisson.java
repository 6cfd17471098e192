package org.auditgate.engine.noise;

/**
 * The Poisson probability mass function in log space with strict, platform-independent arithmetic
 * ({@link StrictMath#log}, {@link StrictMath#exp}), for means up to a few hundred.
 *
 * <p>{@code log m!} is the running sum of {@code StrictMath.log(i)} for {@code i ≤ m}, exact enough
 * for the counts used here (at most {@link #MAX_COUNT}).
 */
final class StrictPoisson {

    /** The largest count whose probability is computed; beyond it the mass is below 1e-200 for λ ≤ 256. */
    static final int MAX_COUNT = 1024;

    private static final double[] LOG_FACTORIAL = logFactorials();

    private StrictPoisson() {
    }

    private static double[] logFactorials() {
        double[] table = new double[MAX_COUNT + 1];
        double sum = 0;
        for (int i = 2; i <= MAX_COUNT; i++) {
            sum += StrictMath.log(i);
            table[i] = sum;
        }
        return table;
    }

    /** {@code log m!} for {@code 0 ≤ m ≤ MAX_COUNT}. */
    static double logFactorial(int m) {
        return LOG_FACTORIAL[m];
    }

    /**
     * P(M = m) for M ~ Poisson(λ).
     *
     * @param lambda the mean, finite and at least 0
     * @param m the count, 0..{@link #MAX_COUNT}
     */
    static double pmf(double lambda, int m) {
        if (lambda == 0) {
            return m == 0 ? 1 : 0;
        }
        return StrictMath.exp(m * StrictMath.log(lambda) - lambda - LOG_FACTORIAL[m]);
    }
}
