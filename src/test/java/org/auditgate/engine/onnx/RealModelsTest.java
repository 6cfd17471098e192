package org.auditgate.engine.onnx;

import static ai.onnx.proto.OnnxMl.TensorProto.DataType.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The two real models in the shared data: MobileNetV2-int8 (quantized, 1000 classes) and PaddleOCR's classifier. */
class RealModelsTest {

    private static final int IMAGES = 4;
    private static final int SIZE = 224;
    private static Path data;

    @BeforeEach
    void sharedData() {
        String dir = System.getProperty("auditgate.sharedData", "../shared/data");
        data = Path.of(dir);
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("models")),
                "real-data tests skipped: no shared data at " + data.toAbsolutePath() + " (set -Dauditgate.sharedData)");
    }

    private static OnnxModel mobileNet() {
        return OnnxModel.read(data.resolve("models/mobilenetv2-12-int8.onnx"));
    }

    private static OnnxModel paddle() {
        return OnnxModel.read(data.resolve("models/ch_ppocr_mobile_v2.0_cls_infer.onnx"));
    }

    /** The first chest X-rays of the manifest: resized to 224×224 RGB, /255, ImageNet mean/std, NCHW. */
    private static float[] chestXrays() throws IOException {
        Path root = data.resolve("cxr-covid-pneumonia");
        List<String> lines = Files.readAllLines(root.resolve("manifest.csv"));
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        float[] out = new float[IMAGES * 3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int i = 0; i < IMAGES; i++) {
            BufferedImage source = ImageIO.read(root.resolve(lines.get(1 + i).split(",")[0]).toFile());
            BufferedImage rgb = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, SIZE, SIZE, null);
            g.dispose();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int p = rgb.getRGB(x, y);
                    for (int c = 0; c < 3; c++) {
                        float v = ((p >> (16 - 8 * c)) & 0xff) / 255f;
                        out[(i * 3 + c) * plane + y * SIZE + x] = (v - mean[c]) / std[c];
                    }
                }
            }
        }
        return out;
    }

    private static final long[] XRAY_SHAPE = {IMAGES, 3, SIZE, SIZE};

    @Test
    void mobileNetIsDescribed() {
        OnnxModel model = mobileNet();
        ModelInfo info = model.inspect();
        // README of the shared data: sha256 83530ad8…f54f
        assertThat(info.sha256()).startsWith("83530ad8").endsWith("f54f");
        assertThat(info.irVersion()).isEqualTo(7);
        assertThat(info.producer()).startsWith("onnx.quantize");
        assertThat(info.opsets()).containsEntry("", 12L).containsEntry("com.microsoft", 1L).hasSize(7);
        assertThat(info.inputs()).containsExactly(new TensorInfo("input", "FLOAT", List.of("batch_size", "3", "224", "224")));
        assertThat(info.outputs()).containsExactly(new TensorInfo("output", "FLOAT", List.of("batch_size", "1000")));
        // /usr/bin/python3 -c "import onnx; from onnx import numpy_helper as h;
        //   m = onnx.load('mobilenetv2-12-int8.onnx'); print(sum(h.to_array(i).size for i in m.graph.initializer))"
        // prints 3524064; the model has no Constant nodes.
        assertThat(info.parameterCount()).isEqualTo(3_524_064L);
        assertThat(info.featureTensor()).contains(new FeatureTensor("472_quantized", "auditgate_features", 1280,
                "input of QLinearMatMul 'Gemm_104_MatMul_quant', dequantized with 464_scale/464_zero_point"));
        assertThat(model.validateForImageModel().name()).isEqualTo("input");
    }

    /**
     * The original classifier alone: float features [N,1280] → QuantizeLinear(464_scale, 464_zero_point) → the
     * original QLinearMatMul → QLinearAdd → DequantizeLinear, with the original initializers.
     */
    private static ModelProto classifierOnly(ModelProto full) {
        List<NodeProto> nodes = full.getGraph().getNodeList();
        List<NodeProto> tail = nodes.subList(nodes.size() - 3, nodes.size());
        Set<String> needed = new java.util.HashSet<>(List.of("464_scale", "464_zero_point"));
        tail.forEach(n -> needed.addAll(n.getInputList()));
        GraphBuilder b = new GraphBuilder("classifier").opset("com.microsoft", 1)
                .input("features", FLOAT, "N", "1280")
                .node("QuantizeLinear", List.of("features", "464_scale", "464_zero_point"), List.of("472_quantized"));
        for (TensorProto t : full.getGraph().getInitializerList()) {
            if (needed.contains(t.getName())) {
                b.initializer(t);
            }
        }
        for (NodeProto n : tail) {
            b.node(n.getDomain(), n.getOpType(), n.getInputList(), n.getOutputList());
        }
        return b.output("output", FLOAT, "N", "1000").build();
    }

    @Test
    void mobileNetFeaturesReproduceTheOriginalLogitsThroughTheOriginalClassifier() throws IOException {
        OnnxModel model = mobileNet();
        FeatureTensor feature = FeatureLocator.locate(model.proto(), Optional.empty());
        ModelProto exposed = GraphSurgery.exposeFeatures(model.proto(), feature);
        float[] xrays = chestXrays();
        Map<String, float[]> out;
        try (InferenceSession session = InferenceSession.open(exposed.toByteArray(), RuntimeOptions.cpu())) {
            out = session.run(xrays, XRAY_SHAPE, Set.of("output", "auditgate_features"));
        }
        float[] features = out.get("auditgate_features");
        assertThat(features).hasSize(IMAGES * 1280);
        // dequantized uint8: every value is a multiple of 464_scale (0.01911005, zero point 0), not all are zero
        float scale = 0.01911005f;
        float max = 0;
        for (float v : features) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
            assertThat((double) v / scale).isCloseTo(Math.rint(v / scale), within(1e-3));
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(0.1f);
        float[] logits;
        try (InferenceSession head = InferenceSession.open(classifierOnly(model.proto()).toByteArray(), RuntimeOptions.cpu())) {
            logits = head.run(features, new long[] {IMAGES, 1280}, Set.of("output")).get("output");
        }
        // re-quantizing a dequantized value gives back the same uint8, so the logits agree up to float rounding
        assertThat(logits).containsExactly(out.get("output"), within(1e-4f));
        try (InferenceSession original = InferenceSession.open(model.bytes(), RuntimeOptions.cpu())) {
            float[] unchanged = original.run(xrays, XRAY_SHAPE, Set.of("output")).get("output");
            assertThat(out.get("output")).containsExactly(unchanged);
        }
    }

    @Test
    void mobileNetWithAGraftedBinaryHeadScoresSigmoidOfFeaturesTimesWeights() throws IOException {
        OnnxModel model = mobileNet();
        FeatureTensor feature = FeatureLocator.locate(model.proto(), Optional.empty());
        SplittableRandom random = new SplittableRandom(42);
        float[] w = new float[1280];
        for (int j = 0; j < w.length; j++) {
            w[j] = (float) (random.nextDouble() - 0.5) * 0.1f;
        }
        float bias = -0.7f;
        ModelProto binary = GraphSurgery.graftBinaryHead(model.proto(), feature, w, bias, "probability");
        float[] xrays = chestXrays();
        float[] features;
        try (InferenceSession session = InferenceSession.open(
                GraphSurgery.exposeFeatures(model.proto(), feature).toByteArray(), RuntimeOptions.cpu())) {
            features = session.run(xrays, XRAY_SHAPE, Set.of("auditgate_features")).get("auditgate_features");
        }
        OnnxModel vendor = OnnxModel.of(binary, "vendor-binary.onnx");
        assertThat(vendor.inspect().outputs()).containsExactly(new TensorInfo("probability", "FLOAT", List.of("?", "1")));
        try (VendorScorer scorer = VendorScorer.open(vendor, Optional.empty(), ScoreSpec.auto(), RuntimeOptions.cpu())) {
            assertThat(scorer.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
            assertThat(scorer.featureDimension()).isEqualTo(1280);
            ScoredBatch batch = scorer.score(xrays, IMAGES, SIZE);
            assertThat(batch.features()).containsExactly(features, within(1e-6f));
            for (int i = 0; i < IMAGES; i++) {
                double z = bias;
                for (int j = 0; j < 1280; j++) {
                    z += (double) features[i * 1280 + j] * w[j];
                }
                assertThat(batch.scores()[i]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-5));
            }
        }
    }

    @Test
    void paddleOcrIsDescribedWithDynamicDims() {
        ModelInfo info = paddle().inspect();
        assertThat(info.opsets()).containsExactly(Map.entry("", 9L));
        assertThat(info.inputs()).containsExactly(new TensorInfo("x", "FLOAT",
                List.of("p2o.DynamicDimension.0", "3", "p2o.DynamicDimension.1", "p2o.DynamicDimension.2")));
        assertThat(info.outputs()).containsExactly(new TensorInfo("softmax_0.tmp_0", "FLOAT",
                List.of("p2o.DynamicDimension.3", "2")));
        // /usr/bin/python3: sum of numpy_helper.to_array(a.t).size over the 'value' of all 250 Constant nodes
        // (the model has no initializers) = 133665
        assertThat(info.parameterCount()).isEqualTo(133_665L);
        assertThat(info.featureTensor()).contains(new FeatureTensor("reshape2_0.tmp_0", "auditgate_features", 200,
                "input of MatMul 'p2o.MatMul.0'"));
    }

    @Test
    void paddleOcrFeaturesThroughMatMulAddSoftmaxReproduceItsOutput() {
        OnnxModel model = paddle();
        FeatureTensor feature = FeatureLocator.locate(model.proto(), Optional.empty());
        GraphIndex index = new GraphIndex(model.proto().getGraph());
        float[] w = TensorValues.floats(index.constant("fc_0.w_0").orElseThrow());
        float[] b = TensorValues.floats(index.constant("fc_0.b_0").orElseThrow());
        int n = 2;
        float[] x = new float[n * 3 * 48 * 192];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        Map<String, float[]> out;
        try (InferenceSession session = InferenceSession.open(
                GraphSurgery.exposeFeatures(model.proto(), feature).toByteArray(), RuntimeOptions.cpu())) {
            out = session.run(x, new long[] {n, 3, 48, 192}, Set.of("softmax_0.tmp_0", "auditgate_features"));
        }
        float[] features = out.get("auditgate_features");
        float[] softmax = out.get("softmax_0.tmp_0");
        assertThat(features).hasSize(n * 200);
        for (int i = 0; i < n; i++) {
            double[] z = {b[0], b[1]};
            for (int j = 0; j < 200; j++) {
                z[0] += (double) features[i * 200 + j] * w[2 * j];
                z[1] += (double) features[i * 200 + j] * w[2 * j + 1];
            }
            double p1 = 1 / (1 + Math.exp(z[0] - z[1]));
            assertThat((double) softmax[2 * i + 1]).isCloseTo(p1, within(1e-5));
            assertThat((double) softmax[2 * i]).isCloseTo(1 - p1, within(1e-5));
        }
    }

    @Test
    void paddleOcrScoresAreItsSoftmaxColumn() {
        OnnxModel model = paddle();
        int n = 3;
        int size = 64;
        float[] x = new float[n * 3 * size * size];
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        float[] softmax;
        try (InferenceSession original = InferenceSession.open(model.bytes(), RuntimeOptions.cpu())) {
            softmax = original.run(x, new long[] {n, 3, size, size}, Set.of("softmax_0.tmp_0")).get("softmax_0.tmp_0");
        }
        try (VendorScorer scorer = VendorScorer.open(model, Optional.empty(), ScoreSpec.auto(), RuntimeOptions.cpu())) {
            assertThat(scorer.scoreKind()).isEqualTo(ScoreKind.PROBABILITY);
            ScoredBatch batch = scorer.score(x, n, size);
            for (int i = 0; i < n; i++) {
                assertThat(batch.scores()[i]).isCloseTo(softmax[2 * i + 1], within(1e-6));
            }
            assertThat(batch.featureDimension()).isEqualTo(200);
        }
    }
}
