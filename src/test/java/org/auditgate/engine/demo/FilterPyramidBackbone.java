package org.auditgate.engine.demo;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.onnx.GraphBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in for a pretrained CNN's feature extractor, as an ONNX graph (opset 13, IR 8): an image
 * pyramid (the grey image and four 2×2 average-pooled copies: 224, 112, 56, 28, 14 px), on every
 * level a bank of {@value #CHANNELS_PER_LEVEL} fixed 5×5 filters (valid convolution), a per-channel
 * scale folded into the weights as a BatchNorm would be, ReLU and GlobalAveragePool. Output
 * {@value DemoBackbone#OUTPUT} float {@code [N, }{@value #FEATURES}{@code ]}, level by level.
 *
 * <p>Each level's bank: a bright-blob and a dark-blob difference of Gaussians (sigma 0.8 and 1.6),
 * derivatives of a Gaussian in x and y, and {@value #RANDOM_PER_LEVEL} random zero-sum filters
 * drawn from the given seed. Every filter sums to zero, so the pre-ReLU responses have mean about 0
 * and the scale folded in is 1 / (root mean square of the response on calibration images): the
 * features of all levels come out on comparable scales, as they do after a trained network's
 * BatchNorm layers. There is no bias, so a zero-sum filter's {@code GAP(ReLU(response))} is half
 * its mean absolute response up to border effects: each channel is a local energy detector (the
 * bright- and dark-blob pair give nearly equal values).
 *
 * <p>What makes it more like a CNN than {@link DemoBackbone}: every feature is an average of a
 * <em>local</em> detector over the image, so a crop that contains a lesion still shows it (at the
 * level matching the crop's zoom), while fine levels see high-frequency acquisition artifacts.
 * Input and metadata as {@link DemoBackbone} (224 px, mean 0.5, std 0.25), so
 * {@link DemoVendorModel#assemble} accepts it.
 */
public final class FilterPyramidBackbone {

    /** Pyramid levels. */
    public static final int LEVELS = 5;
    /** Filters per level. */
    public static final int CHANNELS_PER_LEVEL = 16;
    /** Random filters per level (after the four designed ones). */
    public static final int RANDOM_PER_LEVEL = CHANNELS_PER_LEVEL - 4;
    /** Number of features. */
    public static final int FEATURES = LEVELS * CHANNELS_PER_LEVEL;

    private static final int K = 5;

    private FilterPyramidBackbone() {
    }

    /**
     * The backbone with each filter divided by its calibration RMS.
     *
     * @param seed seed of the random filters
     * @param rms per feature, the root mean square of that filter's response (from
     *     {@link #calibrationModel(long)}); length {@link #FEATURES}
     */
    public static OnnxMl.ModelProto build(long seed, float[] rms) {
        if (rms.length != FEATURES) {
            throw new IllegalArgumentException("need " + FEATURES + " scales, got " + rms.length);
        }
        return graph(seed, rms, false);
    }

    /**
     * The same filters without scales and with {@code GlobalAveragePool(response²)} instead of
     * {@code GlobalAveragePool(ReLU(response))}: the mean square response per feature and image.
     */
    public static OnnxMl.ModelProto calibrationModel(long seed) {
        float[] ones = new float[FEATURES];
        Arrays.fill(ones, 1f);
        return graph(seed, ones, true);
    }

    /**
     * Per feature, the square root of the mean over images of {@link #calibrationModel(long)}'s
     * output rows ({@code n × FEATURES}, row-major): the scales {@link #build(long, float[])} takes.
     */
    public static float[] rms(float[] meanSquares) {
        if (meanSquares.length == 0 || meanSquares.length % FEATURES != 0) {
            throw new IllegalArgumentException("need whole rows of " + FEATURES + " values, got " + meanSquares.length);
        }
        int n = meanSquares.length / FEATURES;
        float[] out = new float[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += meanSquares[i * FEATURES + j];
            }
            out[j] = (float) Math.sqrt(sum / n);
        }
        return out;
    }

    private static OnnxMl.ModelProto graph(long seed, float[] rms, boolean squares) {
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("filter-pyramid-backbone");
        GraphWriter g = new GraphWriter(graph);
        String size = String.valueOf(DemoBackbone.SIZE);
        graph.addInput(GraphBuilder.valueInfo(DemoBackbone.INPUT, OnnxMl.TensorProto.DataType.FLOAT, "N", "3", size, size));
        String level = g.node("Conv", "grey", List.of(DemoBackbone.INPUT,
                g.constant("grey_w", new float[] {1f / 3, 1f / 3, 1f / 3}, 1, 3, 1, 1)));
        SplittableRandom random = new SplittableRandom(seed);
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < LEVELS; l++) {
            if (l > 0) {
                level = g.node("AveragePool", "pool" + l, List.of(level),
                        GraphBuilder.intsAttribute("kernel_shape", 2, 2), GraphBuilder.intsAttribute("strides", 2, 2));
            }
            float[] weights = bank(random);
            for (int c = 0; c < CHANNELS_PER_LEVEL; c++) {
                for (int i = 0; i < K * K; i++) {
                    weights[c * K * K + i] /= rms[l * CHANNELS_PER_LEVEL + c];
                }
            }
            String response = g.node("Conv", "conv" + l, List.of(level,
                    g.constant("conv" + l + "_w", weights, CHANNELS_PER_LEVEL, 1, K, K)));
            String summary = squares
                    ? g.node("Mul", "sq" + l, List.of(response, response))
                    : g.node("Relu", "relu" + l, List.of(response));
            parts.add(g.node("GlobalAveragePool", "gap" + l, List.of(summary)));
        }
        String concat = g.node("Concat", "concat", parts, GraphBuilder.intAttribute("axis", 1));
        g.nodeTo("Flatten", DemoBackbone.OUTPUT, List.of(concat), GraphBuilder.intAttribute("axis", 1));
        graph.addOutput(GraphBuilder.valueInfo(DemoBackbone.OUTPUT, OnnxMl.TensorProto.DataType.FLOAT, "N",
                String.valueOf(FEATURES)));
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("auditgate-test")
                .setProducerVersion("1")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph)
                .addMetadataProps(DemoBackbone.entry("auditgate.input.size", Integer.toString(DemoBackbone.SIZE)))
                .addMetadataProps(DemoBackbone.entry("auditgate.input.mean", triple(DemoBackbone.MEAN)))
                .addMetadataProps(DemoBackbone.entry("auditgate.input.std", triple(DemoBackbone.STD)))
                .build();
    }

    private static String triple(float v) {
        return v + "," + v + "," + v;
    }

    /** One level's filters, row-major {@code [CHANNELS_PER_LEVEL][5][5]}, each summing to zero. */
    static float[] bank(SplittableRandom random) {
        float[] all = new float[CHANNELS_PER_LEVEL * K * K];
        float[] dog = DemoBackbone.differenceOfGaussians(K, 0.8, 1.6);
        float[] gradients = DemoBackbone.gradients(K, 1.0);
        for (int i = 0; i < K * K; i++) {
            all[i] = dog[i];
            all[K * K + i] = -dog[i];
        }
        System.arraycopy(gradients, 0, all, 2 * K * K, 2 * K * K);
        for (int c = 4; c < CHANNELS_PER_LEVEL; c++) {
            double sum = 0;
            for (int i = 0; i < K * K; i++) {
                double v = ChestPhantom.normal(random);
                all[c * K * K + i] = (float) v;
                sum += v;
            }
            for (int i = 0; i < K * K; i++) {
                all[c * K * K + i] -= (float) (sum / (K * K));
            }
        }
        return all;
    }
}
