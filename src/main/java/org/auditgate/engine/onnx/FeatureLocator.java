package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * Finds the feature tensor of a classifier: the input of its final linear layer.
 *
 * <p>Automatically, walking back from the first graph output, it takes the last (in the graph's topological node
 * order) {@code Gemm}, {@code MatMul} or {@code QLinearMatMul} among the output's ancestors, and its data input:
 * <ul>
 *   <li>{@code Gemm}/{@code MatMul}: the first input, a float tensor (when a {@code DequantizeLinear} produces it,
 *       that float output is the feature);</li>
 *   <li>{@code QLinearMatMul}: the first input, a quantized tensor, to be dequantized with the node's second and
 *       third inputs (its scale and zero point).</li>
 * </ul>
 * The dimension comes from the tensor's declared shape (value_info) when every non-batch axis is fixed, else from
 * the layer's weight (initializer or {@code Constant}, looking through {@code DequantizeLinear}/{@code Identity}).
 */
public final class FeatureLocator {

    private static final Set<String> LINEAR_OPS = Set.of("Gemm", "MatMul", "QLinearMatMul");

    private FeatureLocator() {
    }

    /**
     * Locates the feature tensor.
     *
     * @param model the model
     * @param requestedName a tensor named in the submission manifest, or empty for automatic location
     * @return the feature tensor, exposed under {@link FeatureTensor#DEFAULT_OUTPUT}
     * @throws RejectedInputException (kind MODEL) when the requested tensor does not exist or nothing can be found
     */
    public static FeatureTensor locate(ModelProto model, Optional<String> requestedName) {
        GraphIndex index = new GraphIndex(model.getGraph());
        if (requestedName.isPresent()) {
            return requested(index, requestedName.get());
        }
        return automatic(index);
    }

    private static FeatureTensor requested(GraphIndex index, String name) {
        if (!index.isRuntimeTensor(name)) {
            String hint;
            try {
                FeatureTensor auto = automatic(index);
                hint = "name a tensor the graph computes, or leave the name out to use the automatically located '"
                        + auto.sourceTensor() + "' (" + auto.route() + ")";
            } catch (RejectedInputException e) {
                hint = "name a tensor the graph computes (a node output); none could be located automatically";
            }
            throw new RejectedInputException(Kind.MODEL, "submission manifest, feature tensor '" + name + "'",
                    "the model has no computed tensor of that name", hint);
        }
        String route = "named in the submission";
        Optional<Dequantization> dq = dequantization(index, name);
        if (dq.isPresent()) {
            route += ", dequantized with " + dq.get().describe();
        }
        long dim = declaredDimension(index, name);
        if (dim < 0) {
            for (NodeProto consumer : index.consumers(name)) {
                if (LINEAR_OPS.contains(consumer.getOpType()) && consumer.getInput(0).equals(name)) {
                    dim = weightDimension(index, consumer);
                    break;
                }
            }
        }
        return new FeatureTensor(name, FeatureTensor.DEFAULT_OUTPUT, dim, route);
    }

