package org.auditgate.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

class LogisticHeadTest {

    /** The matrix of src/test/python/logistic_head_reference.py. */
    private static final float[] X = {
        0.2f, 1.5f, 3.0f, 1.1f, 0.3f, 2.5f, 0.7f, 2.2f, 3.5f, 1.9f, 0.8f, 2.0f,
        2.4f, 1.9f, 1.0f, 0.1f, 0.4f, 4.0f, 1.6f, 2.7f, 1.5f, 2.9f, 0.6f, 0.5f,
        0.9f, 1.1f, 2.2f, 2.2f, 2.4f, 1.2f, 1.3f, 1.7f, 2.8f, 0.4f, 2.9f, 3.1f};
    private static final boolean[] Y = {
        false, false, false, true, true, false, true, true, false, true, true, false};

    @Test
    void matchesScikitLearnWithTheSameObjective() {
        LogisticHead head = LogisticHead.fit(X, 12, 3, Y, 1L, 1.0);
        assertThat(head.weights()).containsExactly(new float[] {1.4583836f, 0.3816522f, -0.7124892f}, within(1e-4f));
        assertThat(head.bias()).isCloseTo(-0.7831822f, within(1e-4f));

        LogisticHead weaker = LogisticHead.fit(X, 12, 3, Y, 1L, 0.1);
        assertThat(weaker.weights()).containsExactly(new float[] {4.2156655f, 1.1224513f, -0.6809499f}, within(1e-3f));
        assertThat(weaker.bias()).isCloseTo(-5.1160082f, within(1e-3f));
    }

    @Test
    void scoreIsTheSigmoidOfTheRawLinearPredictor() {
        LogisticHead head = LogisticHead.fit(X, 12, 3, Y, 1L);
        float[] w = head.weights();
        double eta = head.bias() + w[0] * X[9] + w[1] * X[10] + w[2] * X[11];
        assertThat(head.score(X, 9)).isCloseTo(1 / (1 + Math.exp(-eta)), within(1e-6));
        assertThat(head.seed()).isEqualTo(1L);
        assertThat(head.features()).isEqualTo(3);
    }

    @Test
    void separableDataGiveFiniteWeightsAndAConstantFeatureGetsNone() {
        float[] x = {0f, 5f, 1f, 5f, 2f, 5f, 10f, 5f, 11f, 5f, 12f, 5f};
        boolean[] y = {false, false, false, true, true, true};
        LogisticHead head = LogisticHead.fit(x, 6, 2, y, 3L);
        assertThat(head.weights()[0]).isPositive().isLessThan(10f);
        assertThat(head.weights()[1]).isEqualTo(0f);
        assertThat(head.score(x, 0)).isLessThan(0.5);
        assertThat(head.score(x, 10)).isGreaterThan(0.5);
    }

    @Test
    void rejectsBadTrainingData() {
        assertThatThrownBy(() -> LogisticHead.fit(X, 12, 3, new boolean[12], 1L))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("training labels").hasMessageContaining("negative");
        float[] nan = X.clone();
        nan[7] = Float.NaN;
        assertThatThrownBy(() -> LogisticHead.fit(nan, 12, 3, Y, 1L))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("row 2, column 1");
        assertThatThrownBy(() -> LogisticHead.fit(X, 11, 3, Y, 1L))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("feature matrix");
    }
}
