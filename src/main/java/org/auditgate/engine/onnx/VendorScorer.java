package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * Runs a vendor model once per batch and returns both its binary score and the backbone features.
 *
 * <p>{@link #open} checks the model takes a float image and has a binary score output ({@code [N]}, {@code [N,1]} or
 * {@code [N,2]}), locates the feature tensor, rewrites the graph to expose it ({@link GraphSurgery#exposeFeatures})
 * and opens one {@link InferenceSession}. Memory use is that of one batch.
 */
public final class VendorScorer implements AutoCloseable {

    private static final Set<String> PASS_THROUGH = Set.of(
            "Identity", "Reshape", "DequantizeLinear", "QuantizeLinear", "Flatten", "Squeeze", "Unsqueeze", "Cast");
    private static final Set<String> PROBABILITY_OPS = Set.of("Sigmoid", "Softmax", "QLinearSigmoid", "QLinearSoftmax");

    private final String modelName;
    private final InferenceSession session;
    private final FeatureTensor feature;
    private final String scoreOutput;
    private final ScoreKind kind;
    private final int positiveIndex;
    private final long fixedHeight;
    private final long fixedWidth;
    private volatile int featureDimension;

    private VendorScorer(String modelName, InferenceSession session, FeatureTensor feature, String scoreOutput,
            ScoreKind kind, int positiveIndex, TensorInfo input) {
        this.modelName = modelName;
        this.session = session;
        this.feature = feature;
        this.scoreOutput = scoreOutput;
        this.kind = kind;
        this.positiveIndex = positiveIndex;
        this.fixedHeight = input.fixedDim(2);
        this.fixedWidth = input.fixedDim(3);
        this.featureDimension = (int) feature.dimension();
    }

    /**
     * Checks the model, rewrites it and opens a session.
     *
     * @param model the vendor model
     * @param featureTensor the feature tensor named in the manifest, or empty to locate it automatically
     * @param spec which output is the score and how to read it
     * @param runtime device and threads
     * @return the scorer; close it
     * @throws RejectedInputException (kind MODEL) when the model has no float image input, no binary score output or
     *     no feature tensor
     */
    public static VendorScorer open(OnnxModel model, Optional<String> featureTensor, ScoreSpec spec,
            RuntimeOptions runtime) {
        TensorInfo input = model.validateForImageModel();
        ModelProto proto = model.proto();
        String output = spec.output().orElse(proto.getGraph().getOutput(0).getName());
        ValueInfoProto declared = proto.getGraph().getOutputList().stream()
                .filter(o -> o.getName().equals(output)).findFirst()
                .orElseThrow(() -> new RejectedInputException(Kind.MODEL, model.name() + ", output '" + output + "'",
                        "the model has no output of that name (its outputs are "
                                + proto.getGraph().getOutputList().stream().map(ValueInfoProto::getName).toList() + ")",
                        "name one of the model's outputs as the score in the submission manifest"));
        checkScoreShape(model.name(), GraphIndex.tensorInfo(declared));
        ScoreKind resolved = spec.kind() == ScoreKind.AUTO ? detectKind(proto, output) : spec.kind();
        FeatureTensor feature = FeatureLocator.locate(proto, featureTensor);
        ModelProto exposed = GraphSurgery.exposeFeatures(proto, feature);
        InferenceSession session = InferenceSession.open(exposed.toByteArray(), runtime);
        return new VendorScorer(model.name(), session, feature, output, resolved, spec.positiveIndex(), input);
    }

    private static void checkScoreShape(String modelName, TensorInfo out) {
        if (out.rank() == 0 && out.elementType().equals("?")) {
            return;
        }
        boolean ok = out.rank() == 1 || (out.rank() == 2 && Set.of(-1L, 1L, 2L).contains(out.fixedDim(1)));
        if (!ok) {
            throw notBinary(modelName, out.name(), out.dims().toString());
        }
    }

    private static RejectedInputException notBinary(String modelName, String output, String shape) {
        return new RejectedInputException(Kind.MODEL, modelName,
                "output " + output + " has shape " + shape + ": auditgate needs a binary score: [N,1] or [N,2]",
                "submit the model with a binary head, or name its binary score output in the submission manifest");
    }

    private static ScoreKind detectKind(ModelProto proto, String output) {
        GraphIndex index = new GraphIndex(proto.getGraph());
        Optional<NodeProto> node = index.producer(output);
        while (node.isPresent() && PASS_THROUGH.contains(node.get().getOpType())) {
            node = index.producer(node.get().getInput(0));
        }
        return node.isPresent() && PROBABILITY_OPS.contains(node.get().getOpType())
                ? ScoreKind.PROBABILITY : ScoreKind.LOGIT;
    }

    /** The feature tensor whose values {@link #score} returns. */
    public FeatureTensor featureTensor() {
        return feature;
    }

    /** F, the number of features per image; -1 until the first batch when the graph does not declare it. */
    public int featureDimension() {
        return featureDimension;
    }

    /** How the score output is read: PROBABILITY or LOGIT, never AUTO. */
    public ScoreKind scoreKind() {
        return kind;
    }

    /** The name of the score output. */
    public String scoreOutput() {
        return scoreOutput;
    }

    /** The device the model runs on. */
    public Device activeDevice() {
        return session.activeDevice();
    }

    /**
     * Scores a batch of preprocessed square images.
     *
     * @param nchw the images, {@code n × 3 × size × size}, row-major
     * @param n the number of images
     * @param size the image side in pixels
     * @return one score per image (probability of the positive class) and the n × F features
     * @throws IllegalArgumentException when the array does not hold n images of that size, or the model needs another
     *     size
     * @throws RejectedInputException when the score output turns out not to be binary
     */
    public ScoredBatch score(float[] nchw, int n, int size) {
        if ((fixedHeight > 0 && fixedHeight != size) || (fixedWidth > 0 && fixedWidth != size)) {
            throw new IllegalArgumentException("the model takes " + fixedHeight + "×" + fixedWidth
                    + " images, not " + size + "×" + size + "; preprocess to the model's input size");
        }
        if (n <= 0) {
            throw new IllegalArgumentException("a batch needs at least one image, not " + n);
        }
        Set<String> outputs = new LinkedHashSet<>(List.of(scoreOutput, feature.outputName()));
        var result = session.run(nchw, new long[] {n, 3, size, size}, outputs);
        float[] raw = result.get(scoreOutput);
        float[] features = result.get(feature.outputName());
        if (raw.length % n != 0 || (raw.length / n != 1 && raw.length / n != 2)) {
            throw notBinary(modelName, scoreOutput, raw.length % n == 0
                    ? "[" + n + "," + raw.length / n + "]" : raw.length + " values for " + n + " images");
        }
        featureDimension = features.length / n;
        int columns = raw.length / n;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = columns == 1 ? single(raw[i]) : pair(raw[2 * i], raw[2 * i + 1]);
        }
        return new ScoredBatch(scores, features);
    }

    private double single(float value) {
        return kind == ScoreKind.PROBABILITY ? value : 1.0 / (1.0 + Math.exp(-(double) value));
    }

    private double pair(float first, float second) {
        double positive = positiveIndex == 0 ? first : second;
        double negative = positiveIndex == 0 ? second : first;
        return kind == ScoreKind.PROBABILITY ? positive : 1.0 / (1.0 + Math.exp(negative - positive));
    }

    @Override
    public void close() {
        session.close();
    }
}
