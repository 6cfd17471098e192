package org.auditgate.engine.demo;


import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.onnx.GraphBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo vendor's backbone: a fixed (untrained) multi-scale filter bank written as an ONNX
 * graph, opset 13, IR version 8.
 *
 * <p>Input {@value #INPUT} float {@code [N,3,224,224]}: grey replicated to RGB, scaled to [0,1],
 * then normalised with mean 0.5 and std 0.25 per channel (recorded in the model's
 * {@code metadata_props}). Output {@value #OUTPUT} float {@code [N,24]}, in the order of
 * {@link #FEATURE_NAMES}:
 * <ul>
 *   <li>8 high-pass filters on the grey image (valid 5×5 convolutions: Laplacian, second
 *       derivatives across x, y and both diagonals, period-4 comb filters in x and y, and a
 *       checkerboard filter), each summarised by its mean absolute response and its mean square
 *       (16 features): these see grid lines, grain, banding and blockiness;
 *   <li>8 low-frequency features: a difference-of-Gaussians blob detector after 4×4 and after 8×8
 *       average pooling (mean and maximum of its positive part), mean absolute smoothed gradients
 *       in x and y at the 4×4 scale, the mean grey level and the mean square at the 8×8 scale:
 *       these see the anatomy and the pneumonia opacities.
 * </ul>
 * No weight is learned: the filters are fixed so that the demo's head has both kinds of signal to
 * choose from, and its choice (the artifact) is what the audit exposes.
 */
public final class DemoBackbone {

    /** Name of the input tensor. */
    public static final String INPUT = "image";
    /** Name of the feature tensor, the input of the vendor's classifier. */
    public static final String OUTPUT = "features";
    /** Input side length in pixels. */
    public static final int SIZE = 224;
    /** Per-channel mean the evaluator subtracts after scaling to [0,1]. */
    public static final float MEAN = 0.5f;
    /** Per-channel standard deviation the evaluator divides by. */
    public static final float STD = 0.25f;
    /** What each of the {@code features} columns measures, in order. */
    public static final List<String> FEATURE_NAMES = List.of(
            "hp.laplacian.abs", "hp.d2x.abs", "hp.d2y.abs", "hp.diag.abs", "hp.antidiag.abs",
            "hp.comb4x.abs", "hp.comb4y.abs", "hp.checker.abs",
            "hp.laplacian.sq", "hp.d2x.sq", "hp.d2y.sq", "hp.diag.sq", "hp.antidiag.sq",
            "hp.comb4x.sq", "hp.comb4y.sq", "hp.checker.sq",
            "lf4.blob.mean", "lf4.blob.max", "lf4.gradx.abs", "lf4.grady.abs",
            "lf8.blob.mean", "lf8.blob.max", "grey.mean", "lf8.sq");
    /** Number of features. */
    public static final int FEATURES = FEATURE_NAMES.size();

    private DemoBackbone() {
    }

    /** Builds the backbone model. */
    public static OnnxMl.ModelProto build() {
        OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("demo-backbone");
        GraphWriter g = new GraphWriter(graph);
        graph.addInput(GraphBuilder.valueInfo(INPUT, OnnxMl.TensorProto.DataType.FLOAT, "N", "3", String.valueOf(SIZE), String.valueOf(SIZE)));

        String grey = g.node("Conv", "grey", List.of(INPUT,
                g.constant("grey_w", new float[] {1f / 3, 1f / 3, 1f / 3}, 1, 3, 1, 1)));

        String highPass = g.node("Conv", "highpass", List.of(grey, g.constant("highpass_w", highPassBank(), 8, 1, 5, 5)));
        String hpAbs = g.node("GlobalAveragePool", "hp_abs", List.of(g.node("Abs", "abs", List.of(highPass))));
        String hpSq = g.node("GlobalAveragePool", "hp_sq", List.of(g.node("Mul", "sq", List.of(highPass, highPass))));

        String pool4 = g.node("AveragePool", "pool4", List.of(grey),
                GraphBuilder.intsAttribute("kernel_shape", 4, 4), GraphBuilder.intsAttribute("strides", 4, 4));
        String blob4 = g.node("Relu", "blob4", List.of(g.node("Conv", "dog4", List.of(pool4,
                g.constant("dog4_w", differenceOfGaussians(7, 1.5, 3.0), 1, 1, 7, 7)))));
        String grad4 = g.node("Abs", "grad4", List.of(g.node("Conv", "grad4conv", List.of(pool4,
                g.constant("grad4_w", gradients(7, 1.5), 2, 1, 7, 7)))));

        String pool8 = g.node("AveragePool", "pool8", List.of(grey),
                GraphBuilder.intsAttribute("kernel_shape", 8, 8), GraphBuilder.intsAttribute("strides", 8, 8));
        String blob8 = g.node("Relu", "blob8", List.of(g.node("Conv", "dog8", List.of(pool8,
                g.constant("dog8_w", differenceOfGaussians(5, 1.0, 2.0), 1, 1, 5, 5)))));

        List<String> parts = new ArrayList<>(List.of(hpAbs, hpSq,
                g.node("GlobalAveragePool", "blob4_mean", List.of(blob4)),
                g.node("GlobalMaxPool", "blob4_max", List.of(blob4)),
                g.node("GlobalAveragePool", "grad4_mean", List.of(grad4)),
                g.node("GlobalAveragePool", "blob8_mean", List.of(blob8)),
                g.node("GlobalMaxPool", "blob8_max", List.of(blob8)),
                g.node("GlobalAveragePool", "grey_mean", List.of(grey)),
                g.node("GlobalAveragePool", "pool8_sq", List.of(g.node("Mul", "sq8", List.of(pool8, pool8))))));
        String concat = g.node("Concat", "concat", parts, GraphBuilder.intAttribute("axis", 1));
        g.nodeTo("Flatten", OUTPUT, List.of(concat), GraphBuilder.intAttribute("axis", 1));
        graph.addOutput(GraphBuilder.valueInfo(OUTPUT, OnnxMl.TensorProto.DataType.FLOAT, "N", String.valueOf(FEATURES)));

        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(8)
                .setProducerName("auditgate-demo")
                .setProducerVersion("1")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph)
                .addMetadataProps(entry("auditgate.input.size", Integer.toString(SIZE)))
                .addMetadataProps(entry("auditgate.input.mean", MEAN + "," + MEAN + "," + MEAN))
                .addMetadataProps(entry("auditgate.input.std", STD + "," + STD + "," + STD))
                .build();
    }

    static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /** Eight 5×5 high-pass kernels, row-major, in the order of {@link #FEATURE_NAMES}. */
    static float[] highPassBank() {
        float[][] k = new float[8][25];
        set(k[0], new int[][] {{1, 2}, {2, 1}, {2, 3}, {3, 2}}, 1f);
        k[0][12] = -4f;
        set(k[1], new int[][] {{2, 1}, {2, 3}}, 1f);
        k[1][12] = -2f;
        set(k[2], new int[][] {{1, 2}, {3, 2}}, 1f);
        k[2][12] = -2f;
        set(k[3], new int[][] {{1, 1}, {3, 3}}, 1f);
        k[3][12] = -2f;
        set(k[4], new int[][] {{1, 3}, {3, 1}}, 1f);
        k[4][12] = -2f;
        set(k[5], new int[][] {{2, 0}, {2, 4}}, 0.5f);
        k[5][12] = -1f;
        set(k[6], new int[][] {{0, 2}, {4, 2}}, 0.5f);
        k[6][12] = -1f;
        float[] d2 = {1, -2, 1};
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                k[7][(r + 1) * 5 + c + 1] = d2[r] * d2[c] / 4f;
            }
        }
        float[] all = new float[8 * 25];
        for (int i = 0; i < 8; i++) {
            System.arraycopy(k[i], 0, all, i * 25, 25);
        }
        return all;
    }

    private static void set(float[] kernel, int[][] cells, float value) {
        for (int[] rc : cells) {
            kernel[rc[0] * 5 + rc[1]] = value;
        }
    }

    /** Normalised Gaussian(narrow) minus normalised Gaussian(wide): responds to bright blobs. */
    static float[] differenceOfGaussians(int size, double narrow, double wide) {
        double[] a = gaussian2d(size, narrow);
        double[] b = gaussian2d(size, wide);
        float[] k = new float[size * size];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (a[i] - b[i]);
        }
        return k;
    }

    /** Derivative-of-Gaussian kernels in x then y, each with unit absolute sum. */
    static float[] gradients(int size, double sigma) {
        double[] g = gaussian2d(size, sigma);
        int c = size / 2;
        float[] k = new float[2 * size * size];
        double sumX = 0;
        for (int r = 0; r < size; r++) {
            for (int col = 0; col < size; col++) {
                double dx = -(col - c) * g[r * size + col];
                sumX += Math.abs(dx);
                k[r * size + col] = (float) dx;
                k[size * size + col * size + r] = (float) dx;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sumX;
        }
        return k;
    }

    private static double[] gaussian2d(int size, double sigma) {
        int c = size / 2;
        double[] g = new double[size * size];
        double sum = 0;
        for (int r = 0; r < size; r++) {
            for (int col = 0; col < size; col++) {
                double v = StrictMath.exp(-((r - c) * (r - c) + (col - c) * (col - c)) / (2 * sigma * sigma));
                g[r * size + col] = v;
                sum += v;
            }
        }
        for (int i = 0; i < g.length; i++) {
            g[i] /= sum;
        }
        return g;
    }
}
