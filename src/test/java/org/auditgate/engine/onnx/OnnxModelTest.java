package org.auditgate.engine.onnx;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {

    private static OnnxModel model(ModelProto proto) {
        return OnnxModel.parse(proto.toByteArray(), "vendor.onnx");
    }

    @Test
    void textIsNotAnOnnxModel() {
        byte[] text = "this is a README, not a model\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OnnxModel.parse(text, "model.onnx"))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.MODEL);
                    assertThat(e.where()).isEqualTo("model.onnx");
                    assertThat(e.problem()).contains("not an ONNX model");
                });
    }

    @Test
    void aModelWithoutGraphIsRejected() {
        byte[] noGraph = ModelProto.newBuilder().setIrVersion(8).build().toByteArray();
        assertThatThrownBy(() -> OnnxModel.parse(noGraph, "empty.onnx"))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.problem()).contains("no ONNX graph"));
    }

    @Test
    void externalDataInAnInitializerIsRejectedNamingTheTensorAndFile() {
        ModelProto proto = TinyModels.gemmHeaded();
        TensorProto external = proto.getGraph().getInitializer(0).toBuilder().clearRawData()
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin"))
                .build();
        ModelProto bad = proto.toBuilder().setGraph(proto.getGraph().toBuilder().setInitializer(0, external)).build();
        assertThatThrownBy(() -> model(bad))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.MODEL);
                    assertThat(e.where()).contains("vendor.onnx").contains("initializer 'fc.w'");
                    assertThat(e.problem()).contains("weights.bin");
                    assertThat(e.remedy()).contains("save_as_external_data=False");
                });
    }

    @Test
    void externalDataInAConstantNodeIsRejected() {
        TensorProto external = TensorProto.newBuilder().setName("c").setDataType(FLOAT.getNumber()).addDims(1)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("c.bin")).build();
        ModelProto proto = new GraphBuilder("g")
                .input("x", FLOAT, "N", "3", "4", "4")
                .node("Constant", List.of(), List.of("c"), GraphBuilder.tensorAttribute("value", external))
                .node("Add", List.of("x", "c"), List.of("y"))
                .output("y", FLOAT, "N", "3", "4", "4")
                .build();
        assertThatThrownBy(() -> model(proto))
                .isInstanceOfSatisfying(RejectedInputException.class, e ->
                        assertThat(e.where()).contains("node Constant 'Constant_0'").contains("attribute 'value'"));
    }

    @Test
    void externalDataInsideASubgraphIsRejected() {
        TensorProto external = TensorProto.newBuilder().setName("k").setDataType(FLOAT.getNumber()).addDims(1)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL).build();
        GraphProto branch = new GraphBuilder("then").initializer(external)
                .node("Identity", List.of("k"), List.of("t")).output("t", FLOAT, "1").build().getGraph();
        AttributeProto thenBranch = AttributeProto.newBuilder().setName("then_branch")
                .setType(AttributeProto.AttributeType.GRAPH).setG(branch).build();
        AttributeProto elseBranch = thenBranch.toBuilder().setName("else_branch").build();
        ModelProto proto = new GraphBuilder("g")
                .input("cond", TensorProto.DataType.BOOL)
                .node("If", List.of("cond"), List.of("y"), thenBranch, elseBranch)
                .output("y", FLOAT, "1")
                .build();
        assertThatThrownBy(() -> model(proto))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.where())
                        .contains("node If 'If_0', attribute 'then_branch', subgraph 'then', initializer 'k'"));
    }

    @Test
    void unknownNodeDomainIsRejectedNamingTheNode() {
        ModelProto proto = new GraphBuilder("g")
                .opset("com.example.vendor", 1)
                .input("x", FLOAT, "N", "3", "4", "4")
                .node("com.example.vendor", "SecretSauce", List.of("x"), List.of("y"))
                .output("y", FLOAT, "N", "2")
                .build();
        assertThatThrownBy(() -> model(proto))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).contains("opset_import");
                    assertThat(e.problem()).contains("'com.example.vendor'");
                });
        ModelProto undeclared = proto.toBuilder().removeOpsetImport(1).build();
        assertThatThrownBy(() -> model(undeclared))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).contains("node SecretSauce 'SecretSauce_0'");
                    assertThat(e.problem()).contains("'com.example.vendor'");
                });
    }

    @Test
    void aModelWithoutAFourDimensionalFloatInputParsesButIsNoImageModel() {
        ModelProto tabular = TinyModels.tabular();
        OnnxModel model = model(tabular);
        assertThat(model.inspect().inputs()).containsExactly(new TensorInfo("x", "FLOAT", List.of("N", "3")));
        assertThatThrownBy(model::validateForImageModel)
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).isEqualTo("vendor.onnx, input 'x'");
                    assertThat(e.problem()).contains("[N, 3]").contains("not an image batch");
                });
    }

    @Test
    void integerOrFourChannelInputsAreNoImageModel() {
        ModelProto fourChannels = new GraphBuilder("rgba")
                .input("x", FLOAT, "N", "4", "8", "8")
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", FLOAT, "N", "4", "8", "8")
                .build();
        assertThatThrownBy(() -> model(fourChannels).validateForImageModel())
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.problem()).contains("channel axis (1) is 4"));
        ModelProto bytes = new GraphBuilder("uint8")
                .input("x", TensorProto.DataType.UINT8, "N", "3", "8", "8")
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", TensorProto.DataType.UINT8, "N", "3", "8", "8")
                .build();
        assertThatThrownBy(() -> model(bytes).validateForImageModel())
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.problem()).contains("UINT8, not FLOAT"));
    }

    @Test
    void inspectDescribesATinyModel() {
        ModelProto proto = GraphSurgery.withMetadata(TinyModels.gemmHeaded(), Map.of("vendor", "Acme"));
        OnnxModel model = model(proto);
        ModelInfo info = model.inspect();
        assertThat(model.validateForImageModel().dims()).containsExactly("N", "3", "4", "4");
        assertThat(info.name()).isEqualTo("vendor.onnx");
        assertThat(info.sha256()).hasSize(64).isEqualTo(model.sha256());
        assertThat(info.sizeBytes()).isEqualTo(proto.toByteArray().length);
        assertThat(info.producer()).isEqualTo("auditgate");
        assertThat(info.irVersion()).isEqualTo(8);
        assertThat(info.opsets()).containsExactly(Map.entry("", 13L));
        assertThat(info.outputs()).containsExactly(new TensorInfo("logits", "FLOAT", List.of("N", "2")));
        // fc.w has 3×2 elements, fc.b 2
        assertThat(info.parameterCount()).isEqualTo(8);
        assertThat(info.featureTensor()).map(FeatureTensor::sourceTensor).contains("flat");
        assertThat(info.metadata()).containsExactly(Map.entry("vendor", "Acme"));
    }

    @Test
    void readNamesTheModelAfterItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("acme-cxr.onnx");
        Files.write(file, TinyModels.gemmHeaded().toByteArray());
        OnnxModel model = OnnxModel.read(file);
        assertThat(model.name()).isEqualTo("acme-cxr.onnx");
        assertThat(model.bytes()).isEqualTo(Files.readAllBytes(file));
        assertThat(model.proto()).isEqualTo(TinyModels.gemmHeaded());
    }
}
