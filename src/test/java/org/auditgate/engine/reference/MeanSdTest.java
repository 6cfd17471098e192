package org.auditgate.engine.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeanSdTest {

    @Test
    void sampleStandardDeviationByHand() {
        // mean 2.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 = 1.6667; sqrt = 1.2909944
        MeanSd m = MeanSd.of(new double[] {1, 2, 3, 4});
        assertThat(m.mean()).isEqualTo(2.5, within(1e-15));
        assertThat(m.sd()).isEqualTo(1.2909944487358056, within(1e-15));
        assertThat(m.n()).isEqualTo(4);
    }

    @Test
    void undefinedValuesAreSkipped() {
        MeanSd m = MeanSd.of(new double[] {Double.NaN, 0.5, 0.7});
        assertThat(m.mean()).isEqualTo(0.6, within(1e-15));
        assertThat(m.sd()).isEqualTo(Math.sqrt(0.02), within(1e-15));
        assertThat(m.n()).isEqualTo(2);
    }

    @Test
    void oneValueHasNoSpreadAndNoneHasNoMean() {
        assertThat(MeanSd.of(new double[] {0.3}).sd()).isNaN();
        assertThat(MeanSd.of(new double[] {0.3}).mean()).isEqualTo(0.3);
        assertThat(MeanSd.of(new double[] {Double.NaN}).mean()).isNaN();
        assertThat(MeanSd.of(new double[0]).n()).isZero();
    }
}
