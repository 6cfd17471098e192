package org.auditgate.engine.onnx;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Optional;
import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

class FeatureLocatorTest {

    @Test
    void gemmHeadedModelFeaturesAreTheGemmInput() {
        FeatureTensor f = FeatureLocator.locate(TinyModels.gemmHeaded(), Optional.empty());
        assertThat(f).isEqualTo(new FeatureTensor("flat", "auditgate_features", 3, "input of Gemm 'Gemm_2'"));
    }

    @Test
    void matMulAddHeadedModelFeaturesAreTheMatMulInput() {
        FeatureTensor f = FeatureLocator.locate(TinyModels.matMulAddHeaded(), Optional.empty());
        assertThat(f.sourceTensor()).isEqualTo("flat");
        assertThat(f.dimension()).isEqualTo(3);
        assertThat(f.route()).isEqualTo("input of MatMul 'MatMul_2'");
    }

    @Test
    void dequantizeLinearBeforeMatMulGivesTheFloatTensor() {
        FeatureTensor f = FeatureLocator.locate(TinyModels.dequantizeMatMul(), Optional.empty());
        assertThat(f.sourceTensor()).isEqualTo("dq");
        assertThat(f.route()).isEqualTo("input of MatMul 'MatMul_4', produced by DequantizeLinear 'DequantizeLinear_3'");
        assertThat(f.dimension()).isEqualTo(3);
    }

    @Test
    void qLinearMatMulGivesTheQuantizedTensorAndItsScale() {
        FeatureTensor f = FeatureLocator.locate(TinyModels.qLinearMatMul(), Optional.empty());
        assertThat(f.sourceTensor()).isEqualTo("q");
        assertThat(f.route()).isEqualTo("input of QLinearMatMul 'QLinearMatMul_3', dequantized with q.scale/q.zero");
        assertThat(f.dimension()).isEqualTo(3);
    }

    @Test
    void transposedGemmWeightGivesItsSecondAxis() {
        ModelProto proto = new GraphBuilder("t")
                .input("image", FLOAT, "N", "3", "4", "4")
                .node("Flatten", List.of("image"), List.of("flat"), GraphBuilder.intAttribute("axis", 1))
                .initializer(GraphBuilder.floatTensor("w", new float[2 * 48], 2, 48))
                .node("Gemm", List.of("flat", "w"), List.of("y"), GraphBuilder.intAttribute("transB", 1))
                .output("y", FLOAT, "N", "2")
                .build();
        assertThat(FeatureLocator.locate(proto, Optional.empty()).dimension()).isEqualTo(48);
    }

    @Test
    void aRequestedTensorIsUsedWithItsDeclaredShape() {
        ModelProto proto = TinyModels.gemmHeaded();
        ModelProto declared = proto.toBuilder().setGraph(proto.getGraph().toBuilder()
                .addValueInfo(GraphBuilder.valueInfo("pooled", FLOAT,
                        "N", "3", "1", "1"))).build();
        FeatureTensor f = FeatureLocator.locate(declared, Optional.of("pooled"));
        assertThat(f).isEqualTo(new FeatureTensor("pooled", "auditgate_features", 3, "named in the submission"));
        assertThat(FeatureLocator.locate(proto, Optional.of("pooled")).dimension()).isEqualTo(-1);
    }

    @Test
    void aRequestedTensorThatDoesNotExistIsRejectedWithTheAutomaticOne() {
        assertThatThrownBy(() -> FeatureLocator.locate(TinyModels.gemmHeaded(), Optional.of("avgpool_out")))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).contains("feature tensor 'avgpool_out'");
                    assertThat(e.problem()).contains("no computed tensor");
                    assertThat(e.remedy()).contains("'flat' (input of Gemm 'Gemm_2')");
                });
        assertThatThrownBy(() -> FeatureLocator.locate(TinyModels.gemmHeaded(), Optional.of("fc.w")))
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void aGraphWithoutLinearLayerHasNoAutomaticFeatures() {
        ModelProto proto = new GraphBuilder("pool")
                .input("image", FLOAT, "N", "3", "4", "4")
                .node("GlobalAveragePool", List.of("image"), List.of("y"))
                .output("y", FLOAT, "N", "3", "1", "1")
                .build();
        assertThatThrownBy(() -> FeatureLocator.locate(proto, Optional.empty()))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).isEqualTo("graph output 'y'");
                    assertThat(e.remedy()).contains("submission manifest");
                });
        assertThat(OnnxModel.of(proto, "pool.onnx").inspect().featureTensor()).isEmpty();
    }

    @Test
    void theLastLinearLayerOnThePathToTheFirstOutputWins() {
        // two stacked MatMuls; a third one feeds only a second output and must be ignored
        ModelProto proto = new GraphBuilder("mlp")
                .input("image", FLOAT, "N", "3", "4", "4")
                .node("GlobalAveragePool", List.of("image"), List.of("pooled"))
                .node("Flatten", List.of("pooled"), List.of("flat"), GraphBuilder.intAttribute("axis", 1))
                .initializer(GraphBuilder.floatTensor("w1", new float[3 * 5], 3, 5))
                .initializer(GraphBuilder.floatTensor("w2", new float[5], 5, 1))
                .initializer(GraphBuilder.floatTensor("w3", new float[3 * 7], 3, 7))
                .node("MatMul", List.of("flat", "w1"), List.of("hidden"))
                .node("Relu", List.of("hidden"), List.of("act"))
                .node("MatMul", List.of("act", "w2"), List.of("y"))
                .node("MatMul", List.of("flat", "w3"), List.of("aux"))
                .output("y", FLOAT, "N", "1")
                .output("aux", FLOAT, "N", "7")
                .build();
        FeatureTensor f = FeatureLocator.locate(proto, Optional.empty());
        assertThat(f.sourceTensor()).isEqualTo("act");
        assertThat(f.dimension()).isEqualTo(5);
    }
}
