package org.auditgate.engine.noise;

import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrictPoissonTest {

    /**
     * Commons Statistics as the reference for every λ the noise uses (k·v/255, v up to 256) at
     * counts whose probability is above 1e-250. The largest relative difference found is printed;
     * the bound 1e-11 covers log-space rounding at λ ≈ 256, m ≈ 1000 (|log p| ≈ 600, so an
     * absolute error of a few ulp of 600 in the exponent is ~1e-13 relative, times summed log m!).
     */
    @Test
    void pmfMatchesCommonsStatistics() {
        double worst = 0;
        for (int v : new int[] {1, 2, 8, 64, 256}) {
            for (int k = 1; k < 256; k += 7) {
                double lambda = NoiseDistributions.toFloat(k) * v;
                PoissonDistribution reference = PoissonDistribution.of(lambda);
                for (int m = 0; m <= StrictPoisson.MAX_COUNT; m++) {
                    double expected = reference.probability(m);
                    if (expected > 1e-250) {
                        worst = Math.max(worst, Math.abs(StrictPoisson.pmf(lambda, m) - expected) / expected);
                    }
                }
            }
        }
        System.out.printf("StrictPoisson vs Commons Statistics: largest relative difference %.3g%n", worst);
        assertThat(worst).isLessThan(1e-11);
    }

    @Test
    void handValues() {
        assertThat(StrictPoisson.pmf(0, 0)).isEqualTo(1);
        assertThat(StrictPoisson.pmf(0, 3)).isZero();
        // e^-1, and e^-2·2²/2! = 2e^-2
        assertThat(StrictPoisson.pmf(1, 0)).isCloseTo(0.36787944117144233, within(1e-16));
        assertThat(StrictPoisson.pmf(2, 2)).isCloseTo(0.2706705664732254, within(1e-16));
        assertThat(StrictPoisson.logFactorial(10)).isCloseTo(Math.log(3628800), within(1e-13));
    }
}
