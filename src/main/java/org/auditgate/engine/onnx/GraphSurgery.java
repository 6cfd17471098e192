package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites vendor graphs (ONNX protobuf surgery): expose the feature tensor as an output, replace the classifier
 * with a binary head, set metadata. Inputs are never modified; every method returns a new model.
 */
public final class GraphSurgery {

    private GraphSurgery() {
    }

    /**
     * Adds the feature tensor as a float graph output {@code [N, F]} named {@link FeatureTensor#outputName()}. A
     * quantized feature tensor is dequantized first (a {@code DequantizeLinear} with its scale and zero point), and
     * the result is flattened from axis 1 ({@code Flatten}). The original outputs stay as they are.
     *
     * @param model the vendor model
     * @param feature the located feature tensor
     * @return the rewritten model
     * @throws IllegalArgumentException when the output name is already used in the graph
     */
    public static ModelProto exposeFeatures(ModelProto model, FeatureTensor feature) {
        GraphProto graph = model.getGraph();
        GraphIndex index = new GraphIndex(graph);
        String out = feature.outputName();
        if (index.isRuntimeTensor(out) || index.isConstant(out)) {
            throw new IllegalArgumentException("the graph already has a tensor named '" + out + "'; choose another output name");
        }
        GraphProto.Builder g = graph.toBuilder();
        String current = feature.sourceTensor();
        Optional<FeatureLocator.Dequantization> dq = FeatureLocator.dequantization(index, current);
        if (dq.isPresent()) {
            String dequantized = out + "_dequantized";
            List<String> inputs = new ArrayList<>(List.of(current, dq.get().scale()));
            if (!dq.get().zeroPoint().isEmpty()) {
                inputs.add(dq.get().zeroPoint());
            }
            g.addNode(node("DequantizeLinear", "", dequantized, inputs, List.of(dequantized)));
            current = dequantized;
        }
        g.addNode(node("Flatten", "", out, List.of(current), List.of(out), GraphBuilder.intAttribute("axis", 1)));
        g.addOutput(GraphBuilder.valueInfo(out, TensorProto.DataType.FLOAT,
                "?", feature.dimension() > 0 ? Long.toString(feature.dimension()) : "?"));
        return model.toBuilder().setGraph(g).build();
    }

    /**
     * Builds a binary vendor model from a backbone: the exposed features go through {@code Gemm(features, W, b)} with
     * {@code W} of shape {@code [F, 1]} and a {@code Sigmoid}, giving the single output {@code outputName}
     * {@code [N, 1]}. The original outputs are removed, and so is everything only they needed. The features enter
     * the head as the tensor {@code outputName + "_features"}, so the result is itself a backbone whose feature
     * tensor {@link FeatureLocator} finds.
     *
     * @param backbone the backbone model
     * @param feature its feature tensor
     * @param weights the head's F weights
     * @param bias the head's bias
     * @param outputName the name of the probability output
     * @return the binary model
     * @throws IllegalArgumentException when the number of weights differs from a known feature dimension
     */
    public static ModelProto graftBinaryHead(ModelProto backbone, FeatureTensor feature, float[] weights, float bias,
            String outputName) {
        if (feature.dimension() > 0 && weights.length != feature.dimension()) {
            throw new IllegalArgumentException("the head has " + weights.length + " weights but the features have "
                    + feature.dimension() + " dimensions");
        }
        String features = outputName + "_features";
        ModelProto exposed = exposeFeatures(backbone,
                new FeatureTensor(feature.sourceTensor(), features, feature.dimension(), feature.route()));
        String w = outputName + "_weight";
        String b = outputName + "_bias";
        String logit = outputName + "_logit";
        GraphProto.Builder g = exposed.getGraph().toBuilder()
                .addInitializer(GraphBuilder.floatTensor(w, weights, weights.length, 1))
                .addInitializer(GraphBuilder.floatTensor(b, new float[] {bias}, 1))
                .addNode(node("Gemm", "", logit, List.of(features, w, b), List.of(logit)))
                .addNode(node("Sigmoid", "", outputName, List.of(logit), List.of(outputName)))
                .clearOutput()
                .addOutput(GraphBuilder.valueInfo(outputName, TensorProto.DataType.FLOAT, "?", "1"));
        return exposed.toBuilder().setGraph(prune(g.build())).build();
    }

