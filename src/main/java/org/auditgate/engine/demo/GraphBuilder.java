package org.auditgate.engine.demo;

import ai.onnx.proto.OnnxMl;
import java.util.List;

/** Small helpers for writing ONNX graphs directly with the protobuf builders. */
final class GraphBuilder {

    private final OnnxMl.GraphProto.Builder graph;
    private int counter;

    GraphBuilder(OnnxMl.GraphProto.Builder graph) {
        this.graph = graph;
    }

    /** Adds a float initializer with the given shape; returns its name. */
    String constant(String name, float[] values, long... dims) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder()
                .setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (float v : values) {
            t.addFloatData(v);
        }
        graph.addInitializer(t);
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

    static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static OnnxMl.AttributeProto integer(String name, long value) {
        return OnnxMl.AttributeProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.AttributeProto.AttributeType.INT)
                .setI(value)
                .build();
    }

    /** A float tensor value description; a {@code null} dimension is the symbolic batch {@code N}. */
    static OnnxMl.ValueInfoProto floatTensor(String name, Long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Long d : dims) {
            shape.addDim(d == null
                    ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
                .build();
    }
}
