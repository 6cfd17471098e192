package org.auditgate.bench;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.FeatureSink;
import org.auditgate.engine.evaluation.ImageBatches;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.evaluation.VendorEvaluation;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scripted end-to-end benchmark of vendor evaluation throughput, against a bare ONNX Runtime
 * session on ready-made tensors (what a user would otherwise run), in the same JVM and run.
 *
 * <p>Usage: {@code java -cp … org.auditgate.bench.EvaluationThroughput MODEL DATASET AUDIT_YAML [threads] [repeats]}.
 * Prints images per second of: the bare session (inference only), reading + decoding +
 * preprocessing only, and the whole evaluation, each the best of {@code repeats} after a warm-up.
 */
public final class EvaluationThroughput {

    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        Path datasetPath = Path.of(args[1]);
        AuditConfig config = AuditConfig.load(Path.of(args[2]));
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        int repeats = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        OnnxModel onnx = OnnxModel.read(model);
        InputSpec spec = InputSpec.imagenet();
        int batch = 32;
        try (SiteDataset dataset = SiteDataset.open(datasetPath)) {
            List<DatasetEntry> entries = dataset.entries();
            int n = entries.size();
            int stride = spec.tensorLength();

            double prepare = best(repeats + 1, () -> {
                try (ImageBatches batches = new ImageBatches(dataset, spec, ImageLimits.defaults(), batch, threads)) {
                    batches.forEach(entries, Progress.NONE, "prepare", (from, k, input, sha) -> { });
                }
            });
            float[] tensors = new float[batch * stride];
            try (ImageBatches batches = new ImageBatches(dataset, spec, ImageLimits.defaults(), batch, threads)) {
                batches.forEach(entries.subList(0, batch), Progress.NONE, "prepare",
                        (from, k, input, sha) -> System.arraycopy(input, 0, tensors, 0, k * stride));
            }
            double bare;
            try (InferenceSession session = InferenceSession.open(onnx.bytes(), new RuntimeOptions(
                    org.auditgate.engine.onnx.Device.CPU, 0, threads))) {
                String out = session.outputNames().iterator().next();
                bare = best(repeats + 1, () -> {
                    for (int done = 0; done < n; done += batch) {
                        int k = Math.min(batch, n - done);
                        session.run(tensors, new long[] {k, 3, spec.size(), spec.size()}, Set.of(out));
                    }
                });
            }
            VendorEvaluation.Options options = new VendorEvaluation.Options(batch, threads,
                    new RuntimeOptions(org.auditgate.engine.onnx.Device.CPU, 0, threads), ImageLimits.defaults());
            int[] scored = new int[1];
            double whole = best(repeats + 1, () -> scored[0] = VendorEvaluation.run(onnx, dataset, config, options,
                    Progress.NONE, FeatureSink.DISCARD).scored().size());
            System.out.printf(Locale.ROOT, "images in dataset %d, scored by evaluate %d, threads %d, batch %d%n", n, scored[0], threads, batch);
            System.out.printf(Locale.ROOT, "bare ONNX Runtime session, inference only: %7.1f images/s%n", n / bare);
            System.out.printf(Locale.ROOT, "read + decode + preprocess only:           %7.1f images/s%n", n / prepare);
            System.out.printf(Locale.ROOT, "whole evaluation (scored images):          %7.1f images/s (%.2f of the bare session)%n",
                    scored[0] / whole, (scored[0] / whole) / (n / bare));
        }
    }

    /** Best wall time in seconds over {@code runs} runs, the first one a warm-up. */
    private static double best(int runs, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.run();
            double s = (System.nanoTime() - t) / 1e9;
            if (i > 0) {
                best = Math.min(best, s);
            }
        }
        return best;
    }
}
