package org.auditgate.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoBackboneTest {

    private static final int S = DemoBackbone.SIZE;
    private static final int F = DemoBackbone.FEATURES;

    @Test
    void declaresOpsetInputOutputAndPreprocessing() {
        OnnxMl.ModelProto model = DemoBackbone.build();
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(13);
        assertThat(model.getGraph().getInput(0).getName()).isEqualTo("image");
        assertThat(model.getGraph().getOutput(0).getName()).isEqualTo("features");
        Map<String, String> meta = model.getMetadataPropsList().stream()
                .collect(Collectors.toMap(OnnxMl.StringStringEntryProto::getKey, OnnxMl.StringStringEntryProto::getValue));
        assertThat(meta).containsEntry("auditgate.input.size", "224")
                .containsEntry("auditgate.input.mean", "0.5,0.5,0.5")
                .containsEntry("auditgate.input.std", "0.25,0.25,0.25");
        assertThat(F).isEqualTo(24);
    }

    /**
     * A flat image: every zero-sum filter answers 0; only the mean and the mean square remain
     * (those within 1e-3, the float error of averaging 50,176 values).
     */
    @Test
    void flatImageHasOnlyBrightnessFeatures() throws Exception {
        float[] images = new float[2 * 3 * S * S];
        java.util.Arrays.fill(images, 0, 3 * S * S, -1.2f);
        java.util.Arrays.fill(images, 3 * S * S, images.length, 0.8f);
        float[] features = DemoTensors.run(DemoBackbone.build().toByteArray(), "features", images, 2, F);
        for (int row = 0; row < 2; row++) {
            float v = row == 0 ? -1.2f : 0.8f;
            for (int j = 0; j < F; j++) {
                String name = DemoBackbone.FEATURE_NAMES.get(j);
                float expected = name.equals("grey.mean") ? v : name.equals("lf8.sq") ? v * v : 0f;
                assertThat(features[row * F + j]).as(name).isCloseTo(expected, within(expected == 0f ? 1e-5f : 1e-3f));
            }
        }
    }

    /**
     * Lines of height 1 in every fourth column (as site-north's grid). By hand, per output column
     * (centre x mod 4 = 0, 1, 2, 3): d2x, Laplacian and the diagonals give -2, 1, 0, 1 (mean
     * |r| = 1, mean r² = 1.5); comb4x gives -1, 0, 1, 0 (0.5, 0.5); every filter across y gives 0.
     * Each 4×4 and 8×8 pooling block holds a quarter of line, so the coarse features are flat.
     */
    @Test
    void gridLinesExciteTheXFiltersExactlyAsComputedByHand() throws Exception {
        float[] images = new float[3 * S * S];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < S; y++) {
                for (int x = 0; x < S; x += 4) {
                    images[c * S * S + y * S + x] = 1f;
                }
            }
        }
        float[] f = DemoTensors.run(DemoBackbone.build().toByteArray(), "features", images, 1, F);
        Map<String, Float> expected = Map.ofEntries(
                Map.entry("hp.laplacian.abs", 1f), Map.entry("hp.d2x.abs", 1f), Map.entry("hp.d2y.abs", 0f),
                Map.entry("hp.diag.abs", 1f), Map.entry("hp.antidiag.abs", 1f), Map.entry("hp.comb4x.abs", 0.5f),
                Map.entry("hp.comb4y.abs", 0f), Map.entry("hp.checker.abs", 0f),
                Map.entry("hp.laplacian.sq", 1.5f), Map.entry("hp.d2x.sq", 1.5f), Map.entry("hp.d2y.sq", 0f),
                Map.entry("hp.diag.sq", 1.5f), Map.entry("hp.antidiag.sq", 1.5f), Map.entry("hp.comb4x.sq", 0.5f),
                Map.entry("hp.comb4y.sq", 0f), Map.entry("hp.checker.sq", 0f),
                Map.entry("lf4.blob.mean", 0f), Map.entry("lf4.blob.max", 0f), Map.entry("lf4.gradx.abs", 0f),
                Map.entry("lf4.grady.abs", 0f), Map.entry("lf8.blob.mean", 0f), Map.entry("lf8.blob.max", 0f),
                Map.entry("grey.mean", 0.25f), Map.entry("lf8.sq", 0.0625f));
        for (int j = 0; j < F; j++) {
            String name = DemoBackbone.FEATURE_NAMES.get(j);
            assertThat(f[j]).as(name).isCloseTo(expected.get(name), within(1e-5f));
        }
    }

    @Test
    void filterKernelsAreZeroSum() {
        float[] bank = DemoBackbone.highPassBank();
        for (int k = 0; k < 8; k++) {
            double sum = 0;
            for (int i = 0; i < 25; i++) {
                sum += bank[k * 25 + i];
            }
            assertThat(sum).as("kernel " + k).isCloseTo(0, within(1e-6));
        }
        double dog = 0;
        for (float v : DemoBackbone.differenceOfGaussians(7, 1.5, 3.0)) {
            dog += v;
        }
        assertThat(dog).isCloseTo(0, within(1e-6));
    }
}
