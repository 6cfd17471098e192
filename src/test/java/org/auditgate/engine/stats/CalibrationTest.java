package org.auditgate.engine.stats;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    @Test
    void brierAndEceByHand() {
        double[] s = {0.25, 0.25, 0.75, 0.75};
        boolean[] y = {false, true, true, true};
        // (0.0625 + 0.5625 + 0.0625 + 0.0625) / 4
        assertThat(Calibration.brier(s, y)).isCloseTo(0.1875, within(1e-12));
        // bin 2: |0.5 − 0.25| · 2/4; bin 7: |1 − 0.75| · 2/4
        assertThat(Calibration.ece(s, y)).isCloseTo(0.25, within(1e-12));
        List<ReliabilityBin> bins = Calibration.reliability(s, y);
        assertThat(bins).hasSize(10);
        assertThat(bins.get(2)).isEqualTo(new ReliabilityBin(0.2, 0.3, 2, 0.25, 0.5));
        assertThat(bins.get(0).count()).isZero();
        assertThat(bins.get(0).meanScore()).isNaN();
    }

    @Test
    void binEdgesBelongToTheUpperBinAndOneToTheLast() {
        assertThat(Calibration.bin(0.0)).isZero();
        assertThat(Calibration.bin(0.1)).isEqualTo(1);
        assertThat(Calibration.bin(Math.nextDown(0.1))).isZero();
        assertThat(Calibration.bin(0.3)).isEqualTo(3);
        assertThat(Calibration.bin(Math.nextDown(0.3))).isEqualTo(2);
        assertThat(Calibration.bin(0.7)).isEqualTo(7);
        assertThat(Calibration.bin(Math.nextDown(0.7))).isEqualTo(6);
        assertThat(Calibration.bin(1.0)).isEqualTo(9);
    }

    @Test
    void undefinedForNoCases() {
        assertThat(Calibration.brier(new double[0], new boolean[0])).isNaN();
        assertThat(Calibration.ece(new double[0], new boolean[0])).isNaN();
    }

    @Test
    void rejectsScoresThatAreNotProbabilities() {
        assertThatThrownBy(() -> Calibration.ece(new double[] {0.2, 1.5}, new boolean[] {true, false}))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("score 2")
                .hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> Calibration.brier(new double[] {Double.NaN}, new boolean[] {true}))
                .isInstanceOf(RejectedInputException.class);
    }
}
