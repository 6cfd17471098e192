package org.auditgate.engine.reference;

import org.auditgate.engine.stats.SeedSummary;
import ai.onnx.proto.OnnxMl.ModelProto;
import org.auditgate.engine.Futures;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.ImageBatches;
import org.auditgate.engine.evaluation.ModelInputs;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.image.Preprocessor;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.onnx.FeatureLocator;
import org.auditgate.engine.onnx.FeatureTensor;
import org.auditgate.engine.onnx.GraphSurgery;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.split.Assignment;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.split.PatientSplitter;
import org.auditgate.engine.split.SplitResult;
import org.auditgate.engine.training.EpochFeatures;
import org.auditgate.engine.training.HeadConfig;
import org.auditgate.engine.training.HeadTrainer;
import org.auditgate.engine.training.TrainingResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The reference comparison of DESIGN §4, in bank or exact view mode: on the vendor's frozen backbone, retrain the
 * classification head in arm {@code clean} and arm {@code noise} over the same seeds, and test
 * every head on ID test and OOD data.
 *
 * <ol>
 *   <li><b>Split</b> by patient ({@link PatientSplitter}); the backbone is the vendor graph with
 *       its feature tensor exposed ({@link FeatureLocator}, {@link GraphSurgery#exposeFeatures}).
 *   <li><b>Views</b> ({@link ViewSettings#paper()} unless given): K views per ID training image per arm, drawn once from seed index 0 and
 *       embedded once (see {@link ViewBank}); shared by all seeds. Validation, ID test and OOD
 *       images are never augmented: the evaluation preprocessing (resize, centre crop) is used,
 *       embedded once. Both kinds of rows go through the {@link FeatureCache}.
 *   <li><b>Exact mode</b> ({@link ViewMode#EXACT}) instead decodes and resizes each training
 *       image once and, in every epoch of every head, draws a fresh view and runs the backbone on it
 *       (see {@link ExactEpochFeatures}); the backbone session stays open while the heads train.
 *       These views are not cached.
 *   <li><b>Seeds</b>: for seed index s in 1..S and arm a, epoch e shows training image i's bank
 *       view {@code new StreamKey(auditSeed, a, s, e, i).rng().nextInt(K)} in bank mode, and the
 *       fresh view {@code views.view(resized_i, new StreamKey(auditSeed, a, s, e, i))} in exact mode. The trainer's own
 *       stream (initial weights, shuffles, dropout masks) is
 *       {@code new StreamKey(auditSeed, Arm.CLEAN, s, 0, Integer.MAX_VALUE).rng()} for
 *       <em>both</em> arms: the two runs of a seed are paired, sharing initial weights, batch order
 *       and dropout masks, and differ only in the views they see.
 *   <li><b>Training</b> with {@link HeadTrainer} and {@link HeadConfig#paper()} (or the given head configuration) on TRAIN, early
 *       stopping on VAL; the best epoch's head scores ID test and OOD; metrics per group and gaps
 *       via {@link MetricReport#compute}.
 * </ol>
 * The 2·S trainings run on a pool of {@code options.threads()} threads; each is deterministic and
 * results are collected by (arm, seed), so they are identical for any pool size.
 */
public final class ReferenceComparison {

    private ReferenceComparison() {
    }

    /** Runs the comparison with an in-memory feature cache; see the class comment. */
    public static ReferenceResult run(OnnxModel vendor, SiteDataset dataset, AuditConfig config, ReferenceOptions options,
                                      Progress progress) {
        return run(vendor, dataset, config, options, progress, FeatureCache.inMemory());
    }

    /**
     * Runs the comparison; see the class comment.
     *
     * @param cache backbone features already known (a {@link FeatureCache#persistentIn persistent}
     *     cache lets a rerun skip the backbone); filled with what this run computes
     */
    public static ReferenceResult run(OnnxModel vendor, SiteDataset dataset, AuditConfig config, ReferenceOptions options,
                                      Progress progress, FeatureCache cache) {
        return run(vendor, dataset, config, options, HeadConfig.paper(), ViewSettings.paper(), progress, cache);
    }

    /**
     * Runs the comparison with another head or view configuration than the paper's (DESIGN §4:
     * every default can be changed in the audit configuration); see the class comment.
     */
    public static ReferenceResult run(OnnxModel vendor, SiteDataset dataset, AuditConfig config, ReferenceOptions options,
                                      HeadConfig head, ViewSettings viewSettings, Progress progress, FeatureCache cache) {
        SplitResult split = PatientSplitter.split(dataset.entries(), config); // validates the configuration against the data
        InputSpec spec = ModelInputs.inputSpec(vendor.inspect().metadata(), config.model());
        FeatureTensor feature = FeatureLocator.locate(vendor.proto(), config.model().featureTensor());
        ModelProto backbone = GraphSurgery.exposeFeatures(vendor.proto(), feature);
        // The session stays open while the heads train: exact mode runs the backbone in every epoch. The
        // pool is stopped, and its tasks finished, before the session closes.
        try (InferenceSession session = InferenceSession.open(backbone.toByteArray(), options.runtime())) {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), runnable -> {
                Thread t = new Thread(runnable, "auditgate-reference");
                t.setDaemon(true);
                return t;
            });
            try {
                return run(vendor, dataset, config, options, head, viewSettings, progress, cache, split, spec, feature,
                        session, pool);
            } finally {
                stop(pool);
            }
        }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ReferenceResult run(OnnxModel vendor, SiteDataset dataset, AuditConfig config, ReferenceOptions options,
                                       HeadConfig head, ViewSettings viewSettings, Progress progress, FeatureCache cache,
                                       SplitResult split, InputSpec spec, FeatureTensor feature, InferenceSession session,
                                       ExecutorService pool) {
        List<DatasetEntry> train = split.of(Partition.TRAIN);
        List<DatasetEntry> val = split.of(Partition.VAL);
        List<Assignment> tested = split.tested();
        List<DatasetEntry> tests = tested.stream().map(Assignment::entry).toList();
        String backboneText = spec + ", features of " + feature.sourceTensor() + " (" + feature.route() + ")";
        ViewBank.Backbone views = new ViewBank.Backbone(session, feature.outputName(), vendor.sha256(),
                viewSettings + "; " + backboneText);
        TrainingViews trainingViews = viewSettings.trainingViews(spec.size());
        Preprocessor preprocessor = new Preprocessor(spec);
        Features features = features(vendor, dataset, config, options, trainingViews, preprocessor, views, backboneText,
                spec, train, val, tests, pool, progress, cache);
        EvaluationRows valRows = features.val();
        EvaluationRows testRows = features.tests();
        int f;
        TrainingRows trainingRows;
        if (options.viewMode() == ViewMode.BANK) {
            ViewBank bank = features.bank();
            f = bank.dimension();
            trainingRows = (arm, seed) -> new BankEpochFeatures(bank, arm, config.seed(), seed, head.maxEpochs());
        } else {
            f = valRows.dimension();
            List<GreyImage> resized = features.resized();
            int batch = options.batchSize();
            trainingRows = (arm, seed) -> new ExactEpochFeatures(resized, trainingViews, preprocessor, views, arm,
                    config.seed(), seed, batch, f);
        }
        valRows.requireDimension(f);
        testRows.requireDimension(f);
        List<ScoredImage> template = new ArrayList<>(tests.size());
        for (int i = 0; i < tested.size(); i++) {
            template.add(new ScoredImage(tested.get(i).entry(), tested.get(i).partition(), testRows.hashes().get(i), 0));
        }
        Heads heads = new Heads(config, head, trainingRows, f, labels(train, config), valRows.rows(), labels(val, config),
                testRows.rows(), template);
        SeedRun[] runs = train(heads, options, pool, progress);
        features.train().requireDimension(f);
        progress.update("source probe", 0, 1);
        SourceProbe.Result probe = SourceProbe.run(f, part(features.train(), train), part(valRows, val),
                idTestPart(testRows, tested), head, config.seed());
        progress.update("source probe", 1, 1);
        Map<Arm, List<SeedRun>> byArm = new EnumMap<>(Arm.class);
        Map<Arm, ArmSummary> summaries = new EnumMap<>(Arm.class);
        int s = options.seeds();
        for (Arm arm : Arm.values()) {
            List<SeedRun> list = Arrays.asList(runs).subList(arm.ordinal() * s, (arm.ordinal() + 1) * s);
            byArm.put(arm, list);
            summaries.put(arm, summarise(arm, list));
        }
        return new ReferenceResult(options.viewMode(), options.viewMode() == ViewMode.BANK ? options.bankViews() : 0, s,
                config.seed(), f, feature, spec, viewSettings, head, split, byArm, summaries, probe);
    }

    /**
     * The backbone's features of the images that are never augmented, and for the training images
     * either the view bank (bank mode; {@code resized} is null) or the decoded, resized images
     * (exact mode; {@code bank} is null).
     */
    private record Features(ViewBank bank, List<GreyImage> resized, EvaluationRows train, EvaluationRows val, EvaluationRows tests) {
    }

    /** Makes the training rows of one head: arm and seed index (1..S). */
    @FunctionalInterface
    private interface TrainingRows {
        EpochFeatures of(Arm arm, int seed);
    }

    private static Features features(OnnxModel vendor, SiteDataset dataset, AuditConfig config, ReferenceOptions options,
                                     TrainingViews trainingViews, Preprocessor preprocessor, ViewBank.Backbone backbone,
                                     String backboneText, InputSpec spec, List<DatasetEntry> train, List<DatasetEntry> val,
                                     List<DatasetEntry> tests, ExecutorService pool, Progress progress, FeatureCache cache) {
        try (ImageBatches batches = new ImageBatches(dataset, spec, ImageLimits.defaults(), options.batchSize(),
                options.threads())) {
            ViewBank bank = null;
            List<GreyImage> resized = null;
            if (options.viewMode() == ViewMode.BANK) {
                bank = ViewBank.build(dataset, train, trainingViews, preprocessor, backbone, config.seed(), options.bankViews(),
                        options.batchSize(), pool, cache, progress);
            } else {
                resized = resize(dataset, train, trainingViews, pool, progress);
            }
            String evaluation = "evaluation preprocessing (resize shorter side, centre crop); " + backboneText;
            InferenceSession session = backbone.session();
            return new Features(bank, resized,
                    EvaluationRows.compute(batches, train, session, backbone.output(), cache, vendor.sha256(), evaluation, progress),
                    EvaluationRows.compute(batches, val, session, backbone.output(), cache, vendor.sha256(), evaluation, progress),
                    EvaluationRows.compute(batches, tests, session, backbone.output(), cache, vendor.sha256(), evaluation, progress));
        }
    }

    /** Exact mode: every training image decoded and resized once, on the pool, in training order. */
    private static List<GreyImage> resize(SiteDataset dataset, List<DatasetEntry> train, TrainingViews views,
                                          ExecutorService pool, Progress progress) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no training images to draw views from");
        }
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        List<Future<GreyImage>> futures = new ArrayList<>(train.size());
        for (DatasetEntry e : train) {
            futures.add(pool.submit(() -> views.resize(ImageBatches.decode(decoder, dataset.read(e), e))));
        }
        List<GreyImage> out = new ArrayList<>(train.size());
        for (Future<GreyImage> future : futures) {
            out.add(Futures.await(future, "decoding training images"));
            progress.update("decoding training images", out.size(), train.size());
        }
        return List.copyOf(out);
    }

    /** The first {@code entries.size()} rows of {@code rows} with their entries' sources. */
    private static SourceProbe.Part part(EvaluationRows rows, List<DatasetEntry> entries) {
        return new SourceProbe.Part(Arrays.copyOf(rows.rows(), entries.size() * rows.dimension()),
                entries.stream().map(DatasetEntry::source).toList());
    }

    /** The ID test rows among the tested images' rows (ID test and OOD, in {@code tested} order). */
    private static SourceProbe.Part idTestPart(EvaluationRows rows, List<Assignment> tested) {
        int f = rows.dimension();
        List<String> sources = new ArrayList<>();
        float[] out = new float[tested.size() * f];
        for (int i = 0; i < tested.size(); i++) {
            if (tested.get(i).partition() == Partition.TEST) {
                System.arraycopy(rows.rows(), i * f, out, sources.size() * f, f);
                sources.add(tested.get(i).entry().source());
            }
        }
        return new SourceProbe.Part(Arrays.copyOf(out, sources.size() * f), List.copyOf(sources));
    }

    /** The trainer's stream of seed index {@code seed}, shared by both arms (the pairing). */
    static StreamKey headStream(long auditSeed, int seed) {
        return new StreamKey(auditSeed, Arm.CLEAN, seed, 0, Integer.MAX_VALUE);
    }

    private static boolean[] labels(List<DatasetEntry> entries, AuditConfig config) {
        boolean[] out = new boolean[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = entries.get(i).label().equals(config.positive());
        }
        return out;
    }

    private static SeedRun[] train(Heads heads, ReferenceOptions options, ExecutorService pool, Progress progress) {
        int s = options.seeds();
        SeedRun[] runs = new SeedRun[2 * s];
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        for (Arm arm : Arm.values()) {
            for (int seed = 1; seed <= s; seed++) {
                int slot = arm.ordinal() * s + seed - 1;
                int index = seed;
                done.submit(() -> {
                    runs[slot] = heads.train(arm, index);
                    return slot;
                });
            }
        }
        progress.update("training heads", 0, 2L * s);
        for (int finished = 1; finished <= 2 * s; finished++) {
            try {
                Futures.await(done.take(), "training heads");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while training heads", e);
            }
            progress.update("training heads", finished, 2L * s);
        }
        return runs;
    }

    private static ArmSummary summarise(Arm arm, List<SeedRun> runs) {
        return new ArmSummary(arm,
                SeedSummary.of(ReferenceStatistics.perSeed(runs, ReferenceStatistics.Scope.ID, Metric.AUROC)),
                SeedSummary.of(ReferenceStatistics.perSeed(runs, ReferenceStatistics.Scope.OOD, Metric.AUROC)),
                SeedSummary.of(ReferenceStatistics.perSeed(runs, ReferenceStatistics.Scope.GAP, Metric.AUROC)));
    }

    /** Everything a head training needs; immutable and shared by the training threads. */
    private record Heads(AuditConfig config, HeadConfig headConfig, TrainingRows trainingRows, int dimension, boolean[] trainLabels,
                         float[] valRows, boolean[] valLabels, float[] testRows, List<ScoredImage> tests) {

        SeedRun train(Arm arm, int seed) {
            EpochFeatures epochs = trainingRows.of(arm, seed);
            TrainingResult result = new HeadTrainer(headConfig).train(dimension, epochs, trainLabels, valRows,
                    valLabels.length, valLabels, headStream(config.seed(), seed).rng());
            double[] scores = new double[tests.size()];
            result.best().scores(testRows, tests.size(), scores);
            List<ScoredImage> scored = new ArrayList<>(tests.size());
            for (int i = 0; i < scores.length; i++) {
                ScoredImage t = tests.get(i);
                scored.add(new ScoredImage(t.entry(), t.partition(), t.sha256(), scores[i]));
            }
            MetricReport metrics = MetricReport.compute(ScoredImage.cases(scored), config.positive(), config.threshold());
            return new SeedRun(arm, seed, result.bestEpoch(), result.valAurocCurve(), result.best(), scored, metrics);
        }
    }
}
