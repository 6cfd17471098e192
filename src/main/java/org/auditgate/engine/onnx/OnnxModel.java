package org.auditgate.engine.onnx;

import org.auditgate.engine.Sha256;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.FunctionProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.SparseTensorProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * A vendor's ONNX model: its bytes, their SHA-256 and the parsed protobuf.
 *
 * <p>{@link #parse} accepts only self-contained ONNX models: a graph must be present, no tensor may point at
 * external data (in initializers, {@code Constant} nodes, attributes, subgraphs or functions), and every operator
 * domain must be one ONNX Runtime ships ({@link #KNOWN_DOMAINS}). {@link #validateForImageModel()} adds the check
 * that the model takes one float image. {@link #inspect()} works on any model that parses.
 */
public final class OnnxModel {

    /** Operator domains auditgate accepts: those the standard ONNX Runtime build implements. */
    public static final Set<String> KNOWN_DOMAINS = Set.of(
            "", "ai.onnx", "ai.onnx.ml", "com.microsoft", "com.microsoft.nchwc", "com.microsoft.experimental",
            "ai.onnx.training", "ai.onnx.preview.training");

    private final String name;
    private final byte[] bytes;
    private final ModelProto proto;
    private final String sha256;

    private OnnxModel(String name, byte[] bytes, ModelProto proto) {
        this.name = name;
        this.bytes = bytes;
        this.proto = proto;
        this.sha256 = Sha256.hex(bytes);
    }

    /**
     * Reads and checks a model file.
     *
     * @param file the {@code .onnx} file
     * @return the model, named after the file
     * @throws RejectedInputException (kind MODEL) when the file is not a self-contained ONNX model
     * @throws UncheckedIOException when the file cannot be read
     */
    public static OnnxModel read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + file, e);
        }
    }

    /**
     * Parses and checks a model held in memory.
     *
     * @param bytes the serialised {@code ModelProto}; kept as given (not copied)
     * @param name the file name to report
     * @return the model
     * @throws RejectedInputException (kind MODEL) when the bytes are not a self-contained ONNX model
     */
    public static OnnxModel parse(byte[] bytes, String name) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new RejectedInputException(Kind.MODEL, name, "the file is not an ONNX model (it does not parse as an ONNX ModelProto)",
                    "upload the model exported as a single .onnx file", e);
        }
        if (!proto.hasGraph() || proto.getGraph().getNodeCount() == 0 || proto.getGraph().getOutputCount() == 0) {
            throw new RejectedInputException(Kind.MODEL, name, "the file holds no ONNX graph with nodes and outputs",
                    "upload the model exported as a single .onnx file");
        }
        checkOpsets(proto, name);
        checkGraph(proto.getGraph(), name, "graph '" + proto.getGraph().getName() + "'");
        for (FunctionProto f : proto.getFunctionsList()) {
            String where = "function '" + f.getName() + "'";
            for (NodeProto node : f.getNodeList()) {
                checkNode(node, name, where);
            }
        }
        return new OnnxModel(name, bytes, proto);
    }

    /**
     * Wraps an already-built graph (for instance a rewritten one), serialising it and applying the same checks as
     * {@link #parse}.
     *
     * @param proto the model
     * @param name the name to report
     * @return the model
     */
    public static OnnxModel of(ModelProto proto, String name) {
        return parse(proto.toByteArray(), name);
    }

    /**
     * Checks that the model takes exactly one float image: one non-initializer input of element type FLOAT, rank 4
     * (NCHW) and a channel axis that is 3 or not fixed.
     *
     * @return that input
     * @throws RejectedInputException (kind MODEL) naming the offending input otherwise
     */
    public TensorInfo validateForImageModel() {
        List<ValueInfoProto> inputs = new GraphIndex(proto.getGraph()).runtimeInputs();
        if (inputs.size() != 1) {
            List<String> names = inputs.stream().map(ValueInfoProto::getName).toList();
            throw new RejectedInputException(Kind.MODEL, name + ", graph inputs " + names,
                    "the model has " + inputs.size() + " inputs; auditgate needs exactly one float image input [N,3,H,W]",
                    "export the model with a single image input (fold other inputs into the graph as constants)");
        }
        TensorInfo input = GraphIndex.tensorInfo(inputs.get(0));
        String where = name + ", input '" + input.name() + "'";
        if (!input.elementType().equals("FLOAT")) {
            throw new RejectedInputException(Kind.MODEL, where, "its element type is " + input.elementType()
                    + ", not FLOAT", "export the model with a float32 image input [N,3,H,W]");
        }
        if (input.rank() != 4) {
            throw new RejectedInputException(Kind.MODEL, where, "its shape is " + input.dims()
                    + ", not an image batch [N,3,H,W]", "export the model with a float32 image input [N,3,H,W] (NCHW)");
        }
        long channels = input.fixedDim(1);
        if (channels != -1 && channels != 3) {
            throw new RejectedInputException(Kind.MODEL, where, "its shape is " + input.dims()
                    + ": the channel axis (1) is " + channels + ", not 3",
                    "export the model with an NCHW input of 3 channels; auditgate replicates grey images to 3 channels");
        }
        return input;
    }

    /**
     * Describes the model: identity, inputs, outputs, parameter count, metadata and the automatically located feature
     * tensor.
     *
     * @return the description
     */
    public ModelInfo inspect() {
        GraphProto graph = proto.getGraph();
        GraphIndex index = new GraphIndex(graph);
        Map<String, Long> opsets = new LinkedHashMap<>();
        for (OperatorSetIdProto o : proto.getOpsetImportList()) {
            opsets.put(o.getDomain(), o.getVersion());
        }
        List<TensorInfo> inputs = index.runtimeInputs().stream().map(GraphIndex::tensorInfo).toList();
        List<TensorInfo> outputs = graph.getOutputList().stream().map(GraphIndex::tensorInfo).toList();
        Optional<FeatureTensor> feature;
        try {
            feature = Optional.of(FeatureLocator.locate(proto, Optional.empty()));
        } catch (RejectedInputException e) {
            feature = Optional.empty();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (StringStringEntryProto e : proto.getMetadataPropsList()) {
            metadata.put(e.getKey(), e.getValue());
        }
        String producer = (proto.getProducerName() + " " + proto.getProducerVersion()).strip();
        return new ModelInfo(name, sha256, bytes.length, producer, proto.getIrVersion(), opsets, inputs, outputs,
                parameterCount(graph), feature, metadata);
    }

    /** The parsed model. */
    public ModelProto proto() {
        return proto;
    }

    /** The model's bytes exactly as received; do not modify. */
    public byte[] bytes() {
        return bytes;
    }

    /** Lower-case hex SHA-256 of {@link #bytes()}. */
    public String sha256() {
        return sha256;
    }

    /** The file name the model came with. */
    public String name() {
        return name;
    }

    private static long parameterCount(GraphProto graph) {
        long count = 0;
        for (TensorProto t : graph.getInitializerList()) {
            count += TensorValues.elementCount(t);
        }
        for (SparseTensorProto s : graph.getSparseInitializerList()) {
            long dense = 1;
            for (long d : s.getDimsList()) {
                dense *= d;
            }
            count += dense;
        }
        for (NodeProto node : graph.getNodeList()) {
            for (AttributeProto a : node.getAttributeList()) {
                if (node.getOpType().equals("Constant") && a.hasT()) {
                    count += TensorValues.elementCount(a.getT());
                }
                if (a.hasG()) {
                    count += parameterCount(a.getG());
                }
                for (GraphProto g : a.getGraphsList()) {
                    count += parameterCount(g);
                }
            }
        }
        return count;
    }

    private static void checkOpsets(ModelProto proto, String name) {
        for (OperatorSetIdProto o : proto.getOpsetImportList()) {
            if (!KNOWN_DOMAINS.contains(o.getDomain())) {
                throw unknownDomain(name, "opset_import", o.getDomain());
            }
        }
    }

    private static void checkGraph(GraphProto graph, String name, String where) {
        for (TensorProto t : graph.getInitializerList()) {
            checkTensor(t, name, where + ", initializer '" + t.getName() + "'");
        }
        for (SparseTensorProto s : graph.getSparseInitializerList()) {
            checkTensor(s.getValues(), name, where + ", sparse initializer '" + s.getValues().getName() + "'");
            checkTensor(s.getIndices(), name, where + ", sparse initializer '" + s.getValues().getName() + "' indices");
        }
        for (NodeProto node : graph.getNodeList()) {
            checkNode(node, name, where);
        }
    }

    private static void checkNode(NodeProto node, String name, String where) {
        String nodeWhere = where + ", node " + GraphIndex.describe(node);
        if (!KNOWN_DOMAINS.contains(node.getDomain())) {
            throw unknownDomain(name, nodeWhere, node.getDomain());
        }
        for (AttributeProto a : node.getAttributeList()) {
            String attrWhere = nodeWhere + ", attribute '" + a.getName() + "'";
            if (a.hasT()) {
                checkTensor(a.getT(), name, attrWhere);
            }
            for (TensorProto t : a.getTensorsList()) {
                checkTensor(t, name, attrWhere);
            }
            if (a.hasSparseTensor()) {
                checkTensor(a.getSparseTensor().getValues(), name, attrWhere);
                checkTensor(a.getSparseTensor().getIndices(), name, attrWhere);
            }
            for (SparseTensorProto s : a.getSparseTensorsList()) {
                checkTensor(s.getValues(), name, attrWhere);
                checkTensor(s.getIndices(), name, attrWhere);
            }
            List<GraphProto> subgraphs = new ArrayList<>(a.getGraphsList());
            if (a.hasG()) {
                subgraphs.add(a.getG());
            }
            for (GraphProto g : subgraphs) {
                checkGraph(g, name, attrWhere + ", subgraph '" + g.getName() + "'");
            }
        }
    }

    private static void checkTensor(TensorProto t, String name, String where) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            String location = t.getExternalDataList().stream()
                    .filter(e -> e.getKey().equals("location")).map(StringStringEntryProto::getValue)
                    .findFirst().orElse("an unnamed file");
            throw new RejectedInputException(Kind.MODEL, name + ", " + where,
                    "the tensor's data lives in an external file (" + location + "), which auditgate does not accept",
                    "save the model with all tensors inside the .onnx file (onnx.save_model(model, path, save_as_external_data=False)); models over 2 GB are not supported");
        }
    }

    private static RejectedInputException unknownDomain(String name, String where, String domain) {
        return new RejectedInputException(Kind.MODEL, name + ", " + where,
                "operator domain '" + domain + "' is not one ONNX Runtime provides",
                "export the model with standard ONNX operators (accepted domains: " + String.join(", ",
                        KNOWN_DOMAINS.stream().sorted().map(d -> d.isEmpty() ? "'' (default)" : d).toList()) + ")");
    }

}
