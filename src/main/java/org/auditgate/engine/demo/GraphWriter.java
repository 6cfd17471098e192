package org.auditgate.engine.demo;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.onnx.GraphBuilder;

import java.util.List;

/**
 * Appends nodes and initializers to a graph under construction, naming each node's output after a
 * prefix and a counter; tensors and attributes come from {@link GraphBuilder}.
 */
final class GraphWriter {

    private final OnnxMl.GraphProto.Builder graph;
    private int counter;

    GraphWriter(OnnxMl.GraphProto.Builder graph) {
        this.graph = graph;
    }

    /** Adds a float initializer with the given shape; returns its name. */
    String constant(String name, float[] values, long... dims) {
        graph.addInitializer(GraphBuilder.floatTensor(name, values, dims));
        return name;
    }

    /** Adds a node with one output named after {@code prefix}; returns the output's name. */
    String node(String opType, String prefix, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        String output = prefix + "_" + (counter++);
        nodeTo(opType, output, inputs, attributes);
        return output;
    }

    /** Adds a node writing to the named output. */
    void nodeTo(String opType, String output, List<String> inputs, OnnxMl.AttributeProto... attributes) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder()
                .setOpType(opType)
                .setName(output + "_node")
                .addAllInput(inputs)
                .addOutput(output);
        for (OnnxMl.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
    }
}
