package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.demo.DemoBackbone;
import org.auditgate.engine.evaluation.ModelInputs;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.image.Preprocessor;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.ModelSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExactEpochFeaturesTest {

    static final int F = DemoBackbone.FEATURES;

    /** Five grey images with smooth gradients and grain, of different shapes, resized for the views. */
    static List<GreyImage> images(TrainingViews views) {
        SplittableRandom random = new SplittableRandom(7);
        List<GreyImage> out = new ArrayList<>();
        int[][] shapes = {{240, 260}, {300, 230}, {224, 224}, {256, 288}, {250, 250}};
        for (int[] shape : shapes) {
            byte[] pixels = new byte[shape[0] * shape[1]];
            for (int y = 0; y < shape[1]; y++) {
                for (int x = 0; x < shape[0]; x++) {
                    pixels[y * shape[0] + x] = (byte) Math.min(255, (x * 200 / shape[0] + y * 50 / shape[1] + random.nextInt(6)));
                }
            }
            out.add(views.resize(new GreyImage(shape[0], shape[1], pixels)));
        }
        return out;
    }

    /** The backbone on one view, with batch size 1, written out step by step. */
    static float[] byHand(InferenceSession session, Preprocessor preprocessor, TrainingViews views, GreyImage resized,
                          StreamKey key) {
        GreyImage view = views.view(resized, key).image();
        int size = views.size();
        float[] input = new float[3 * size * size];
        preprocessor.writeTensor(view, input, 0);
        return session.run(input, new long[] {1, 3, size, size}, Set.of(DemoBackbone.OUTPUT)).get(DemoBackbone.OUTPUT);
    }

    @Test
    void eachRowIsTheBackboneOnItsOwnFreshView() {
        OnnxModel backbone = OnnxModel.of(DemoBackbone.build(), "demo-backbone.onnx");
        InputSpec spec = ModelInputs.inputSpec(backbone.inspect().metadata(), ModelSettings.NONE);
        TrainingViews views = ViewSettings.paper().trainingViews(spec.size());
        Preprocessor preprocessor = new Preprocessor(spec);
        List<GreyImage> resized = images(views);
        try (InferenceSession session = InferenceSession.open(backbone.bytes(), RuntimeOptions.cpu())) {
            ViewBank.Backbone b = new ViewBank.Backbone(session, DemoBackbone.OUTPUT, backbone.sha256(), "test");
            for (Arm arm : Arm.values()) {
                // batch size 2 over 5 images: two full batches and a short last one
                ExactEpochFeatures features = new ExactEpochFeatures(resized, views, preprocessor, b, arm, 42, 3, 2, F);
                float[][] previous = new float[resized.size()][];
                for (int epoch = 0; epoch < 3; epoch++) {
                    int changed = 0;
                    for (int image : new int[] {3, 0, 4, 2, 1}) {
                        float[] row = new float[F + 2];
                        features.copy(epoch, image, row, 2);
                        assertThat(features.key(epoch, image)).isEqualTo(new StreamKey(42, arm, 3, epoch, image));
                        float[] expected = byHand(session, preprocessor, views, resized.get(image),
                                new StreamKey(42, arm, 3, epoch, image));
                        assertThat(expected).hasSize(F);
                        assertThat(row[0]).isZero();
                        assertThat(row[1]).isZero();
                        for (int j = 0; j < F; j++) {
                            assertThat(row[2 + j]).as("arm %s epoch %d image %d feature %d", arm, epoch, image, j)
                                    .isCloseTo(expected[j], within(1e-5f + 1e-5f * Math.abs(expected[j])));
                        }
                        float[] mine = java.util.Arrays.copyOfRange(row, 2, F + 2);
                        if (previous[image] != null && !java.util.Arrays.equals(previous[image], mine)) {
                            changed++;
                        }
                        previous[image] = mine;
                    }
                    if (epoch > 0) {
                        assertThat(changed).as("epoch %d draws fresh views", epoch).isEqualTo(resized.size());
                    }
                }
            }
        }
    }

    @Test
    void seedIndexZeroBelongsToTheBank() {
        TrainingViews views = TrainingViews.paper();
        assertThatThrownBy(() -> new ExactEpochFeatures(List.of(), views, new Preprocessor(
                ModelInputs.inputSpec(OnnxModel.of(DemoBackbone.build(), "b.onnx").inspect().metadata(), ModelSettings.NONE)),
                new ViewBank.Backbone(null, "x", "m", "d"), Arm.CLEAN, 42, 0, 2, F))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed");
    }
}
