package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.image.GreyImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomResizedCropTest {

    private final RandomResizedCrop paper = RandomResizedCrop.paper();

    @Test
    void acceptedFirstAttemptByHand() {
        // 224×224, U = 0.5 twice: target = 50176 · (0.08 + 0.92 · 0.5) = 27095.04; the aspect is
        // exp of the midpoint of ±log(4/3), i.e. 1 (to rounding); √27095.04 = 164.606 → w = h = 165.
        // Then i = randint(0, 59) and j = randint(0, 59): nextInt(60) twice, i first.
        ScriptedRandom rng = new ScriptedRandom().givingDoubles(0.5, 0.5).givingInts(7, 30);
        assertThat(paper.params(224, 224, rng)).isEqualTo(new CropBox(30, 7, 165, 165));
        assertThat(rng.bounds).containsExactly(60, 60);
    }

    @Test
    void rectangularAcceptedAttemptByHand() {
        // 300 wide × 200 tall, U = 0.25 then 1 − 2⁻⁵³ (aspect → 4/3): target = 60000 · 0.31 = 18600;
        // w = round(√(18600 · 4/3)) = round(157.48) = 157, h = round(√(18600 · 3/4)) = round(118.11) = 118;
        // i = randint(0, 82), j = randint(0, 143).
        ScriptedRandom rng = new ScriptedRandom().givingDoubles(0.25, 1 - 0x1.0p-53).givingInts(82, 0);
        assertThat(paper.params(300, 200, rng)).isEqualTo(new CropBox(0, 82, 157, 118));
        assertThat(rng.bounds).containsExactly(83, 144);
    }

    @Test
    void roundsHalfToEvenAsPython() {
        // 10×10, scale fixed at 1/16 and ratio fixed at 1: √(100/16) = 2.5 → Python's round gives 2
        // (Math.round would give 3).
        RandomResizedCrop fixed = new RandomResizedCrop(4, 0.0625, 0.0625, 1.0, 1.0);
        ScriptedRandom rng = new ScriptedRandom().givingDoubles(0.3, 0.9).givingInts(1, 2);
        assertThat(fixed.params(10, 10, rng)).isEqualTo(new CropBox(2, 1, 2, 2));
        assertThat(rng.bounds).containsExactly(9, 9);
    }

    @Test
    void tallImageFallsBackToTheCentredMinimumRatioWindow() {
        // 224 wide × 700 tall, every attempt draws scale ≈ 1 and aspect ≈ 4/3: w ≈ 457 > 224, all
        // ten fail (20 doubles). in_ratio = 0.32 < 3/4: w = 224, h = round(224 / 0.75) = round(298.67)
        // = 299, i = (700 − 299) // 2 = 200, j = 0.
        ScriptedRandom rng = new ScriptedRandom().givingDoubles(repeat(0.999, 21));
        assertThat(paper.params(224, 700, rng)).isEqualTo(new CropBox(0, 200, 224, 299));
        assertThat(rng.doublesLeft()).isEqualTo(1);
        assertThat(rng.bounds).isEmpty();
        ScriptedRandom again = new ScriptedRandom().givingDoubles(repeat(0.999, 20));
        assertThat(paper.attempts(224, 700, again)).isNull();
    }

    @Test
    void wideAndSquareFallbacks() {
        // 700 × 224: in_ratio 3.125 > 4/3: h = 224, w = round(224 · 4/3) = round(298.67) = 299,
        // j = (700 − 299) // 2 = 200. A square image falls back to itself.
        assertThat(paper.fallback(700, 224)).isEqualTo(new CropBox(200, 0, 299, 224));
        assertThat(paper.fallback(224, 224)).isEqualTo(new CropBox(0, 0, 224, 224));
        assertThat(paper.fallback(225, 200)).isEqualTo(new CropBox(0, 0, 225, 200));
        // 3 × 1: in_ratio 3 > 4/3: h = 1, w = round(4/3) = 1, j = (3 − 1) // 2 = 1.
        assertThat(paper.fallback(3, 1)).isEqualTo(new CropBox(1, 0, 1, 1));
    }

    @Test
    void boxesAlwaysLieInsideTheImage() {
        UniformRandomProvider sizes = new StreamKey(5L, Arm.CLEAN, 0, 0, 0).rng();
        UniformRandomProvider rng = new StreamKey(5L, Arm.CLEAN, 0, 1, 0).rng();
        for (int k = 0; k < 20_000; k++) {
            int width = 1 + sizes.nextInt(k % 2 == 0 ? 8 : 1200);
            int height = 1 + sizes.nextInt(k % 3 == 0 ? 8 : 1200);
            CropBox box = paper.params(width, height, rng);
            assertThat(box.fitsIn(width, height)).as("%s in %d×%d", box, width, height).isTrue();
        }
    }

    @Test
    void applyCutsThenResizesToTheOutputSize() {
        byte[] pixels = new byte[6 * 5];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (10 * k);
        }
        GreyImage image = new GreyImage(6, 5, pixels);
        // A 2×2 window at (3, 1) resized to 2×2 is the window itself: rows 1–2, columns 3–4.
        GreyImage same = RandomResizedCrop.apply(image, new CropBox(3, 1, 2, 2), 2);
        assertThat(same.pixels()).containsExactly((byte) 90, (byte) 100, (byte) 150, (byte) 160);
        GreyImage big = RandomResizedCrop.apply(image, new CropBox(1, 0, 4, 3), 224);
        assertThat(big.width()).isEqualTo(224);
        assertThat(big.height()).isEqualTo(224);
        // Bilinear weights are a convex combination: the output stays within the window's range [10, 160].
        for (byte b : big.pixels()) {
            assertThat(b & 0xFF).isBetween(10, 160);
        }
        assertThatThrownBy(() -> RandomResizedCrop.apply(image, new CropBox(3, 1, 4, 2), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadSettingsNamingTheField() {
        assertThatThrownBy(() -> new RandomResizedCrop(0, 0.08, 1, 0.75, 4.0 / 3))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("augmentation.crop.size"));
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0.5, 0.2, 0.75, 4.0 / 3))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("augmentation.crop.scale"));
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0, 1, 0.75, 4.0 / 3))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0.08, Double.NaN, 0.75, 4.0 / 3))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0.08, 1, 0, 4.0 / 3))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.CONFIG);
                    assertThat(e.where()).isEqualTo("augmentation.crop.ratio");
                });
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0.08, 1, 2, 1))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> new RandomResizedCrop(224, 0.08, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(RejectedInputException.class);
    }

    private static double[] repeat(double value, int count) {
        double[] out = new double[count];
        java.util.Arrays.fill(out, value);
        return out;
    }
}