    private static FeatureTensor automatic(GraphIndex index) {
        GraphProto graph = index.graph();
        String output = graph.getOutput(0).getName();
        int last = -1;
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(output));
        while (!todo.isEmpty()) {
            String tensor = todo.pop();
            if (!seen.add(tensor)) {
                continue;
            }
            int i = index.producerIndex(tensor);
            if (i < 0) {
                continue;
            }
            NodeProto node = graph.getNode(i);
            if (isLinear(node) && i > last) {
                last = i;
            }
            todo.addAll(node.getInputList());
        }
        if (last < 0) {
            throw new RejectedInputException(Kind.MODEL, "graph output '" + output + "'",
                    "no Gemm, MatMul or QLinearMatMul layer leads to it, so the feature tensor cannot be found automatically",
                    "name the feature tensor (the input of the final classifier layer) in the submission manifest");
        }
        NodeProto node = graph.getNode(last);
        String where = "graph output '" + output + "', final layer " + GraphIndex.describe(node);
        String data = node.getInput(0);
        if (index.isConstant(data)) {
            throw new RejectedInputException(Kind.MODEL, where, "its first input is a constant, not the features",
                    "name the feature tensor in the submission manifest");
        }
        if (node.getOpType().equals("Gemm") && intAttribute(node, "transA", 0) != 0) {
            throw new RejectedInputException(Kind.MODEL, where, "it transposes its input (transA=1), so its input is not [N,F]",
                    "name the feature tensor in the submission manifest");
        }
        String route = "input of " + GraphIndex.describe(node);
        if (node.getOpType().equals("QLinearMatMul")) {
            route += ", dequantized with " + node.getInput(1) + "/" + node.getInput(2);
        } else {
            Optional<NodeProto> producer = index.producer(data);
            if (producer.isPresent() && producer.get().getOpType().equals("DequantizeLinear")) {
                route += ", produced by " + GraphIndex.describe(producer.get());
            }
        }
        long dim = declaredDimension(index, data);
        if (dim < 0) {
            dim = weightDimension(index, node);
        }
        return new FeatureTensor(data, FeatureTensor.DEFAULT_OUTPUT, dim, route);
    }

    private static boolean isLinear(NodeProto node) {
        return LINEAR_OPS.contains(node.getOpType()) && (node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx"));
    }

    /** Product of the non-batch axes when the declared shape fixes them all, else -1. */
    private static long declaredDimension(GraphIndex index, String tensor) {
        return index.valueInfo(tensor).map(GraphIndex::tensorInfo).map(info -> {
            if (info.rank() < 2) {
                return -1L;
            }
            long product = 1;
            for (int axis = 1; axis < info.rank(); axis++) {
                long d = info.fixedDim(axis);
                if (d < 0) {
                    return -1L;
                }
                product *= d;
            }
            return product;
        }).orElse(-1L);
    }

    /** The layer's input width K from its weight's shape, or -1 when the weight is not a visible constant. */
    private static long weightDimension(GraphIndex index, NodeProto node) {
        int weightInput = node.getOpType().equals("QLinearMatMul") ? 3 : 1;
        if (node.getInputCount() <= weightInput) {
            return -1;
        }
        Optional<TensorProto> weight = constantThrough(index, node.getInput(weightInput));
        if (weight.isEmpty() || weight.get().getDimsCount() != 2) {
            return -1;
        }
        boolean transposed = node.getOpType().equals("Gemm") && intAttribute(node, "transB", 0) != 0;
        return weight.get().getDims(transposed ? 1 : 0);
    }

    private static Optional<TensorProto> constantThrough(GraphIndex index, String tensor) {
        Optional<TensorProto> value = index.constant(tensor);
        if (value.isPresent()) {
            return value;
        }
        Optional<NodeProto> producer = index.producer(tensor);
        if (producer.isPresent() && Set.of("DequantizeLinear", "Identity", "Cast").contains(producer.get().getOpType())) {
            return constantThrough(index, producer.get().getInput(0));
        }
        return Optional.empty();
    }

    /**
     * How to turn a quantized tensor back into floats, when the graph says so: the scale and zero point of the
     * {@code QuantizeLinear} producing it, or of a {@code QLinear*} or {@code DequantizeLinear} node reading it as
     * its first input. Empty for float tensors.
     */
    static Optional<Dequantization> dequantization(GraphIndex index, String tensor) {
        boolean declaredFloat = index.valueInfo(tensor).map(GraphIndex::tensorInfo)
                .map(i -> i.elementType().equals("FLOAT")).orElse(false);
        if (declaredFloat) {
            return Optional.empty();
        }
        Optional<NodeProto> producer = index.producer(tensor);
        if (producer.isPresent() && producer.get().getOpType().equals("QuantizeLinear")) {
            NodeProto q = producer.get();
            return Optional.of(new Dequantization(q.getInput(1), q.getInputCount() > 2 ? q.getInput(2) : ""));
        }
        for (NodeProto consumer : index.consumers(tensor)) {
            String op = consumer.getOpType();
            boolean reads = consumer.getInputCount() >= 2 && consumer.getInput(0).equals(tensor);
            if (reads && op.equals("DequantizeLinear")) {
                return Optional.of(new Dequantization(consumer.getInput(1),
                        consumer.getInputCount() > 2 ? consumer.getInput(2) : ""));
            }
            if (reads && op.startsWith("QLinear") && !op.equals("QLinearConcat") && consumer.getInputCount() >= 3) {
                return Optional.of(new Dequantization(consumer.getInput(1), consumer.getInput(2)));
            }
        }
        return Optional.empty();
    }

    static long intAttribute(NodeProto node, String name, long otherwise) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return otherwise;
    }

    /** Scale and zero-point tensor names of a quantized tensor; the zero point may be empty. */
    record Dequantization(String scale, String zeroPoint) {
        String describe() {
            return zeroPoint.isEmpty() ? scale : scale + "/" + zeroPoint;
        }
    }
}
