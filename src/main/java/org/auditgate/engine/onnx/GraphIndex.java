package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Look-ups over one graph's top level: who produces a tensor, which tensors are constant, declared shapes. */
final class GraphIndex {

    private final GraphProto graph;
    private final Map<String, Integer> producers = new HashMap<>();
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, ValueInfoProto> valueInfos = new HashMap<>();
    private final Set<String> graphInputs = new HashSet<>();

    GraphIndex(GraphProto graph) {
        this.graph = graph;
        for (TensorProto t : graph.getInitializerList()) {
            constants.put(t.getName(), t);
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            for (String out : node.getOutputList()) {
                producers.put(out, i);
            }
            if (node.getOpType().equals("Constant") && node.getDomain().isEmpty()) {
                for (AttributeProto a : node.getAttributeList()) {
                    if (a.getName().equals("value") && node.getOutputCount() == 1) {
                        constants.put(node.getOutput(0), a.getT());
                    }
                }
            }
        }
        for (ValueInfoProto v : graph.getValueInfoList()) {
            valueInfos.put(v.getName(), v);
        }
        for (ValueInfoProto v : graph.getOutputList()) {
            valueInfos.put(v.getName(), v);
        }
        for (ValueInfoProto v : graph.getInputList()) {
            valueInfos.put(v.getName(), v);
            if (!constants.containsKey(v.getName())) {
                graphInputs.add(v.getName());
            }
        }
    }

    GraphProto graph() {
        return graph;
    }

    /** Index of the node producing the tensor, or -1 for graph inputs, initializers and unknown names. */
    int producerIndex(String tensor) {
        return producers.getOrDefault(tensor, -1);
    }

    Optional<NodeProto> producer(String tensor) {
        int i = producerIndex(tensor);
        return i < 0 ? Optional.empty() : Optional.of(graph.getNode(i));
    }

    /** The constant value (initializer or Constant node) of a tensor, if it is one. */
    Optional<TensorProto> constant(String tensor) {
        return Optional.ofNullable(constants.get(tensor));
    }

    boolean isConstant(String tensor) {
        return constants.containsKey(tensor);
    }

    /** True when the name is a node output or a non-initializer graph input. */
    boolean isRuntimeTensor(String tensor) {
        return (producers.containsKey(tensor) && !constants.containsKey(tensor)) || graphInputs.contains(tensor);
    }

    Optional<ValueInfoProto> valueInfo(String tensor) {
        return Optional.ofNullable(valueInfos.get(tensor));
    }

    /** Non-initializer graph inputs in declaration order. */
    List<ValueInfoProto> runtimeInputs() {
        List<ValueInfoProto> out = new ArrayList<>();
        for (ValueInfoProto v : graph.getInputList()) {
            if (!constants.containsKey(v.getName())) {
                out.add(v);
            }
        }
        return out;
    }

    /** Names of the nodes consuming the tensor, in order. */
    List<NodeProto> consumers(String tensor) {
        List<NodeProto> out = new ArrayList<>();
        for (NodeProto n : graph.getNodeList()) {
            if (n.getInputList().contains(tensor)) {
                out.add(n);
            }
        }
        return out;
    }

    static TensorInfo tensorInfo(ValueInfoProto v) {
        TypeProto type = v.getType();
        if (!type.hasTensorType()) {
            return new TensorInfo(v.getName(), "?", List.of());
        }
        TypeProto.Tensor t = type.getTensorType();
        TensorProto.DataType dt = TensorProto.DataType.forNumber(t.getElemType());
        String elem = dt == null || dt == TensorProto.DataType.UNDEFINED ? "?" : dt.name();
        List<String> dims = new ArrayList<>();
        if (t.hasShape()) {
            for (TensorShapeProto.Dimension d : t.getShape().getDimList()) {
                if (d.hasDimValue()) {
                    dims.add(Long.toString(d.getDimValue()));
                } else if (d.hasDimParam() && !d.getDimParam().isEmpty()) {
                    dims.add(d.getDimParam());
                } else {
                    dims.add("?");
                }
            }
        }
        return new TensorInfo(v.getName(), elem, dims);
    }

    static String describe(NodeProto node) {
        return node.getOpType() + " '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName()) + "'";
    }
}
