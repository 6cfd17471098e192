package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResizeTest {

    private static GreyImage image(int width, int height, int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new GreyImage(width, height, pixels);
    }

    private static int[] values(GreyImage image) {
        int[] out = new int[image.width() * image.height()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                out[y * image.width() + x] = image.get(x, y);
            }
        }
        return out;
    }

    @Test
    void halvingAveragesTwoPixelsWithPillowsRounding() {
        // scale 2, support 2, centre 1.0: both pixels weigh 0.5 = 2^21 in 22-bit fixed point;
        // (2^21 + 0 * 2^21 + 255 * 2^21) >> 22 = 128 (Pillow gives 128 too).
        assertThat(values(Resize.resize(image(2, 1, 0, 255), 1, 1))).containsExactly(128);
        assertThat(values(Resize.resize(image(1, 2, 0, 255), 1, 1))).containsExactly(128);
    }

    @Test
    void doublingInterpolatesWithQuarterWeights() {
        // Upscale 2 → 4: centres 0.25, 0.75, 1.25, 1.75. Output 0 and 3 use one source pixel each
        // (Pillow's bounds), outputs 1 and 2 weigh (0.75, 0.25) and (0.25, 0.75):
        // 0.25 * 100 = 25.0 -> (2^21 + 100 * 2^20) >> 22 = 25; 0.75 * 100 -> 75.
        assertThat(values(Resize.resize(image(2, 1, 0, 100), 4, 1))).containsExactly(0, 25, 75, 100);
    }

    @Test
    void sameSizeReturnsTheSamePixels() {
        GreyImage source = image(2, 2, 1, 2, 3, 4);
        assertThat(values(Resize.resize(source, 2, 2))).containsExactly(1, 2, 3, 4);
    }

    @Test
    void shorterSideFollowsTorchvisionTruncation() {
        GreyImage wide = new GreyImage(600, 512, new byte[600 * 512]);
        GreyImage resized = Resize.resizeShorterSide(wide, 224);
        // int(224 * 600 / 512) = int(262.5) = 262
        assertThat(resized.width()).isEqualTo(262);
        assertThat(resized.height()).isEqualTo(224);

        GreyImage tall = new GreyImage(512, 515, new byte[512 * 515]);
        GreyImage resizedTall = Resize.resizeShorterSide(tall, 224);
        // int(224 * 515 / 512) = int(225.3125) = 225
        assertThat(resizedTall.width()).isEqualTo(224);
        assertThat(resizedTall.height()).isEqualTo(225);
    }

    private static GreyImage ramp(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        return new GreyImage(width, height, pixels);
    }

    @Test
    void centreCropRoundsHalfToEvenLikePython() {
        // (10 - 5) / 2 = 2.5 -> round() = 2 ; (12 - 5) / 2 = 3.5 -> 4
        GreyImage row10 = Resize.centreCrop(ramp(10, 5), 5);
        assertThat(row10.get(0, 0)).isEqualTo(2);
        GreyImage row12 = Resize.centreCrop(ramp(12, 5), 5);
        assertThat(row12.get(0, 0)).isEqualTo(4);
        // vertical: (8 - 5) / 2 = 1.5 -> 2, so the first row is source row 2 of a 5-wide ramp
        GreyImage column = Resize.centreCrop(ramp(5, 8), 5);
        assertThat(column.get(0, 0)).isEqualTo(10);
    }

    @Test
    void centreCropPadsSmallImagesWithZerosAsTorchvision() {
        // 2×2 into 5×5: pad left/top (5-2)//2 = 1, right/bottom (5-2+1)//2 = 2
        GreyImage out = Resize.centreCrop(image(2, 2, 1, 2, 3, 4), 5);
        assertThat(values(out)).containsExactly(
                0, 0, 0, 0, 0,
                0, 1, 2, 0, 0,
                0, 3, 4, 0, 0,
                0, 0, 0, 0, 0,
                0, 0, 0, 0, 0);
    }

    @Test
    void cropCopiesTheWindow() {
        GreyImage out = Resize.crop(ramp(4, 3), 1, 1, 2, 2);
        assertThat(values(out)).containsExactly(5, 6, 9, 10);
        assertThatThrownBy(() -> Resize.crop(ramp(4, 3), 3, 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resize.crop(ramp(4, 3), -1, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptySizes() {
        assertThatThrownBy(() -> Resize.resize(ramp(4, 3), 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resize.resizeShorterSide(ramp(4, 3), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Resize.centreCrop(ramp(4, 3), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
