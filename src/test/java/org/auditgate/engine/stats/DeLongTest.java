package org.auditgate.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DeLongTest {

    private static final double EXACT = 1e-12;

    @Test
    void varianceByHand() {
        // negatives 0.1, 0.4; positives 0.35, 0.8. V10 = (1/2, 1), V01 = (1, 1/2);
        // S10 = S01 = 1/8, variance = 1/8/2 + 1/8/2 = 1/8.
        AucInterval ci = DeLong.interval(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}, 0.95);
        assertThat(ci.auc()).isCloseTo(0.75, within(EXACT));
        assertThat(ci.variance()).isCloseTo(0.125, within(EXACT));
        assertThat(ci.standardError()).isCloseTo(Math.sqrt(0.125), within(EXACT));
        assertThat(ci.lower()).isCloseTo(0.75 - 1.959963984540054 * Math.sqrt(0.125), within(1e-12));
        assertThat(ci.upper()).as("clipped at 1").isEqualTo(1.0);
        assertThat(ci.positives()).isEqualTo(2);
        assertThat(ci.negatives()).isEqualTo(2);
    }

    @Test
    void midranksAverageTies() {
        assertThat(DeLong.midranks(new double[] {0.5, 0.1, 0.5, 0.9, 0.5})).containsExactly(3, 1, 3, 5, 3);
    }

    @Test
    void undefinedWithoutAClassOrWithASingleCase() {
        AucInterval absent = DeLong.interval(new double[] {0.1, 0.2}, new boolean[] {false, false}, 0.95);
        assertThat(absent.auc()).isNaN();
        assertThat(absent.variance()).isNaN();
        AucInterval single = DeLong.interval(new double[] {0.1, 0.2, 0.8}, new boolean[] {false, false, true}, 0.95);
        assertThat(single.auc()).isEqualTo(1.0);
        assertThat(single.variance()).isNaN();
        assertThat(single.interval().isDefined()).isFalse();
    }

    @Test
    void perfectSeparationHasZeroVariance() {
        AucInterval ci = DeLong.interval(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}, 0.95);
        assertThat(ci.variance()).isZero();
        assertThat(ci.interval()).isEqualTo(new Interval(1, 1));
    }

    @Test
    void identicalScorersHaveNoTestStatistic() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.5};
        PairedDeLong r = DeLong.compare(s, s, new boolean[] {false, false, true, true, true});
        assertThat(r.difference()).isZero();
        assertThat(r.variance()).isZero();
        assertThat(r.z()).isNaN();
        assertThat(r.pValue()).isNaN();
    }

    @Test
    void pairedVarianceOfAScorerWithItsNegationIsFourTimesItsVariance() {
        // B = −A has AUC 1 − AUC(A) and perfectly anti-correlated components: Var(A − B) = 4 Var(A).
        double[] a = {0.1, 0.4, 0.35, 0.8, 0.5, 0.3, 0.6};
        boolean[] p = {false, false, true, true, true, false, true};
        double[] b = new double[a.length];
        for (int i = 0; i < a.length; i++) b[i] = -a[i];
        PairedDeLong r = DeLong.compare(a, b, p);
        double var = DeLong.interval(a, p, 0.95).variance();
        assertThat(r.aucB()).isCloseTo(1 - r.aucA(), within(EXACT));
        assertThat(r.variance()).isCloseTo(4 * var, within(EXACT));
    }

    @Test
    void hanleyMcNeilRatingExampleGivesThePublishedArea() {
        // Hanley & McNeil (1982) Table 1: the paper reports A = 0.893 and SE = 0.032; their SE comes
        // from an exponential approximation, not DeLong's estimator, so only a loose agreement
        // (DeLong gives 0.0307) is expected of the SE.
        JsonNode c = ReferenceDeviations.fixture().get("hanleyMcNeil");
        AucInterval ci = DeLong.interval(ReferenceDeviations.doubles(c.get("scores")),
                ReferenceDeviations.booleans(c.get("positive")), 0.95);
        assertThat(ci.auc()).isCloseTo(c.get("publishedAuc").asDouble(), within(0.0005));
        assertThat(ci.standardError()).isCloseTo(c.get("publishedSe").asDouble(), within(0.0015));
        assertThat(ci.positives()).isEqualTo(51);
        assertThat(ci.negatives()).isEqualTo(58);
    }

    @Test
    void rejectsMismatchedInputs() {
        assertThatThrownBy(() -> DeLong.interval(new double[] {0.1}, new boolean[] {true, false}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeLong.interval(new double[] {0.1, Double.NaN}, new boolean[] {true, false}, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeLong.interval(new double[] {0.1, 0.2}, new boolean[] {true, false}, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeLong.compare(new double[] {0.1, 0.2}, new double[] {0.1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
