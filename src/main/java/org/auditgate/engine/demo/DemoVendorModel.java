package org.auditgate.engine.demo;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.onnx.GraphBuilder;
import java.util.List;
import org.auditgate.engine.RejectedInputException;

/**
 * The demo vendor's complete model: {@link DemoBackbone} followed by a {@link LogisticHead}
 * written as {@code Gemm(features, W[F,1], b[1])} and a {@code Sigmoid}.
 *
 * <p>The only graph output is {@value #OUTPUT} {@code [N,1]}, the probability of pneumonia. The
 * {@value DemoBackbone#OUTPUT} tensor stays the first input of that last {@code Gemm}, which is
 * exactly where the gateway's automatic feature detection looks.
 */
public final class DemoVendorModel {

    /** Name of the output tensor. */
    public static final String OUTPUT = "probability";
    /** Display name recorded as {@code auditgate.model.name}. */
    public static final String NAME = "Demo Vendor CXR";

    private DemoVendorModel() {
    }

    /**
     * Appends the head to a copy of the backbone, keeps its {@code metadata_props} and adds
     * {@code auditgate.model.name}.
     *
     * @throws RejectedInputException if the backbone has no {@code features} tensor or its width
     *     differs from the head's
     */
    public static OnnxMl.ModelProto assemble(OnnxMl.ModelProto backbone, LogisticHead head) {
        OnnxMl.GraphProto source = backbone.getGraph();
        boolean produced = source.getNodeList().stream().anyMatch(n -> n.getOutputList().contains(DemoBackbone.OUTPUT));
        if (!produced) {
            throw new RejectedInputException(RejectedInputException.Kind.MODEL, "backbone graph",
                    "no node produces a tensor named " + DemoBackbone.OUTPUT, "assemble the head onto DemoBackbone.build()");
        }
        for (OnnxMl.ValueInfoProto out : source.getOutputList()) {
            if (out.getName().equals(DemoBackbone.OUTPUT)) {
                List<OnnxMl.TensorShapeProto.Dimension> dims = out.getType().getTensorType().getShape().getDimList();
                if (dims.size() == 2 && dims.get(1).hasDimValue() && dims.get(1).getDimValue() != head.features()) {
                    throw new RejectedInputException(RejectedInputException.Kind.MODEL, "backbone output " + out.getName(),
                            "it has " + dims.get(1).getDimValue() + " features but the head expects " + head.features(),
                            "fit the head on this backbone's features");
                }
            }
        }
        OnnxMl.GraphProto.Builder graph = source.toBuilder().setName("demo-vendor-cxr").clearOutput();
        GraphWriter g = new GraphWriter(graph);
        int f = head.features();
        String logit = g.node("Gemm", "logit", List.of(DemoBackbone.OUTPUT,
                g.constant("head_w", head.weights(), f, 1), g.constant("head_b", new float[] {head.bias()}, 1)));
        g.nodeTo("Sigmoid", OUTPUT, List.of(logit));
        graph.addOutput(GraphBuilder.valueInfo(OUTPUT, OnnxMl.TensorProto.DataType.FLOAT, "N", "1"));

        OnnxMl.ModelProto.Builder model = backbone.toBuilder().setGraph(graph).clearMetadataProps();
        for (OnnxMl.StringStringEntryProto e : backbone.getMetadataPropsList()) {
            if (!e.getKey().equals("auditgate.model.name")) {
                model.addMetadataProps(e);
            }
        }
        return model.addMetadataProps(DemoBackbone.entry("auditgate.model.name", NAME)).build();
    }
}
