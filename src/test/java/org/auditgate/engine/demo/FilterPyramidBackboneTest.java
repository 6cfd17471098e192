package org.auditgate.engine.demo;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FilterPyramidBackboneTest {

    private static final int S = DemoBackbone.SIZE;
    private static final int F = FilterPyramidBackbone.FEATURES;
    private static final int C = FilterPyramidBackbone.CHANNELS_PER_LEVEL;

    @Test
    void everyFilterSumsToZeroAndTheRandomOnesDependOnTheSeed() {
        float[] a = FilterPyramidBackbone.bank(new SplittableRandom(1));
        float[] b = FilterPyramidBackbone.bank(new SplittableRandom(2));
        for (int c = 0; c < C; c++) {
            double sum = 0;
            for (int i = 0; i < 25; i++) {
                sum += a[c * 25 + i];
            }
            assertThat(sum).as("filter %d", c).isCloseTo(0, within(1e-5));
        }
        assertThat(Arrays.copyOfRange(a, 0, 4 * 25)).containsExactly(Arrays.copyOfRange(b, 0, 4 * 25));
        assertThat(Arrays.copyOfRange(a, 4 * 25, C * 25)).isNotEqualTo(Arrays.copyOfRange(b, 4 * 25, C * 25));
    }

    @Test
    void aUniformImageGivesZeroFeatures() throws Exception {
        float[] image = new float[3 * S * S];
        Arrays.fill(image, 0.7f);
        float[] out = DemoTensors.run(FilterPyramidBackbone.build(1, ones()).toByteArray(), DemoBackbone.OUTPUT, image, 1, F);
        assertThat(out).hasSize(F);
        for (float v : out) {
            assertThat(v).isCloseTo(0f, within(1e-5f));
        }
    }

    @Test
    void theScalesDivideTheFeaturesAndTheCalibrationModelGivesMeanSquares() throws Exception {
        float[] image = blob(112, 112, 12, 1f);
        float[] plain = DemoTensors.run(FilterPyramidBackbone.build(1, ones()).toByteArray(), DemoBackbone.OUTPUT, image, 1, F);
        float[] scales = new float[F];
        for (int j = 0; j < F; j++) {
            scales[j] = 1 + j % 3;
        }
        float[] scaled = DemoTensors.run(FilterPyramidBackbone.build(1, scales).toByteArray(), DemoBackbone.OUTPUT, image, 1, F);
        float[] squares = DemoTensors.run(FilterPyramidBackbone.calibrationModel(1).toByteArray(), DemoBackbone.OUTPUT, image, 1, F);
        for (int j = 0; j < F; j++) {
            assertThat(scaled[j]).isCloseTo(plain[j] / scales[j], within(1e-5f + 1e-4f * Math.abs(plain[j])));
            // ReLU(r) averages to at most sqrt(mean r²) (Cauchy–Schwarz), and the blob gives every filter a response.
            assertThat((double) plain[j]).isLessThanOrEqualTo(Math.sqrt(squares[j]) + 1e-6);
        }
        float[] rms = FilterPyramidBackbone.rms(concat(squares, squares));
        for (int j = 0; j < F; j++) {
            assertThat(rms[j]).isCloseTo((float) Math.sqrt(squares[j]), within(1e-6f));
        }
    }

    /**
     * A blob of sigma 8 px is a blob of sigma 1 px at level 3 (28 px), the detector's scale, and
     * nearly flat at level 0; with no bias a zero-sum filter's responses to an interior blob sum to
     * zero, so the bright and dark detectors' ReLU averages are equal (they act as one energy detector).
     */
    @Test
    void theBlobDetectorRespondsAtTheLevelOfTheBlobsScale() throws Exception {
        float[] out = DemoTensors.run(FilterPyramidBackbone.build(1, ones()).toByteArray(), DemoBackbone.OUTPUT,
                blob(112, 112, 8, 1f), 1, F);
        int level = 3;
        assertThat(out[level * C]).isGreaterThan(10 * out[0]);
        assertThat(out[level * C]).isCloseTo(out[level * C + 1], within(1e-3f * out[level * C]));
    }

    private static float[] ones() {
        float[] ones = new float[F];
        Arrays.fill(ones, 1f);
        return ones;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A [3,S,S] image: 0 everywhere plus a Gaussian bump of the given height, on all three channels. */
    private static float[] blob(int cx, int cy, double sigma, float height) {
        float[] image = new float[3 * S * S];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                float v = (float) (height * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * sigma * sigma)));
                for (int c = 0; c < 3; c++) {
                    image[c * S * S + y * S + x] = v;
                }
            }
        }
        return image;
    }
}
