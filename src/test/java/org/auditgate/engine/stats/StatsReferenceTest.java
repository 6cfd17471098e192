package org.auditgate.engine.stats;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statistic against scikit-learn, SciPy, statsmodels and the independent O(m·n) DeLong of
 * {@code src/test/python/stats_reference.py}. Tolerance 1e-9 (absolute up to 1, relative above):
 * the references compute the same closed forms in double precision, so mostly only rounding
 * differs; the largest gap, about 3e-10, is in the t-interval bounds: Commons Statistics finds the
 * Student t quantile by a Brent root search, SciPy by its own numerical inversion.
 */
class StatsReferenceTest {

    private static final double TOLERANCE = 1e-9;

    @TestFactory
    Stream<DynamicTest> everyStatisticAgreesWithItsReference() {
        Map<String, Double> deviations = ReferenceDeviations.compute();
        assertThat(deviations).hasSizeGreaterThanOrEqualTo(20);
        return deviations.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertThat(e.getValue()).as(e.getKey()).isLessThanOrEqualTo(TOLERANCE)));
    }
}
