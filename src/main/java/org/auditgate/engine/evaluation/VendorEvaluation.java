package org.auditgate.engine.evaluation;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.onnx.VendorScorer;
import org.auditgate.engine.onnx.ScoredBatch;
import org.auditgate.engine.split.Assignment;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.LeakageCheck;
import org.auditgate.engine.split.Leak;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.split.PatientSplitter;
import org.auditgate.engine.split.SplitResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a vendor model as it is (DESIGN §2, "vendor evaluation"): splits the site dataset per
 * the audit configuration, scores the ID test and OOD images in batches, and computes the metrics
 * per group with the ID–OOD gaps. Every image in the split is hashed, so an identical image on both
 * sides of the split is reported as leakage.
 *
 * <p>Memory is bounded by the batch: images are read, decoded and preprocessed by a small pool
 * while the previous batch runs through the model, and only the current and the next batch's
 * tensors are held. Scores agree across batch sizes and thread counts to within ONNX Runtime's
 * float rounding (the real-data test checks 1e-6).
 */
public final class VendorEvaluation {

    /** How to run an evaluation. */
    public record Options(int batchSize, int decodeThreads, RuntimeOptions runtime, ImageLimits imageLimits) {

        public Options {
            if (batchSize < 1 || batchSize > 4096) {
                throw new IllegalArgumentException("batch size must be between 1 and 4096, not " + batchSize);
            }
            if (decodeThreads < 1) {
                throw new IllegalArgumentException("decode threads must be at least 1");
            }
        }

        /** Batches of 32, one decoding thread per core, CPU inference, default image limits. */
        public static Options defaults() {
            return new Options(32, Runtime.getRuntime().availableProcessors(), RuntimeOptions.cpu(), ImageLimits.defaults());
        }
    }

    private VendorEvaluation() {
    }

    /** Runs the evaluation; see the class comment. */
    public static EvaluationResult run(OnnxModel model, SiteDataset dataset, AuditConfig config, Options options,
                                       Progress progress, FeatureSink features) {
        SplitResult split = PatientSplitter.split(dataset.entries(), config); // validates the configuration against the data
        InputSpec spec = ModelInputs.inputSpec(model.inspect().metadata(), config.model());

        List<DatasetEntry> trainAndVal = new ArrayList<>(split.of(Partition.TRAIN));
        trainAndVal.addAll(split.of(Partition.VAL));
        List<Assignment> tested = split.tested();
        List<DatasetEntry> tests = tested.stream().map(Assignment::entry).toList();

        try (ImageBatches batches = new ImageBatches(dataset, spec, options.imageLimits(), options.batchSize(), options.decodeThreads());
             VendorScorer scorer = VendorScorer.open(model, config.model().featureTensor(),
                     ModelInputs.scoreSpec(config.model()), options.runtime())) {
            Map<DatasetEntry, String> hashes = new HashMap<>();
            List<String> trainHashes = batches.hashes(trainAndVal, progress, "hashing training images");
            for (int i = 0; i < trainAndVal.size(); i++) {
                hashes.put(trainAndVal.get(i), trainHashes.get(i));
            }
            List<ScoredImage> scored = new ArrayList<>(tests.size());
            int f = scorer.featureDimension();
            long started = System.nanoTime();
            batches.forEach(tests, progress, "scoring test images", (from, n, input, sha256) -> {
                ScoredBatch result = scorer.score(input, n, spec.size());
                for (int i = 0; i < n; i++) {
                    DatasetEntry entry = tests.get(from + i);
                    scored.add(new ScoredImage(entry, tested.get(from + i).partition(), sha256.get(i), result.scores()[i]));
                    hashes.put(entry, sha256.get(i));
                    features.accept(entry, result.features(), i * f, f);
                }
            });
            Duration scoringTime = Duration.ofNanos(System.nanoTime() - started);
            List<Leak> leaks = LeakageCheck.find(split, hashes::get);
            MetricReport metrics = MetricReport.compute(ScoredImage.cases(scored), config.positive(), config.threshold());
            FeatureTensorSummary featureSummary = new FeatureTensorSummary(scorer.featureTensor().sourceTensor(), f,
                    scorer.featureTensor().route());
            return new EvaluationResult(metrics, split, leaks, scored, featureSummary, scorer.activeDevice().name(), spec, scoringTime);
        }
    }
}
