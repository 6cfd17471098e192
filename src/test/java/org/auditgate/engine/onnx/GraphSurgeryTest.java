package org.auditgate.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphSurgeryTest {

    private static final int N = 5;
    private static final long[] SHAPE = {N, 3, TinyModels.SIZE, TinyModels.SIZE};

    private static Map<String, float[]> exposeAndRun(ModelProto model, float[] images) {
        FeatureTensor feature = FeatureLocator.locate(model, Optional.empty());
        ModelProto exposed = GraphSurgery.exposeFeatures(model, feature);
        String original = model.getGraph().getOutput(0).getName();
        assertThat(exposed.getGraph().getOutputList()).extracting(o -> o.getName())
                .containsExactly(original, "auditgate_features");
        try (InferenceSession session = InferenceSession.open(exposed.toByteArray(), RuntimeOptions.cpu())) {
            return session.run(images, SHAPE, Set.of(original, "auditgate_features"));
        }
    }

    @Test
    void gemmHeadedFeaturesAreTheChannelMeansAndTheLogitsStay() {
        float[] images = TinyModels.images(N, 11);
        Map<String, float[]> out = exposeAndRun(TinyModels.gemmHeaded(), images);
        float[] means = TinyModels.channelMeans(images, N);
        assertThat(out.get("auditgate_features")).containsExactly(means, within(1e-6f));
        float[] logits = out.get("logits");
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < 2; k++) {
                double expected = TinyModels.B2[k];
                for (int j = 0; j < 3; j++) {
                    expected += means[3 * i + j] * TinyModels.W32[2 * j + k];
                }
                assertThat((double) logits[2 * i + k]).isCloseTo(expected, within(1e-5));
            }
        }
    }

    @Test
    void matMulAddHeadedFeaturesAreTheChannelMeans() {
        float[] images = TinyModels.images(N, 12);
        Map<String, float[]> out = exposeAndRun(TinyModels.matMulAddHeaded(), images);
        assertThat(out.get("auditgate_features")).containsExactly(TinyModels.channelMeans(images, N), within(1e-6f));
    }

    @Test
    void dequantizeLinearFeaturesAreTheDequantizedMeans() {
        float[] images = TinyModels.images(N, 13);
        Map<String, float[]> out = exposeAndRun(TinyModels.dequantizeMatMul(), images);
        float[] expected = TinyModels.quantizeDequantize(TinyModels.channelMeans(images, N));
        assertThat(out.get("auditgate_features")).containsExactly(expected, within(1e-6f));
    }

    @Test
    void qLinearMatMulFeaturesAreDequantizedByAnInsertedNode() {
        ModelProto model = TinyModels.qLinearMatMul();
        ModelProto exposed = GraphSurgery.exposeFeatures(model, FeatureLocator.locate(model, Optional.empty()));
        assertThat(exposed.getGraph().getNodeList()).extracting(NodeProto::getOpType)
                .endsWith("DequantizeLinear", "Flatten");
        float[] images = TinyModels.images(N, 14);
        Map<String, float[]> out = exposeAndRun(model, images);
        float[] expected = TinyModels.quantizeDequantize(TinyModels.channelMeans(images, N));
        assertThat(out.get("auditgate_features")).containsExactly(expected, within(1e-6f));
    }

    @Test
    void aRankFourFeatureTensorIsFlattened() {
        ModelProto model = TinyModels.gemmHeaded();
        FeatureTensor pooled = FeatureLocator.locate(model, Optional.of("pooled"));
        ModelProto exposed = GraphSurgery.exposeFeatures(model, pooled);
        float[] images = TinyModels.images(N, 15);
        try (InferenceSession session = InferenceSession.open(exposed.toByteArray(), RuntimeOptions.cpu())) {
            float[] features = session.run(images, SHAPE, Set.of("auditgate_features")).get("auditgate_features");
            assertThat(features).containsExactly(TinyModels.channelMeans(images, N), within(1e-6f));
        }
    }

    @Test
    void anOutputNameAlreadyInTheGraphIsRefused() {
        FeatureTensor clash = new FeatureTensor("flat", "logits", 3, "test");
        assertThatThrownBy(() -> GraphSurgery.exposeFeatures(TinyModels.gemmHeaded(), clash))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'logits'");
    }

    @Test
    void graftedBinaryHeadComputesSigmoidOfTheLinearScoreAndDropsTheOldHead() {
        ModelProto backbone = TinyModels.gemmHeaded();
        FeatureTensor feature = FeatureLocator.locate(backbone, Optional.empty());
        float[] w = {2.0f, -1.0f, 0.5f};
        float bias = -0.25f;
        ModelProto binary = GraphSurgery.graftBinaryHead(backbone, feature, w, bias, "prob");
        assertThat(binary.getGraph().getOutputList()).extracting(o -> o.getName()).containsExactly("prob");
        assertThat(binary.getGraph().getNodeList()).extracting(NodeProto::getOpType)
                .containsExactly("GlobalAveragePool", "Flatten", "Flatten", "Gemm", "Sigmoid");
        assertThat(binary.getGraph().getInitializerList()).extracting(t -> t.getName())
                .containsExactly("prob_weight", "prob_bias");
        float[] images = TinyModels.images(N, 16);
        float[] means = TinyModels.channelMeans(images, N);
        try (InferenceSession session = InferenceSession.open(binary.toByteArray(), RuntimeOptions.cpu())) {
            float[] prob = session.run(images, SHAPE, Set.of("prob")).get("prob");
            assertThat(prob).hasSize(N);
            for (int i = 0; i < N; i++) {
                double z = bias + 2.0 * means[3 * i] - means[3 * i + 1] + 0.5 * means[3 * i + 2];
                assertThat((double) prob[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-6));
            }
        }
        assertThatThrownBy(() -> GraphSurgery.graftBinaryHead(backbone, feature, new float[4], 0, "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 weights");
    }

    @Test
    void graftedMlpHeadComputesTheReferenceHeadInEvalMode() {
        ModelProto backbone = TinyModels.gemmHeaded();
        FeatureTensor feature = FeatureLocator.locate(backbone, Optional.empty());
        // F = 3 channel means, H = 2 hidden units
        float[] w1 = {1.0f, -2.0f, 0.5f, -0.5f, 1.5f, 0.25f};
        float[] b1 = {0.1f, -0.2f};
        float[] gamma = {1.5f, 0.5f};
        float[] beta = {-0.3f, 0.2f};
        float[] mean = {0.4f, 0.1f};
        float[] var = {0.09f, 0.25f};
        float[] w2 = {2.0f, -1.0f};
        float b2 = 0.05f;
        MlpHead head = new MlpHead(w1, b1, gamma, beta, mean, var, 1e-5f, w2, b2);
        ModelProto binary = GraphSurgery.graftMlpHead(backbone, feature, head, "prob");
        assertThat(binary.getGraph().getOutputList()).extracting(o -> o.getName()).containsExactly("prob");
        assertThat(binary.getGraph().getNodeList()).extracting(NodeProto::getOpType)
                .endsWith("Gemm", "Relu", "BatchNormalization", "Gemm", "Sigmoid");
        float[] images = TinyModels.images(N, 16);
        float[] means = TinyModels.channelMeans(images, N);
        try (InferenceSession session = InferenceSession.open(binary.toByteArray(), RuntimeOptions.cpu())) {
            float[] prob = session.run(images, SHAPE, Set.of("prob")).get("prob");
            assertThat(prob).hasSize(N);
            for (int i = 0; i < N; i++) {
                double logit = b2;
                for (int u = 0; u < 2; u++) {
                    double z = b1[u];
                    for (int f = 0; f < 3; f++) {
                        z += w1[u * 3 + f] * means[3 * i + f];
                    }
                    double relu = Math.max(0, z);
                    double normalised = (relu - mean[u]) / Math.sqrt(var[u] + 1e-5) * gamma[u] + beta[u];
                    logit += w2[u] * normalised;
                }
                assertThat((double) prob[i]).isCloseTo(1 / (1 + Math.exp(-logit)), within(1e-6));
            }
        }
        assertThatThrownBy(() -> GraphSurgery.graftMlpHead(backbone, feature,
                new MlpHead(new float[8], new float[2], gamma, beta, mean, var, 1e-5f, w2, b2), "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 4 features");
    }

    @Test
    void withMetadataReplacesKeysAndKeepsOthers() {
        ModelProto once = GraphSurgery.withMetadata(TinyModels.gemmHeaded(), Map.of("a", "1", "b", "2"));
        ModelProto twice = GraphSurgery.withMetadata(once, Map.of("b", "3"));
        assertThat(OnnxModel.of(twice, "m.onnx").inspect().metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "3"));
        assertThat(twice.getGraph()).isEqualTo(TinyModels.gemmHeaded().getGraph());
    }
}
