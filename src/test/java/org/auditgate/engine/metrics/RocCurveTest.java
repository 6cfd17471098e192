package org.auditgate.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link RocCurve} against scikit-learn's {@code roc_curve(y, s, drop_intermediate=False)}
 * (fixture from {@code src/test/python/roc_reference.py}). scikit-learn before 1.3 writes
 * max(s) + 1 as the first threshold and later versions +∞, so the first threshold is only checked
 * to be +∞ here; every other threshold and every rate is compared.
 */
class RocCurveTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void matchesScikitLearnOnCasesWithTies() throws IOException {
        JsonNode cases;
        try (InputStream in = RocCurveTest.class.getResourceAsStream("roc_reference.json")) {
            assertThat(in).as("fixture roc_reference.json").isNotNull();
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isEqualTo(4);
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            double[] scores = new double[c.get("scores").size()];
            boolean[] positive = new boolean[scores.length];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = c.get("scores").get(i).asDouble();
                positive[i] = c.get("labels").get(i).asBoolean();
            }
            List<RocCurve.Point> curve = RocCurve.of(scores, positive);
            assertThat(curve).as(name).hasSize(c.get("fpr").size());
            assertThat(curve.get(0).threshold()).as(name).isEqualTo(Double.POSITIVE_INFINITY);
            for (int k = 0; k < curve.size(); k++) {
                RocCurve.Point p = curve.get(k);
                assertThat(p.falsePositiveRate()).as(name + " fpr " + k).isCloseTo(c.get("fpr").get(k).asDouble(), within(TOLERANCE));
                assertThat(p.truePositiveRate()).as(name + " tpr " + k).isCloseTo(c.get("tpr").get(k).asDouble(), within(TOLERANCE));
                if (k > 0) {
                    assertThat(p.threshold()).as(name + " threshold " + k)
                            .isCloseTo(c.get("thresholds").get(k).asDouble(), within(TOLERANCE));
                }
            }
        }
    }

    /** Hand-computed: scores 0.8 (pos), 0.8 (neg), 0.3 (pos): one point per distinct score. */
    @Test
    void tiesAcrossClassesGiveOneDiagonalStep() {
        List<RocCurve.Point> curve = RocCurve.of(new double[] {0.3, 0.8, 0.8}, new boolean[] {true, true, false});
        assertThat(curve).containsExactly(
                new RocCurve.Point(Double.POSITIVE_INFINITY, 0, 0),
                new RocCurve.Point(0.8, 1.0, 0.5),
                new RocCurve.Point(0.3, 1.0, 1.0));
    }

    @Test
    void oneClassOnlyGivesNoCurve() {
        assertThat(RocCurve.of(new double[] {0.1, 0.9}, new boolean[] {true, true})).isEmpty();
        assertThat(RocCurve.of(new double[] {0.1, 0.9}, new boolean[] {false, false})).isEmpty();
        assertThat(RocCurve.of(new double[0], new boolean[0])).isEmpty();
    }

    @Test
    void rejectsMismatchedLengthsAndNaN() {
        assertThatThrownBy(() -> RocCurve.of(new double[] {0.1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocCurve.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
