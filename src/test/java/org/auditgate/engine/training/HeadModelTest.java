package org.auditgate.engine.training;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HeadModelTest {

    @Test
    void paperHeadHas131329Parameters() {
        HeadModel m = HeadModel.initialise(2048, 64, new XoRoShiRo128PlusPlus(1L, 2L));
        assertThat(m.parameterCount()).isEqualTo(131_329);
        assertThat(m.w1()).hasSize(64 * 2048);
    }

    @Test
    void initialisationFollowsTheDocumentedDrawOrderAndBounds() {
        int f = 2048;
        int h = 64;
        HeadModel m = HeadModel.initialise(f, h, new XoRoShiRo128PlusPlus(11L, 12L));
        XoRoShiRo128PlusPlus replay = new XoRoShiRo128PlusPlus(11L, 12L);
        double bound1 = 1 / Math.sqrt(f);
        double bound2 = 1 / Math.sqrt(h);
        float[] w1 = m.w1();
        assertThat(w1[0]).isEqualTo((float) (bound1 * (2 * replay.nextDouble() - 1)));
        assertThat(w1[1]).isEqualTo((float) (bound1 * (2 * replay.nextDouble() - 1)));
        for (int i = 2; i < h * f; i++) {
            replay.nextDouble();
        }
        assertThat(m.b1()[0]).isEqualTo((float) (bound1 * (2 * replay.nextDouble() - 1)));
        for (int i = 1; i < h; i++) {
            replay.nextDouble();
        }
        assertThat(m.w2()[0]).isEqualTo((float) (bound2 * (2 * replay.nextDouble() - 1)));
        for (int i = 1; i < h; i++) {
            replay.nextDouble();
        }
        assertThat(m.b2()).isEqualTo((float) (bound2 * (2 * replay.nextDouble() - 1)));

        // U(−b, b): every value inside, mean 0 and variance b²/3 (131,072 draws: SE of the variance ≈ 0.3 %).
        double sum = 0;
        double squares = 0;
        for (float w : w1) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo((float) bound1);
            sum += w;
            squares += (double) w * w;
        }
        double mean = sum / w1.length;
        assertThat(mean).isCloseTo(0, within(0.01 * bound1));
        assertThat(squares / w1.length - mean * mean).isCloseTo(bound1 * bound1 / 3, within(0.02 * bound1 * bound1 / 3));
        for (float w : m.w2()) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo((float) bound2);
        }
        assertThat(m.bnGamma()).containsOnly(1f);
        assertThat(m.bnBeta()).containsOnly(0f);
        assertThat(m.bnMean()).containsOnly(0f);
        assertThat(m.bnVar()).containsOnly(1f);
    }

    @Test
    void evalModeLogitByHand() {
        // F = 2, H = 2. z = W1·x + b1 = (1·1 + 2·(−1) + 0.5, −1·1 + 0·(−1) + 0) = (−0.5, −1)... use x = (2, 1):
        // z = (2 + 2 + 0.5, −2 + 0) = (4.5, −2); ReLU → (4.5, 0).
        // BN eval: (4.5 − 0.5)/√(4 + 1e-5)·2 + 1 ≈ 4.99999, (0 − 0)/√(1 + 1e-5)·1 + (−1) = −1.
        // logit = 0.5·4.99999375 + 3·(−1) + 0.25 = −0.250003125.
        HeadModel m = HeadModel.of(new float[] {1, 2, -1, 0}, new float[] {0.5f, 0}, new float[] {2, 1},
                new float[] {1, -1}, new float[] {0.5f, 0}, new float[] {4, 1}, new float[] {0.5f, 3}, new float[] {0.25f});
        float[] x = {9, 2, 1};
        double expected = 0.5 * (4.0 / Math.sqrt(4 + 1e-5) * 2 + 1) - 3 + 0.25;
        assertThat(m.logit(x, 1)).isCloseTo(expected, within(1e-6));
        double[] p = new double[1];
        m.scores(new float[] {2, 1}, 1, p);
        assertThat(p[0]).isCloseTo(1 / (1 + Math.exp(-expected)), within(1e-6));
        assertThat(m.w1()).containsExactly(1, 2, -1, 0);
        assertThat(m.parameterCount()).isEqualTo(2 * 2 + 2 + 4 + 2 + 1);
    }

    @Test
    void copyIsIndependent() {
        HeadModel m = HeadModel.initialise(8, 4, new XoRoShiRo128PlusPlus(3L, 4L));
        float original = m.w1()[0];
        HeadModel c = m.copy();
        m.w1[0][0] = 5f;
        assertThat(c.w1()[0]).isEqualTo(original);
        assertThat(m.w1()[0]).isEqualTo(5f);
    }
}
