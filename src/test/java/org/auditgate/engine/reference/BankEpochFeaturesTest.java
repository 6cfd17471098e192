package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BankEpochFeaturesTest {

    /** 3 images × K = 4 views × F = 2; row (i, v) holds {arm·1000 + 10·i + v, −that}. */
    static ViewBank bank() {
        int n = 3, k = 4, f = 2;
        float[][] rows = new float[2][n * k * f];
        for (Arm arm : Arm.values()) {
            for (int i = 0; i < n; i++) {
                for (int v = 0; v < k; v++) {
                    float value = arm.ordinal() * 1000 + 10 * i + v;
                    rows[arm.ordinal()][(i * k + v) * f] = value;
                    rows[arm.ordinal()][(i * k + v) * f + 1] = -value;
                }
            }
        }
        return new ViewBank(rows, n, k, f);
    }

    @Test
    void eachEpochTakesTheViewItsStreamDraws() {
        BankEpochFeatures features = new BankEpochFeatures(bank(), Arm.NOISE, 42, 3, 5);
        float[] row = new float[4];
        int seen = 0;
        for (int epoch = 0; epoch < 5; epoch++) {
            for (int image = 0; image < 3; image++) {
                int view = new StreamKey(42, Arm.NOISE, 3, epoch, image).rng().nextInt(4);
                assertThat(features.view(epoch, image)).isEqualTo(view);
                features.copy(epoch, image, row, 2);
                float expected = 1000 + 10 * image + view;
                assertThat(row).containsExactly(0f, 0f, expected, -expected);
                seen |= 1 << view;
            }
        }
        assertThat(seen).as("15 draws from 4 views use more than one view").isNotEqualTo(1).isNotEqualTo(2).isNotEqualTo(4).isNotEqualTo(8);
    }

    @Test
    void armsAndSeedsDrawTheirOwnViews() {
        int[][] views = new int[3][20 * 3];
        BankEpochFeatures[] variants = {new BankEpochFeatures(bank(), Arm.CLEAN, 42, 1, 20),
                new BankEpochFeatures(bank(), Arm.NOISE, 42, 1, 20), new BankEpochFeatures(bank(), Arm.CLEAN, 42, 2, 20)};
        for (int k = 0; k < 3; k++) {
            for (int e = 0; e < 20; e++) {
                for (int i = 0; i < 3; i++) {
                    views[k][e * 3 + i] = variants[k].view(e, i);
                }
            }
        }
        assertThat(views[0]).isNotEqualTo(views[1]).isNotEqualTo(views[2]);
    }

    @Test
    void bothArmsTrainFromTheSameStream() {
        assertThat(ReferenceComparison.headStream(42, 5).seed()).containsExactly(
                new StreamKey(42, Arm.CLEAN, 5, 0, Integer.MAX_VALUE).seed());
        assertThat(ReferenceComparison.headStream(42, 5).seed()).isNotEqualTo(ReferenceComparison.headStream(42, 6).seed());
    }
}
