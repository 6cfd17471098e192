package org.auditgate.engine.noise;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrictNormalTest {

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    /**
     * Commons Statistics (Boost's erfc) as the reference on z in [-37, 37], in relative terms. Both
     * round z/√2 to a double, and erfc's relative sensitivity to its argument is about 2·(z/√2), so
     * the two can differ by about z²·ulp(1) in the far tail whichever is right: found 1.9e-13 at
     * |z| = 37 and 1.2e-14 for |z| ≤ 8 (printed). The bound is 2e-15 + 2·z²·2^-52 at each z, which
     * still catches any wrong coefficient (those give errors of 1e-9 or more).
     */
    @Test
    void cdfAndSurvivalMatchCommonsStatistics() {
        double worst = 0;
        double worstAt = 0;
        double worstCentral = 0;
        for (int i = -3700; i <= 3700; i++) {
            double z = i / 100.0 + 0.0037;
            double expected = STANDARD.cumulativeProbability(z);
            double relative = Math.abs(StrictNormal.cdf(z) - expected) / expected;
            double relativeSf = Math.abs(StrictNormal.sf(z) - STANDARD.survivalProbability(z))
                    / STANDARD.survivalProbability(z);
            double difference = Math.max(relative, relativeSf);
            assertThat(difference).as("z = %s", z).isLessThan(2e-15 + 2 * z * z * 0x1p-52);
            if (difference > worst) {
                worst = difference;
                worstAt = z;
            }
            if (Math.abs(z) <= 8) {
                worstCentral = Math.max(worstCentral, difference);
            }
        }
        System.out.printf("StrictNormal vs Commons Statistics: largest relative difference %.3g at z = %.4f,"
                + " %.3g for |z| <= 8%n", worst, worstAt, worstCentral);
    }

    @Test
    void handValues() {
        assertThat(StrictNormal.cdf(0)).isEqualTo(0.5);
        assertThat(StrictNormal.cdf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(StrictNormal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(StrictNormal.cdf(Double.NaN)).isNaN();
        // Φ(1.959963984540054) = 0.975 (the familiar two-sided 95% point)
        assertThat(StrictNormal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        // erfc(1) = 0.157299207050285130658...
        assertThat(StrictNormal.erfc(1)).isCloseTo(0.15729920705028513, within(3e-17));
        assertThat(StrictNormal.sf(40)).isZero();
    }

    @Test
    void intervalAvoidsCancellationInEitherTail() {
        double upper = StrictNormal.interval(8, 9);
        double expected = STANDARD.survivalProbability(8) - STANDARD.survivalProbability(9);
        assertThat(upper / expected).isCloseTo(1, within(1e-13));
        double lower = StrictNormal.interval(-9, -8);
        assertThat(lower / expected).isCloseTo(1, within(1e-13));
        assertThat(StrictNormal.interval(-1, 1)).isCloseTo(0.6826894921370859, within(1e-15));
    }
}
