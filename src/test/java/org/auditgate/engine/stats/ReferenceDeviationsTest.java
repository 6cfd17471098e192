package org.auditgate.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the largest deviation from the reference tools per statistic, for the integrator to
 * quote (for example "DeLong variance max |Δ| = 1.2e-17"). {@link StatsReferenceTest} asserts the
 * bound; this only fails if a statistic has no comparison at all.
 */
class ReferenceDeviationsTest {

    @Test
    void printsTheLargestDeviationPerStatistic() {
        Map<String, Double> deviations = ReferenceDeviations.compute();
        assertThat(deviations).allSatisfy((name, deviation) -> assertThat(deviation).isNotNaN());
        deviations.forEach((name, deviation) -> System.out.printf("%s max |Δ| = %.1e%n", name, deviation));
    }
}
