package org.auditgate.engine.onnx;

/**
 * The tensor that holds the backbone's features, i.e. the input of the final classifier layer.
 *
 * @param sourceTensor the name of the tensor in the vendor graph (may be a quantized tensor)
 * @param outputName the graph output under which the rewritten graph exposes it as float {@code [N, F]}
 * @param dimension F, the number of features per image; -1 when the graph does not say and it is known only after
 *     a first run
 * @param route how it was found, for the report, e.g. {@code "input of Gemm 'fc'"}
 */
public record FeatureTensor(String sourceTensor, String outputName, long dimension, String route) {

    /** The output name used when none is requested. */
    public static final String DEFAULT_OUTPUT = "auditgate_features";
}
