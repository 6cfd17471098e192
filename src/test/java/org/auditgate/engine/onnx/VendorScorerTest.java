package org.auditgate.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.Optional;
import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

class VendorScorerTest {

    private static final int N = 4;

    private static VendorScorer open(ModelProto proto, ScoreSpec spec) {
        return VendorScorer.open(OnnxModel.of(proto, "vendor.onnx"), Optional.empty(), spec, RuntimeOptions.cpu());
    }

    private static double[] gemmLogits(float[] means, int i) {
        double[] z = new double[2];
        for (int k = 0; k < 2; k++) {
            z[k] = TinyModels.B2[k];
            for (int j = 0; j < 3; j++) {
                z[k] += means[3 * i + j] * TinyModels.W32[2 * j + k];
            }
        }
        return z;
    }

    @Test
    void twoLogitColumnsAreSoftmaxedAndThePositiveColumnTaken() {
        float[] images = TinyModels.images(N, 31);
        float[] means = TinyModels.channelMeans(images, N);
        for (int positive = 0; positive < 2; positive++) {
            try (VendorScorer scorer = open(TinyModels.gemmHeaded(), new ScoreSpec(Optional.empty(), ScoreKind.AUTO, positive))) {
                assertThat(scorer.scoreKind()).isEqualTo(ScoreKind.LOGIT);
                assertThat(scorer.featureDimension()).isEqualTo(3);
                ScoredBatch batch = scorer.score(images, N, TinyModels.SIZE);
                assertThat(batch.features()).containsExactly(means, within(1e-6f));
                for (int i = 0; i < N; i++) {
                    double[] z = gemmLogits(means, i);
                    double expected = Math.exp(z[positive]) / (Math.exp(z[0]) + Math.exp(z[1]));
                    assertThat(batch.scores()[i]).isCloseTo(expected, within(1e-6));
                }
            }
        }
    }

    @Test
    void twoColumnsReadAsProbabilitiesAreTakenAsTheyAre() {
        float[] images = TinyModels.images(N, 32);
        float[] means = TinyModels.channelMeans(images, N);
        try (VendorScorer scorer = open(TinyModels.gemmHeaded(), new ScoreSpec(Optional.of("logits"), ScoreKind.PROBABILITY, 1))) {
            ScoredBatch batch = scorer.score(images, N, TinyModels.SIZE);
            for (int i = 0; i < N; i++) {
                assertThat(batch.scores()[i]).isCloseTo(gemmLogits(means, i)[1], within(1e-6));
            }
        }
    }

    @Test
    void aSigmoidOutputIsAProbability() {
        float[] images = TinyModels.images(N, 33);
        float[] means = TinyModels.channelMeans(images, N);
        try (VendorScorer scorer = open(TinyModels.matMulAddHeaded(), ScoreSpec.auto())) {
            assertThat(scorer.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
            assertThat(scorer.scoreOutput()).isEqualTo("prob");
            assertThat(scorer.activeDevice()).isEqualTo(Device.CPU);
            ScoredBatch batch = scorer.score(images, N, TinyModels.SIZE);
            assertThat(batch.featureDimension()).isEqualTo(3);
            for (int i = 0; i < N; i++) {
                double z = TinyModels.B1;
                for (int j = 0; j < 3; j++) {
                    z += means[3 * i + j] * TinyModels.W31[j];
                }
                assertThat(batch.scores()[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-6));
            }
        }
    }

    @Test
    void aSingleLogitIsPassedThroughASigmoid() {
        float[] images = TinyModels.images(N, 34);
        float[] dq = TinyModels.quantizeDequantize(TinyModels.channelMeans(images, N));
        try (VendorScorer scorer = open(TinyModels.dequantizeMatMul(), ScoreSpec.auto())) {
            assertThat(scorer.scoreKind()).isEqualTo(ScoreKind.LOGIT);
            ScoredBatch batch = scorer.score(images, N, TinyModels.SIZE);
            assertThat(batch.features()).containsExactly(dq, within(1e-6f));
            for (int i = 0; i < N; i++) {
                double z = 0;
                for (int j = 0; j < 3; j++) {
                    z += dq[3 * i + j] * TinyModels.W31[j];
                }
                assertThat(batch.scores()[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-6));
            }
        }
    }

    @Test
    void aThousandClassOutputIsNotABinaryScore() {
        assertThatThrownBy(() -> open(TinyModels.thousandClasses(), ScoreSpec.auto()))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.MODEL);
                    assertThat(e.problem()).isEqualTo(
                            "output logits has shape [N, 1000]: auditgate needs a binary score: [N,1] or [N,2]");
                });
    }

    @Test
    void anUnknownScoreOutputIsRejectedListingTheOutputs() {
        assertThatThrownBy(() -> open(TinyModels.gemmHeaded(), new ScoreSpec(Optional.of("score"), ScoreKind.AUTO, 1)))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).isEqualTo("vendor.onnx, output 'score'");
                    assertThat(e.problem()).contains("[logits]");
                });
    }

    @Test
    void aModelWithoutImageInputIsRejected() {
        ModelProto tabular = TinyModels.tabular();
        assertThatThrownBy(() -> open(tabular, ScoreSpec.auto()))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("vendor.onnx, input 'x'"));
    }

    @Test
    void aWrongImageSizeIsRefusedBeforeRunning() {
        try (VendorScorer scorer = open(TinyModels.gemmHeaded(), ScoreSpec.auto())) {
            assertThatThrownBy(() -> scorer.score(new float[3 * 8 * 8], 1, 8))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4×4");
        }
    }
}