    /**
     * Grafts the reference head ({@link MlpHead}) onto a backbone: Gemm → Relu →
     * BatchNormalization (inference, running statistics) → Gemm → Sigmoid, output
     * {@code outputName} [N,1]. The original outputs are removed, so the result is a standalone binary
     * model that {@code evaluate} can run.
     */
    public static ModelProto graftMlpHead(ModelProto backbone, FeatureTensor feature, MlpHead head, String outputName) {
        if (feature.dimension() > 0 && head.featureDimension() != feature.dimension()) {
            throw new IllegalArgumentException("the head takes " + head.featureDimension() + " features but the backbone gives "
                    + feature.dimension());
        }
        String features = outputName + "_features";
        ModelProto exposed = exposeFeatures(backbone,
                new FeatureTensor(feature.sourceTensor(), features, feature.dimension(), feature.route()));
        int h = head.hidden();
        String p = outputName + "_head_";
        GraphProto.Builder g = exposed.getGraph().toBuilder()
                .addInitializer(GraphBuilder.floatTensor(p + "w1", head.w1(), h, head.featureDimension()))
                .addInitializer(GraphBuilder.floatTensor(p + "b1", head.b1(), h))
                .addInitializer(GraphBuilder.floatTensor(p + "gamma", head.gamma(), h))
                .addInitializer(GraphBuilder.floatTensor(p + "beta", head.beta(), h))
                .addInitializer(GraphBuilder.floatTensor(p + "mean", head.runningMean(), h))
                .addInitializer(GraphBuilder.floatTensor(p + "var", head.runningVar(), h))
                .addInitializer(GraphBuilder.floatTensor(p + "w2", head.w2(), 1, h))
                .addInitializer(GraphBuilder.floatTensor(p + "b2", new float[] {head.b2()}, 1))
                .addNode(node("Gemm", "", p + "linear1", List.of(features, p + "w1", p + "b1"), List.of(p + "hidden"),
                        GraphBuilder.intAttribute("transB", 1)))
                .addNode(node("Relu", "", p + "relu", List.of(p + "hidden"), List.of(p + "relu")))
                .addNode(node("BatchNormalization", "", p + "bn",
                        List.of(p + "relu", p + "gamma", p + "beta", p + "mean", p + "var"), List.of(p + "normalised"),
                        GraphBuilder.floatAttribute("epsilon", head.epsilon())))
                .addNode(node("Gemm", "", p + "linear2", List.of(p + "normalised", p + "w2", p + "b2"), List.of(p + "logit"),
                        GraphBuilder.intAttribute("transB", 1)))
                .addNode(node("Sigmoid", "", outputName, List.of(p + "logit"), List.of(outputName)))
                .clearOutput()
                .addOutput(GraphBuilder.valueInfo(outputName, TensorProto.DataType.FLOAT, "?", "1"));
        return exposed.toBuilder().setGraph(prune(g.build())).build();
    }

    /**
     * Sets metadata properties, replacing entries with the same key and keeping the others.
     *
     * @param model the model
     * @param metadata keys and values to set
     * @return the model with the merged {@code metadata_props}
     */
    public static ModelProto withMetadata(ModelProto model, Map<String, String> metadata) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            merged.put(e.getKey(), e.getValue());
        }
        merged.putAll(metadata);
        ModelProto.Builder b = model.toBuilder().clearMetadataProps();
        merged.forEach((k, v) -> b.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return b.build();
    }

    /** Drops nodes, initializers, inputs and value_info that no graph output depends on. */
    static GraphProto prune(GraphProto graph) {
        Set<String> needed = new HashSet<>();
        graph.getOutputList().forEach(o -> needed.add(o.getName()));
        List<NodeProto> kept = new ArrayList<>();
        for (int i = graph.getNodeCount() - 1; i >= 0; i--) {
            NodeProto node = graph.getNode(i);
            if (node.getOutputList().stream().anyMatch(needed::contains)) {
                kept.add(node);
                needed.addAll(node.getInputList());
                addSubgraphInputs(node, needed);
            }
        }
        Collections.reverse(kept);
        Set<String> produced = new HashSet<>();
        kept.forEach(n -> produced.addAll(n.getOutputList()));
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(t -> initializers.add(t.getName()));
        GraphProto.Builder b = graph.toBuilder().clearNode().addAllNode(kept).clearInitializer().clearInput().clearValueInfo();
        graph.getInitializerList().stream().filter(t -> needed.contains(t.getName())).forEach(b::addInitializer);
        graph.getInputList().stream().filter(v -> !initializers.contains(v.getName()) || needed.contains(v.getName()))
                .forEach(b::addInput);
        graph.getValueInfoList().stream().filter(v -> produced.contains(v.getName())).forEach(b::addValueInfo);
        return b.build();
    }

    private static void addSubgraphInputs(NodeProto node, Set<String> needed) {
        for (AttributeProto a : node.getAttributeList()) {
            List<GraphProto> graphs = new ArrayList<>(a.getGraphsList());
            if (a.hasG()) {
                graphs.add(a.getG());
            }
            for (GraphProto g : graphs) {
                for (NodeProto inner : g.getNodeList()) {
                    needed.addAll(inner.getInputList());
                    addSubgraphInputs(inner, needed);
                }
            }
        }
    }

    private static NodeProto node(String op, String domain, String name, List<String> inputs, List<String> outputs,
            AttributeProto... attributes) {
        return NodeProto.newBuilder().setOpType(op).setDomain(domain).setName(name)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)).build();
    }
}
