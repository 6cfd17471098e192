package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.image.GreyImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HorizontalFlipTest {

    @Test
    void mirrorsEachRow() {
        GreyImage image = new GreyImage(3, 2, new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(HorizontalFlip.mirror(image).pixels()).containsExactly(3, 2, 1, 6, 5, 4);
        GreyImage even = new GreyImage(4, 1, new byte[] {1, 2, 3, 4});
        assertThat(HorizontalFlip.mirror(even).pixels()).containsExactly(4, 3, 2, 1);
        assertThat(image.pixels()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void flipsWhenTheDrawIsBelowP() {
        HorizontalFlip flip = HorizontalFlip.paper();
        assertThat(flip.draw(new ScriptedRandom().givingDoubles(0.4999))).isTrue();
        assertThat(flip.draw(new ScriptedRandom().givingDoubles(0.5))).isFalse();
        assertThat(new HorizontalFlip(0).draw(new ScriptedRandom().givingDoubles(0.0))).isFalse();
        assertThat(new HorizontalFlip(1).draw(new ScriptedRandom().givingDoubles(1 - 0x1.0p-53))).isTrue();
    }

    @Test
    void flipFrequencyIsOneHalf() {
        // 100,000 keys; binomial SD = 158, bound 4.4 SD = 700 (two-sided probability about 1e-5).
        HorizontalFlip flip = HorizontalFlip.paper();
        int flips = 0;
        for (int image = 0; image < 100_000; image++) {
            UniformRandomProvider rng = new StreamKey(3L, Arm.CLEAN, 0, 0, image).rng();
            flips += flip.draw(rng) ? 1 : 0;
        }
        assertThat(flips).isBetween(50_000 - 700, 50_000 + 700);
    }

    @Test
    void rejectsProbabilitiesOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new HorizontalFlip(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HorizontalFlip(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
