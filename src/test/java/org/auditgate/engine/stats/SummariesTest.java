package org.auditgate.engine.stats;

import org.auditgate.engine.metrics.ConfusionCounts;
import org.auditgate.engine.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Seed summaries, paired comparisons, Holm, Cramér's V and Wilson by hand and at their edges. */
class SummariesTest {

    @Test
    void seedSummaryByHand() {
        // mean 2, SD 1, t(0.975, 2) = 4.302652729911275 (scipy.stats.t.ppf)
        SeedSummary s = SeedSummary.of(new double[] {1, Double.NaN, 2, 3});
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.mean()).isCloseTo(2, within(1e-12));
        assertThat(s.sd()).isCloseTo(1, within(1e-12));
        assertThat(s.upper()).isCloseTo(2 + 4.302652729911275 / Math.sqrt(3), within(1e-9));
        assertThat(s.lower()).isCloseTo(2 - 4.302652729911275 / Math.sqrt(3), within(1e-9));
    }

    @Test
    void seedSummaryEdges() {
        SeedSummary one = SeedSummary.of(new double[] {0.7, Double.NaN});
        assertThat(one.mean()).isEqualTo(0.7);
        assertThat(one.sd()).isNaN();
        assertThat(one.interval().isDefined()).isFalse();
        SeedSummary none = SeedSummary.of(new double[] {Double.NaN});
        assertThat(none.n()).isZero();
        assertThat(none.mean()).isNaN();
    }

    @Test
    void pairedComparisonDropsNaNPairsAndZeros() {
        double[] clean = {0.3, Double.NaN, 0.2, 0.4, 0.1, 0.5};
        double[] noise = {0.1, 0.1, 0.2, Double.NaN, 0.05, 0.2};
        PairedComparison r = PairedComparison.of(clean, noise);
        assertThat(r.pairs()).isEqualTo(4);
        assertThat(r.droppedPairs()).isEqualTo(2);
        assertThat(r.nonZeroDifferences()).isEqualTo(3);
        // 0.2, 0.05, 0.3 all positive: W+ = 6 of 6, exact two-sided p = 2 · 1/8
        assertThat(r.wilcoxonExact()).isTrue();
        assertThat(r.wilcoxonP()).isCloseTo(0.25, within(1e-12));
        assertThat(r.reduction().n()).isEqualTo(4);
    }

    @Test
    void pairedComparisonWithoutDifferencesIsUndefined() {
        PairedComparison r = PairedComparison.of(new double[] {0.3, 0.2}, new double[] {0.3, 0.2});
        assertThat(r.wilcoxonP()).isNaN();
        assertThat(r.tTestP()).isNaN();
        assertThat(r.reduction().mean()).isZero();
        assertThatThrownBy(() -> PairedComparison.of(new double[] {1}, new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holmByHand() {
        // sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06
        assertThat(Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
        double[] withNaN = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
        assertThat(withNaN[0]).isCloseTo(0.02, within(1e-12));
        assertThat(withNaN[1]).isNaN();
        assertThat(withNaN[2]).isCloseTo(0.04, within(1e-12));
        assertThat(Holm.adjust(new double[] {0.6, 0.7})).containsExactly(1, 1);
        assertThat(Holm.adjust(new double[0])).isEmpty();
        assertThatThrownBy(() -> Holm.adjust(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cramersVAtItsExtremes() {
        assertThat(CramersV.of(List.of("a", "a", "b", "b"), List.of("x", "x", "y", "y"))).isCloseTo(1, within(1e-12));
        assertThat(CramersV.of(List.of("a", "a", "b", "b"), List.of("x", "y", "x", "y"))).isCloseTo(0, within(1e-12));
        assertThat(CramersV.of(List.of("a", "a"), List.of("x", "y"))).isNaN();
        assertThat(CramersV.of(List.of(), List.of())).isNaN();
    }

    @Test
    void wilsonByHandAndUndefinedForNoTrials() {
        // 0 of 10: lower 0, upper z² / (n + z²) with z = 1.959963984540054
        double z2 = 1.959963984540054 * 1.959963984540054;
        Interval ci = Proportions.wilson(0, 10, 0.95);
        assertThat(ci.lower()).isCloseTo(0, within(1e-12));
        assertThat(ci.upper()).isCloseTo(z2 / (10 + z2), within(1e-12));
        assertThat(Proportions.wilson(0, 0, 0.95)).isEqualTo(Interval.UNDEFINED);
        assertThatThrownBy(() -> Proportions.wilson(3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wilsonOfAConfusionMatrixUsesEachMetricsDenominator() {
        ConfusionCounts c = new ConfusionCounts(25, 4, 86, 0);
        var ci = Proportions.wilson(c, 0.95);
        assertThat(ci).containsOnlyKeys(Metric.ACCURACY, Metric.RECALL, Metric.SPECIFICITY, Metric.PRECISION, Metric.NPV);
        assertThat(ci.get(Metric.ACCURACY)).isEqualTo(Proportions.wilson(111, 115, 0.95));
        assertThat(ci.get(Metric.RECALL)).isEqualTo(Proportions.wilson(25, 25, 0.95));
        assertThat(ci.get(Metric.SPECIFICITY)).isEqualTo(Proportions.wilson(86, 90, 0.95));
        assertThat(ci.get(Metric.PRECISION)).isEqualTo(Proportions.wilson(25, 29, 0.95));
        assertThat(ci.get(Metric.NPV)).isEqualTo(Proportions.wilson(86, 86, 0.95));
        assertThat(Proportions.wilson(new ConfusionCounts(0, 0, 5, 0), 0.95).get(Metric.RECALL)).isEqualTo(Interval.UNDEFINED);
    }
}
