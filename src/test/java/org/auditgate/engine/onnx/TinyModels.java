package org.auditgate.engine.onnx;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static ai.onnx.proto.OnnxMl.TensorProto.DataType.UINT8;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Tiny image classifiers built in code. Each takes {@code image} float [N,3,4,4], pools it to the three channel means
 * ({@code flat}, [N,3]) and ends in a different kind of final layer, so the features are easy to compute by hand.
 */
final class TinyModels {

    static final int SIZE = 4;
    /** Weights of the 3→2 head, row-major [3,2]. */
    static final float[] W32 = {0.5f, -1.0f, 2.0f, 0.25f, -1.5f, 0.75f};
    static final float[] B2 = {0.1f, -0.2f};
    /** Weights of the 3→1 head. */
    static final float[] W31 = {1.5f, -2.0f, 0.5f};
    static final float B1 = 0.3f;
    /** Quantization of the pooled features in the quantized models. */
    static final float SCALE = 0.01f;
    static final int ZERO_POINT = 20;

    private TinyModels() {
    }

    private static GraphBuilder pooled(String name) {
        return new GraphBuilder(name)
                .input("image", FLOAT, "N", "3", "4", "4")
                .node("GlobalAveragePool", List.of("image"), List.of("pooled"))
                .node("Flatten", List.of("pooled"), List.of("flat"), GraphBuilder.intAttribute("axis", 1));
    }

    /** flat → Gemm(W[3,2], b) → {@code logits} [N,2]. */
    static ModelProto gemmHeaded() {
        return pooled("gemm")
                .initializer(GraphBuilder.floatTensor("fc.w", W32, 3, 2))
                .initializer(GraphBuilder.floatTensor("fc.b", B2, 2))
                .node("Gemm", List.of("flat", "fc.w", "fc.b"), List.of("logits"))
                .output("logits", FLOAT, "N", "2")
                .build();
    }

    /** flat → MatMul(W[3,1]) → Add(b) → Sigmoid → {@code prob} [N,1]. */
    static ModelProto matMulAddHeaded() {
        return pooled("matmul")
                .initializer(GraphBuilder.floatTensor("fc.w", W31, 3, 1))
                .initializer(GraphBuilder.floatTensor("fc.b", new float[] {B1}, 1))
                .node("MatMul", List.of("flat", "fc.w"), List.of("mm"))
                .node("Add", List.of("mm", "fc.b"), List.of("logit"))
                .node("Sigmoid", List.of("logit"), List.of("prob"))
                .output("prob", FLOAT, "N", "1")
                .build();
    }

    /** flat → QuantizeLinear → DequantizeLinear → {@code dq} → MatMul(W[3,1]) → {@code logit} [N,1]. */
    static ModelProto dequantizeMatMul() {
        return quantized(pooled("qdq"))
                .node("DequantizeLinear", List.of("q", "q.scale", "q.zero"), List.of("dq"))
                .initializer(GraphBuilder.floatTensor("fc.w", W31, 3, 1))
                .node("MatMul", List.of("dq", "fc.w"), List.of("logit"))
                .output("logit", FLOAT, "N", "1")
                .build();
    }

    /** flat → QuantizeLinear → {@code q} → QLinearMatMul(Wq[3,2]) → DequantizeLinear → {@code logits} [N,2]. */
    static ModelProto qLinearMatMul() {
        return quantized(pooled("qlinear"))
                .initializer(GraphBuilder.byteTensor("fc.wq", UINT8, new int[] {130, 100, 140, 128, 90, 160}, 3, 2))
                .initializer(GraphBuilder.floatTensor("fc.ws", new float[] {0.02f}))
                .initializer(GraphBuilder.byteTensor("fc.wz", UINT8, new int[] {128}))
                .initializer(GraphBuilder.floatTensor("y.s", new float[] {0.005f}))
                .initializer(GraphBuilder.byteTensor("y.z", UINT8, new int[] {128}))
                .node("QLinearMatMul", List.of("q", "q.scale", "q.zero", "fc.wq", "fc.ws", "fc.wz", "y.s", "y.z"),
                        List.of("yq"))
                .node("DequantizeLinear", List.of("yq", "y.s", "y.z"), List.of("logits"))
                .output("logits", FLOAT, "N", "2")
                .build();
    }

    /** flat → Gemm(W[3,1000]) → {@code logits} [N,1000]: an ImageNet-style head. */
    static ModelProto thousandClasses() {
        return pooled("imagenet")
                .initializer(GraphBuilder.floatTensor("fc.w", new float[3 * 1000], 3, 1000))
                .node("Gemm", List.of("flat", "fc.w"), List.of("logits"))
                .output("logits", FLOAT, "N", "1000")
                .build();
    }

    /** x [N,3] → MatMul(W[3,1]) → {@code y} [N,1]: no image input. */
    static ModelProto tabular() {
        return new GraphBuilder("tabular")
                .input("x", FLOAT, "N", "3")
                .initializer(GraphBuilder.floatTensor("w", W31, 3, 1))
                .node("MatMul", List.of("x", "w"), List.of("y"))
                .output("y", FLOAT, "N", "1")
                .build();
    }

    private static GraphBuilder quantized(GraphBuilder b) {
        return b.initializer(GraphBuilder.floatTensor("q.scale", new float[] {SCALE}))
                .initializer(GraphBuilder.byteTensor("q.zero", UINT8, new int[] {ZERO_POINT}))
                .node("QuantizeLinear", List.of("flat", "q.scale", "q.zero"), List.of("q"));
    }

    /** n random images with values in [0,1). */
    static float[] images(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 3 * SIZE * SIZE];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    /** The channel means of each image: the features of every tiny model before quantization, [n,3]. */
    static float[] channelMeans(float[] images, int n) {
        int plane = SIZE * SIZE;
        float[] means = new float[n * 3];
        for (int c = 0; c < n * 3; c++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += images[c * plane + p];
            }
            means[c] = (float) (sum / plane);
        }
        return means;
    }

    /** Quantize then dequantize as ONNX does (round half to even, saturate to uint8). */
    static float[] quantizeDequantize(float[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            double q = Math.rint(values[i] / SCALE) + ZERO_POINT;
            q = Math.max(0, Math.min(255, q));
            out[i] = (float) ((q - ZERO_POINT) * SCALE);
        }
        return out;
    }
}
