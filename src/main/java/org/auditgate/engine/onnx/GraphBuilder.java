package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small ONNX graphs in code (tests, demo models, classifier heads). Nodes are added in topological order.
 * The model gets IR version 8 and opset 13 of the default domain unless {@link #opset} says otherwise.
 *
 * <pre>{@code
 * ModelProto m = new GraphBuilder("head")
 *     .input("x", TensorProto.DataType.FLOAT, "N", "3")
 *     .initializer(GraphBuilder.floatTensor("w", new float[] {1, 2, 3}, 3, 1))
 *     .node("MatMul", List.of("x", "w"), List.of("y"))
 *     .output("y", TensorProto.DataType.FLOAT, "N", "1")
 *     .build();
 * }</pre>
 */
public final class GraphBuilder {

    private final GraphProto.Builder graph;
    private final Map<String, Long> opsets = new LinkedHashMap<>();
    private int nodeCount;

    /** @param name the graph name */
    public GraphBuilder(String name) {
        graph = GraphProto.newBuilder().setName(name);
        opsets.put("", 13L);
    }

    /** Imports an operator set; {@code ""} is the default domain. */
    public GraphBuilder opset(String domain, long version) {
        opsets.put(domain, version);
        return this;
    }

    /** Adds a graph input; each dim is a size ({@code "224"}), a symbolic name or {@code "?"}. */
    public GraphBuilder input(String name, TensorProto.DataType type, String... dims) {
        graph.addInput(valueInfo(name, type, dims));
        return this;
    }

    /** Adds a graph output; dims as for {@link #input}. */
    public GraphBuilder output(String name, TensorProto.DataType type, String... dims) {
        graph.addOutput(valueInfo(name, type, dims));
        return this;
    }

    /** Adds an initializer (a constant the graph reads by name). */
    public GraphBuilder initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
        return this;
    }

    /** Adds a node of the default domain. */
    public GraphBuilder node(String op, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        return node("", op, inputs, outputs, attributes);
    }

    /** Adds a node of the given domain, named after its op and position. */
    public GraphBuilder node(String domain, String op, List<String> inputs, List<String> outputs,
            AttributeProto... attributes) {
        graph.addNode(NodeProto.newBuilder().setOpType(op).setDomain(domain).setName(op + "_" + nodeCount++)
                .addAllInput(inputs).addAllOutput(outputs).addAllAttribute(List.of(attributes)));
        return this;
    }

    /** The model: IR version 8, the imported opsets, producer {@code auditgate}. */
    public ModelProto build() {
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(8).setProducerName("auditgate").setGraph(graph);
        opsets.forEach((d, v) -> m.addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(d).setVersion(v)));
        return m.build();
    }

    /** A float tensor with raw little-endian data. */
    public static TensorProto floatTensor(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buf.putFloat(v);
        }
        return tensor(name, TensorProto.DataType.FLOAT, buf.array(), dims);
    }

    /** An 8-bit tensor (UINT8 or INT8) from the low byte of each value. */
    public static TensorProto byteTensor(String name, TensorProto.DataType type, int[] values, long... dims) {
        if (type != TensorProto.DataType.UINT8 && type != TensorProto.DataType.INT8) {
            throw new IllegalArgumentException("byteTensor makes UINT8 or INT8 tensors, not " + type);
        }
        byte[] raw = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            raw[i] = (byte) values[i];
        }
        return tensor(name, type, raw, dims);
    }

    /** An INT64 tensor, e.g. a shape for {@code Reshape}. */
    public static TensorProto longTensor(String name, long[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buf.putLong(v);
        }
        return tensor(name, TensorProto.DataType.INT64, buf.array(), dims);
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, byte[] raw, long... dims) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        long count = TensorValues.elementCount(t.build());
        long width = switch (type) {
            case FLOAT -> 4;
            case INT64 -> 8;
            default -> 1;
        };
        if (count * width != raw.length) {
            throw new IllegalArgumentException("tensor " + name + ": " + raw.length / width + " values for dims "
                    + Arrays.toString(dims));
        }
        return t.build();
    }

    /** An integer attribute. */
    public static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    /** An attribute holding a list of integers, e.g. {@code kernel_shape}. */
    public static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    /** A float attribute. */
    public static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    /** A tensor attribute, e.g. the {@code value} of a {@code Constant} node. */
    public static AttributeProto tensorAttribute(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(value).build();
    }

    /** A tensor-typed value info; each dim is a size, a symbolic name or {@code "?"} (unknown). */
    public static ValueInfoProto valueInfo(String name, TensorProto.DataType type, String... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (!d.isEmpty() && d.chars().allMatch(Character::isDigit)) {
                dim.setDimValue(Long.parseLong(d));
            } else if (!d.equals("?")) {
                dim.setDimParam(d);
            }
            shape.addDim(dim);
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
