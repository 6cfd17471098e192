package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PreprocessorTest {

    private static GreyImage constant(int width, int height, int value) {
        byte[] pixels = new byte[width * height];
        java.util.Arrays.fill(pixels, (byte) value);
        return new GreyImage(width, height, pixels);
    }

    @Test
    void prepareResizesTheShorterSideThenCropsTheCentre() {
        Preprocessor pre = new Preprocessor(new InputSpec(16, new float[3], new float[] {1f, 1f, 1f}));
        // 40×20 -> 32×16 -> centre 16×16 ; a uniform image stays uniform through the resampling
        GreyImage prepared = pre.prepare(constant(40, 20, 77));
        assertThat(prepared.width()).isEqualTo(16);
        assertThat(prepared.height()).isEqualTo(16);
        assertThat(prepared.get(0, 0)).isEqualTo(77);
        assertThat(prepared.get(15, 15)).isEqualTo(77);
    }

    @Test
    void writesNormalisedChannelsInNchwOrder() {
        InputSpec spec = new InputSpec(16, new float[] {0.5f, 0.5f, 0f}, new float[] {0.5f, 0.25f, 2f});
        Preprocessor pre = new Preprocessor(spec);
        byte[] pixels = new byte[16 * 16];
        pixels[0] = (byte) 255;
        pixels[16 * 16 - 1] = (byte) 51;
        GreyImage prepared = new GreyImage(16, 16, pixels);
        float[] dst = new float[5 + 3 * 256];
        pre.writeTensor(prepared, dst, 5);
        int plane = 256;
        // pixel 255: (1 - 0.5) / 0.5 = 1 ; (1 - 0.5) / 0.25 = 2 ; (1 - 0) / 2 = 0.5
        assertThat(dst[5]).isEqualTo(1f);
        assertThat(dst[5 + plane]).isEqualTo(2f);
        assertThat(dst[5 + 2 * plane]).isEqualTo(0.5f);
        // pixel 0: -1 ; -2 ; 0
        assertThat(dst[5 + 1]).isEqualTo(-1f);
        assertThat(dst[5 + plane + 1]).isEqualTo(-2f);
        assertThat(dst[5 + 2 * plane + 1]).isZero();
        // last pixel 51 = 0.2: (0.2 - 0.5) / 0.5 = -0.6 in the last slot of channel 0
        assertThat(dst[5 + plane - 1]).isCloseTo(-0.6f, within(1e-6f));
        assertThat(dst[0]).isZero();
    }

    @Test
    void tensorUsesImagenetStatistics() {
        Preprocessor pre = new Preprocessor(InputSpec.imagenet());
        float[] tensor = pre.tensor(constant(300, 250, 0));
        assertThat(tensor).hasSize(3 * 224 * 224);
        // (0 - 0.485) / 0.229 = -2.117904 ; (0 - 0.406) / 0.225 = -1.804444
        assertThat(tensor[0]).isCloseTo(-2.117904f, within(1e-5f));
        assertThat(tensor[3 * 224 * 224 - 1]).isCloseTo(-1.804444f, within(1e-5f));
    }

    @Test
    void refusesUnpreparedImagesAndShortBuffers() {
        Preprocessor pre = new Preprocessor(new InputSpec(16, new float[3], new float[] {1f, 1f, 1f}));
        assertThatThrownBy(() -> pre.writeTensor(constant(17, 16, 0), new float[3 * 256], 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> pre.writeTensor(constant(16, 16, 0), new float[3 * 256], 1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
