package org.auditgate.engine.stats;

import org.auditgate.engine.metrics.ConfusionCounts;
import org.auditgate.engine.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    /** Positives score N(1, 1), negatives N(0, 1), half of each. */
    private static Sample sample(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] p = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = i % 2 == 0;
            s[i] = gaussian(random) + (p[i] ? 1 : 0);
        }
        return new Sample(s, p);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; the test only needs some fixed normal sample.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private record Sample(double[] scores, boolean[] positive) {
    }

    @Test
    void percentileRuleIsLinearInterpolationByHand() {
        double[] v = {1, 2, 3, 4};
        // h = 3 * 0.025 = 0.075 -> 1 + 0.075; h = 3 * 0.975 = 2.925 -> 3 + 0.925
        assertThat(Bootstrap.quantile(v, 0.025)).isCloseTo(1.075, within(1e-12));
        assertThat(Bootstrap.quantile(v, 0.975)).isCloseTo(3.925, within(1e-12));
        assertThat(Bootstrap.quantile(v, 1.0)).isEqualTo(4);
        assertThat(Bootstrap.quantile(new double[0], 0.5)).isNaN();
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherInterval() {
        Sample s = sample(120, 1);
        BootstrapInterval a = Bootstrap.f1(s.scores(), s.positive(), 0.5, 42);
        BootstrapInterval b = Bootstrap.f1(s.scores(), s.positive(), 0.5, 42);
        BootstrapInterval c = Bootstrap.f1(s.scores(), s.positive(), 0.5, 43);
        assertThat(b).isEqualTo(a);
        assertThat(c.interval()).isNotEqualTo(a.interval());
        assertThat(a.used()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
        assertThat(a.dropped()).isZero();
        assertThat(a.seed()).isEqualTo(42);
    }

    @Test
    void intervalContainsThePointEstimate() {
        Sample s = sample(200, 2);
        BootstrapInterval ci = Bootstrap.f1(s.scores(), s.positive(), 0.5, 7);
        assertThat(ci.estimate()).isEqualTo(ConfusionCounts.at(s.scores(), s.positive(), 0.5).f1());
        assertThat(ci.interval().contains(ci.estimate())).isTrue();
        assertThat(ci.upper() - ci.lower()).isBetween(0.05, 0.3);
    }

    @Test
    void intervalNarrowsWithMoreCases() {
        // The width of a percentile interval shrinks about as 1/sqrt(n): four times the cases, about half the width.
        Sample small = sample(100, 3);
        Sample large = sample(1600, 3);
        BootstrapInterval a = Bootstrap.f1(small.scores(), small.positive(), 0.5, 11, 1000);
        BootstrapInterval b = Bootstrap.f1(large.scores(), large.positive(), 0.5, 11, 1000);
        double ratio = (b.upper() - b.lower()) / (a.upper() - a.lower());
        assertThat(ratio).isBetween(0.15, 0.4);
    }

    @Test
    void coversTheTrueF1InMostSamples() {
        // With equal class sizes, recall = P(N(1,1) > 0.5) = Φ(0.5), false-positive rate = 1 − Φ(0.5),
        // so F1 = 2r / (2r + (1 − r) + (1 − r)) = r = Φ(0.5) = 0.691462461274013.
        double truth = 0.691462461274013;
        int covered = 0;
        int trials = 200;
        for (int t = 0; t < trials; t++) {
            Sample s = sample(200, 1000 + t);
            if (Bootstrap.f1(s.scores(), s.positive(), 0.5, t, 500).interval().contains(truth)) covered++;
        }
        // Nominal 95%; the binomial SD over 200 samples is 1.5 points, and percentile intervals under-cover a little.
        assertThat(covered / (double) trials).isBetween(0.88, 0.99);
    }

    @Test
    void undefinedResamplesAreDroppedAndCounted() {
        // No positives: F1 is 0 when a negative above the threshold is drawn, undefined (0/0) when none is.
        // Both draws land on 0.2 with probability 1/4.
        double[] scores = {0.2, 0.7};
        boolean[] positive = {false, false};
        BootstrapInterval ci = Bootstrap.f1(scores, positive, 0.5, 5);
        assertThat(ci.used() + ci.dropped()).isEqualTo(Bootstrap.DEFAULT_RESAMPLES);
        assertThat(ci.dropped()).isBetween(400, 600);
        assertThat(ci.interval()).isEqualTo(new Interval(0, 0));
    }

    @Test
    void allUndefinedGivesAnUndefinedInterval() {
        BootstrapInterval ci = Bootstrap.f1(new double[] {0.1, 0.2}, new boolean[] {false, false}, 0.5, 5, 100);
        assertThat(ci.used()).isZero();
        assertThat(ci.dropped()).isEqualTo(100);
        assertThat(ci.interval().isDefined()).isFalse();
        assertThat(ci.estimate()).isNaN();
    }

    @Test
    void gapsCoverEveryMetricAndStartFromTheObservedGap() {
        Sample id = sample(150, 4);
        Sample ood = sample(90, 5);
        for (int i = 0; i < ood.scores().length; i++) ood.scores()[i] *= 0.5;
        Map<Metric, BootstrapInterval> gaps = Bootstrap.gaps(id.scores(), id.positive(), ood.scores(), ood.positive(), 0.5, 9, 500);
        assertThat(gaps).containsOnlyKeys(Metric.values());
        ConfusionCounts ci = ConfusionCounts.at(id.scores(), id.positive(), 0.5);
        ConfusionCounts co = ConfusionCounts.at(ood.scores(), ood.positive(), 0.5);
        assertThat(gaps.get(Metric.RECALL).estimate()).isEqualTo(Math.abs(ci.recall() - co.recall()));
        assertThat(gaps.get(Metric.F1).estimate()).isEqualTo(Math.abs(ci.f1() - co.f1()));
        for (BootstrapInterval g : gaps.values()) {
            assertThat(g.used()).isEqualTo(500);
            assertThat(g.lower()).isGreaterThanOrEqualTo(0);
            assertThat(g.lower()).isLessThanOrEqualTo(g.upper());
        }
        assertThat(gaps.get(Metric.RECALL).interval().contains(gaps.get(Metric.RECALL).estimate())).isTrue();
        assertThat(Bootstrap.gaps(id.scores(), id.positive(), ood.scores(), ood.positive(), 0.5, 9, 500)).isEqualTo(gaps);
    }

    @Test
    void rejectsNoResamples() {
        assertThatThrownBy(() -> Bootstrap.f1(new double[] {0.1}, new boolean[] {true}, 0.5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
