package org.auditgate.engine.demo;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Test-side stand-in for the evaluator's preprocessing and inference: read an 8-bit grey PNG,
 * resize its shorter side to 224 with a triangle (bilinear) filter widened for down-scaling as
 * PIL does, centre-crop 224, scale to [0,1], normalise with the demo's mean/std and replicate
 * to three channels; then run an ONNX model in batches.
 */
final class DemoTensors {

    private DemoTensors() {
    }

    static int[] readGrey(Path png, int[] size) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Raster raster = image.getRaster();
        size[0] = image.getWidth();
        size[1] = image.getHeight();
        int[] px = new int[size[0] * size[1]];
        raster.getSamples(0, 0, size[0], size[1], 0, px);
        return px;
    }

    /** Writes the normalised [3,224,224] tensor of one image into {@code out} at {@code offset}. */
    static void preprocess(Path png, float[] out, int offset) throws IOException {
        int[] size = new int[2];
        int[] px = readGrey(png, size);
        int w = size[0];
        int h = size[1];
        int s = DemoBackbone.SIZE;
        int rw = w <= h ? s : (int) Math.round((double) w * s / h);
        int rh = w <= h ? (int) Math.round((double) h * s / w) : s;
        double[] horizontal = new double[rw * h];
        for (int y = 0; y < h; y++) {
            resample(px, y * w, 1, w, horizontal, y * rw, 1, rw);
        }
        double[] both = new double[rw * rh];
        double[] column = new double[h];
        int[] columnInt = new int[h];
        for (int x = 0; x < rw; x++) {
            for (int y = 0; y < h; y++) {
                column[y] = horizontal[y * rw + x];
            }
            resample(column, rh, both, x, rw);
        }
        int left = (int) Math.round((rw - s) / 2.0);
        int top = (int) Math.round((rh - s) / 2.0);
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                float v = (float) ((both[(y + top) * rw + x + left] / 255.0 - DemoBackbone.MEAN) / DemoBackbone.STD);
                for (int c = 0; c < 3; c++) {
                    out[offset + c * s * s + y * s + x] = v;
                }
            }
        }
    }

    private static void resample(int[] in, int start, int stride, int n, double[] out, int outStart, int outStride,
            int m) {
        double[] line = new double[n];
        for (int i = 0; i < n; i++) {
            line[i] = in[start + i * stride];
        }
        double[] res = new double[m];
        triangle(line, res);
        for (int i = 0; i < m; i++) {
            out[outStart + i * outStride] = res[i];
        }
    }

    private static void resample(double[] in, int m, double[] out, int x, int rw) {
        double[] res = new double[m];
        triangle(in, res);
        for (int y = 0; y < m; y++) {
            out[y * rw + x] = res[y];
        }
    }

    private static void triangle(double[] in, double[] out) {
        double scale = (double) in.length / out.length;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale;
        for (int o = 0; o < out.length; o++) {
            double centre = (o + 0.5) * scale;
            int lo = Math.max(0, (int) (centre - support + 0.5));
            int hi = Math.min(in.length, (int) (centre + support + 0.5));
            double sum = 0;
            double weight = 0;
            for (int i = lo; i < hi; i++) {
                double t = Math.abs((i - centre + 0.5) / filterScale);
                double k = t < 1 ? 1 - t : 0;
                sum += k * in[i];
                weight += k;
            }
            out[o] = weight > 0 ? sum / weight : 0;
        }
    }

    /** Runs {@code model} on {@code n} preprocessed images; returns the named output, row-major. */
    static float[] run(byte[] model, String output, float[] images, int n, int width) throws OrtException {
        int s = DemoBackbone.SIZE;
        int per = 3 * s * s;
        float[] result = new float[n * width];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = env.createSession(model, options)) {
                for (int start = 0; start < n; start += 32) {
                    int b = Math.min(32, n - start);
                    FloatBuffer buffer = FloatBuffer.wrap(images, start * per, b * per).slice();
                    try (OnnxTensor input = OnnxTensor.createTensor(env, buffer, new long[] {b, 3, s, s});
                            OrtSession.Result r = session.run(Map.of(DemoBackbone.INPUT, input))) {
                        float[][] rows = (float[][]) r.get(output).orElseThrow().getValue();
                        for (int i = 0; i < b; i++) {
                            System.arraycopy(rows[i], 0, result, (start + i) * width, width);
                        }
                    }
                }
            }
        }
        return result;
    }

    /** AUROC as the Mann–Whitney statistic, from the metrics package. */
    static double auroc(double[] scores, boolean[] positive) {
        return org.auditgate.engine.metrics.Auroc.of(scores, positive);
    }
}
