package org.auditgate.engine.reference;

import org.auditgate.engine.stats.SeedSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.DemoBackbone;
import org.auditgate.engine.demo.DemoDatasetSpec;
import org.auditgate.engine.demo.FilterPyramidBackbone;
import org.auditgate.engine.demo.DemoVendorModel;
import org.auditgate.engine.demo.LogisticHead;
import org.auditgate.engine.demo.SyntheticCxrGenerator;
import org.auditgate.engine.evaluation.FeatureExtractor;
import org.auditgate.engine.evaluation.ImageBatches;
import org.auditgate.engine.evaluation.ModelInputs;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.image.Preprocessor;
import org.auditgate.engine.metrics.Auroc;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.ModelSettings;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.split.PatientSplitter;
import org.auditgate.engine.split.SplitResult;
import org.auditgate.engine.training.HeadConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 4 item 9 on the demo's synthetic chest X-rays: the ID classes are separated by a
 * high-frequency acquisition artifact (grid lines versus grain), the OOD sites carry other
 * artifacts, and the disease is a low-frequency opacity. The hypothesis: noise injection masks the
 * artifacts, so the noise arm's heads generalise better out of distribution.
 *
 * <p><b>It holds on a CNN-like backbone</b> ({@link #noiseArmGeneralisesBetterOutOfDistribution}):
 * the paper's protocol ({@link HeadConfig#paper()}, {@link ViewSettings#paper()}, through
 * {@link ReferenceComparison#run}) on {@link FilterPyramidBackbone} (5-level pyramid × 16 fixed 5×5
 * filters, BatchNorm-like scales from vendor data, ReLU, GlobalAveragePool; 80 features) with 480
 * ID images per class, 8 seeds, K = 4, measured: clean ID AUROC 0.990, OOD 0.534 ± 0.074 (SD over
 * seeds); noise ID 0.907, OOD 0.601 ± 0.049; effect (paired noise − clean OOD AUROC) +0.067, SD
 * 0.055. Clean heads stop after 5 epochs on average (the artifact gives validation AUROC ≥ 0.98),
 * noise heads train about 15 epochs and learn the opacities. Checked off the test's seeds, once:
 * generator seed 7 and filter seed 2 gave +0.077 (SD 0.094).
 *
 * <p>Why each of the two changes, and neither alone, is needed:
 * <ul>
 *   <li><b>Backbone.</b> {@link DemoBackbone}'s disease features are whole-image summaries (blob
 *       mean and maximum after pooling, gradients, grey mean) that RandomResizedCrop (scale 0.08–1)
 *       destroys, and its high-pass features are inflated ~2.8× by noise. A real pretrained CNN's
 *       features are averages of local detectors on comparable scales, so a crop that contains a
 *       lesion still shows it. On the pyramid a standardised linear probe from un-augmented ID
 *       training images reaches OOD AUROC 0.975 on the coarse levels 2–4 but 0.513 on all levels:
 *       the disease is there, the fine levels' artifact wins.
 *   <li><b>Data size.</b> With the demo's 120 ID images per class the training split has ~144
 *       images, 4–5 Adam steps per epoch at lr 1e-4: the head barely leaves its initialisation.
 *       Pyramid at 120/class measured clean OOD 0.530 ± 0.069 vs noise 0.535 ± 0.103 (effect
 *       +0.005, SD 0.100) and noise-arm ID AUROC 0.52 (it learned nothing). 480/class gives ~18
 *       steps per epoch, closer to the paper's larger datasets.
 *   <li>DemoBackbone with the demo data and the paper's protocol (printed by {@link #runOnce}):
 *       clean OOD 0.516, noise 0.502, effect −0.014 (SD 0.023). The tests below on it pin down
 *       why: noise masks the artifact in the high-pass features but inflates them; crops hide the
 *       disease from its low-frequency summaries; a standardised linear probe on its noise bank
 *       still does slightly better than on its clean bank.
 * </ul>
 */
class SyntheticReferenceTest {

    static final int SEEDS = 8;
    static final int VIEWS = 4;
    static final int HIGH_PASS = 16;
    static final int PYRAMID_ID_PER_CLASS = 480;

    @TempDir
    static Path folder;
    static OnnxModel vendor;
    static AuditConfig config;
    static ReferenceResult result;

    @BeforeAll
    static void runOnce() {
        SyntheticCxrGenerator.write(folder.resolve("dataset"), 2024);
        // Any head gives the vendor model its shape; the auditor only reads the feature tensor.
        float[] features = new float[4 * DemoBackbone.FEATURES];
        for (int i = 0; i < features.length; i++) {
            features[i] = (i * 7 % 11) / 11f;
        }
        LogisticHead head = LogisticHead.fit(features, 4, DemoBackbone.FEATURES, new boolean[] {true, false, true, false}, 1);
        vendor = OnnxModel.of(DemoVendorModel.assemble(DemoBackbone.build(), head), "demo-vendor.onnx");
        config = AuditConfig.parse(SyntheticCxrGenerator.auditYaml(), "audit.yaml");
        result = run(folder.resolve("cache"), Progress.NONE);
        print("DemoBackbone, 120 ID images per class", result);
    }

    static ReferenceResult run(Path cache, Progress progress) {
        try (SiteDataset dataset = SiteDataset.open(folder.resolve("dataset"))) {
            return ReferenceComparison.run(vendor, dataset, config,
                    new ReferenceOptions(SEEDS, VIEWS, 32, 2, RuntimeOptions.cpu()), progress, FeatureCache.persistentIn(cache));
        }
    }

    static double[] pairedOodDifferences(ReferenceResult r) {
        double[] differences = new double[SEEDS];
        for (int s = 1; s <= SEEDS; s++) {
            differences[s - 1] = ood(r.run(Arm.NOISE, s)) - ood(r.run(Arm.CLEAN, s));
        }
        return differences;
    }

    static double meanEpochs(ReferenceResult r, Arm arm) {
        double sum = 0;
        for (int s = 1; s <= SEEDS; s++) {
            sum += r.run(arm, s).valAurocCurve().length;
        }
        return sum / SEEDS;
    }

    static void print(String title, ReferenceResult r) {
        SeedSummary paired = SeedSummary.of(pairedOodDifferences(r));
        System.out.printf("synthetic reference, %s, %d seeds, K = %d:%n", title, SEEDS, VIEWS);
        for (Arm arm : Arm.values()) {
            ArmSummary a = r.summaries().get(arm);
            System.out.printf("  %-5s ID AUROC %.4f ± %.4f, OOD AUROC %.4f ± %.4f, gap %.4f ± %.4f, epochs %.1f%n",
                    a.arm().cliName(), a.idAuroc().mean(), a.idAuroc().sd(), a.oodAuroc().mean(), a.oodAuroc().sd(),
                    a.aurocGap().mean(), a.aurocGap().sd(), meanEpochs(r, arm));
        }
        System.out.printf("  effect: OOD AUROC noise − clean, paired mean %.4f, SD over seeds %.4f%n", paired.mean(), paired.sd());
    }

    /**
     * Item 9 proper: the paper's protocol ({@link HeadConfig#paper()}, {@link ViewSettings#paper()},
     * through {@link ReferenceComparison#run} as the product calls it) on a CNN-like backbone
     * ({@link FilterPyramidBackbone}) and {@value #PYRAMID_ID_PER_CLASS} ID images per class.
     */
    @Test
    void noiseArmGeneralisesBetterOutOfDistribution() {
        ReferenceResult r = Pyramid.get().result;
        SeedSummary paired = SeedSummary.of(pairedOodDifferences(r));
        assertThat(paired.n()).isEqualTo(SEEDS);
        assertThat(r.summaries().get(Arm.NOISE).oodAuroc().mean())
                .isGreaterThan(r.summaries().get(Arm.CLEAN).oodAuroc().mean());
    }

    /**
     * Why the noise arm wins there: the clean arm's heads use the artifact (near-perfect ID AUROC
     * reached within a few epochs, then early stopping), while the noise arm's heads keep training
     * and learn the opacities, which the pyramid's coarse levels show in every site.
     */
    @Test
    void onThePyramidTheCleanArmLearnsTheArtifactAndTheNoiseArmTheDisease() {
        Pyramid p = Pyramid.get();
        ArmSummary clean = p.result.summaries().get(Arm.CLEAN);
        ArmSummary noise = p.result.summaries().get(Arm.NOISE);
        assertThat(clean.idAuroc().mean()).as("clean arm, ID test").isGreaterThan(0.95);
        assertThat(clean.oodAuroc().mean()).as("clean arm, OOD").isLessThan(0.6);
        assertThat(meanEpochs(p.result, Arm.NOISE)).as("noise arm trains longer").isGreaterThan(meanEpochs(p.result, Arm.CLEAN));
        assertThat(p.coarseProbe).as("the disease is visible to the coarse levels in every site").isGreaterThan(0.85);
        assertThat(p.allLevelsProbe).as("but with the fine levels the artifact dominates a linear probe").isLessThan(0.6);
    }

    @Test
    void theEffectIsThePairedMeanDifference() {
        SeedSummary paired = SeedSummary.of(pairedOodDifferences(result));
        assertThat(paired.n()).isEqualTo(SEEDS);
        assertThat(paired.mean()).isEqualTo(result.summaries().get(Arm.NOISE).oodAuroc().mean()
                - result.summaries().get(Arm.CLEAN).oodAuroc().mean(), within(1e-12));
    }

    /**
     * The artifact separates the ID classes by several SDs in the high-pass features of
     * un-augmented images; in noise views almost nothing is left, while noise raises those
     * features far above anything a test image shows.
     */
    @Test
    void noiseMasksTheArtifactButInflatesTheHighPassFeatures() {
        Probe probe = Probe.build(ViewSettings.paper());
        double unaugmented = probe.meanAbsEffect(probe.train, 1, 0, HIGH_PASS);
        double clean = probe.meanAbsEffect(probe.bank.rows(Arm.CLEAN), VIEWS, 0, HIGH_PASS);
        double noise = probe.meanAbsEffect(probe.bank.rows(Arm.NOISE), VIEWS, 0, HIGH_PASS);
        double inflation = probe.mean(probe.bank.rows(Arm.NOISE), VIEWS, 0, HIGH_PASS) / probe.mean(probe.train, 1, 0, HIGH_PASS);
        System.out.printf("high-pass features, mean |Cohen's d| of the label in ID training data: un-augmented %.2f, "
                + "clean views %.2f, noise views %.2f; noise views' mean high-pass value is %.1f× the un-augmented one%n",
                unaugmented, clean, noise, inflation);
        assertThat(unaugmented).isGreaterThan(3);
        assertThat(clean).isGreaterThan(1);
        assertThat(noise).isLessThan(0.5);
        assertThat(inflation).isGreaterThan(2);
    }

    /**
     * A standardised linear probe ({@link LogisticHead}) on the same banks: trained on the noise
     * arm's views it generalises better OOD than on the clean arm's, so the bank carries a benefit
     * that the paper's head does not reach; and the low-frequency features show the disease in
     * un-augmented images but hardly in cropped views.
     */
    @Test
    void aStandardisedLinearProbeOnTheNoiseBankGeneralisesBetter() {
        Probe probe = Probe.build(ViewSettings.paper());
        double clean = probe.linearProbeOodAuroc(Arm.CLEAN);
        double noise = probe.linearProbeOodAuroc(Arm.NOISE);
        LogisticHead lowFrequency = LogisticHead.fit(Probe.columns(probe.train, probe.trainEntries.size(), HIGH_PASS),
                probe.trainEntries.size(), DemoBackbone.FEATURES - HIGH_PASS, probe.labels(probe.trainEntries, 1), 1);
        double ceiling = Auroc.of(probe.scores(lowFrequency, Probe.columns(probe.ood, probe.oodEntries.size(), HIGH_PASS),
                probe.oodEntries.size(), DemoBackbone.FEATURES - HIGH_PASS), probe.labels(probe.oodEntries, 1));
        int views = probe.trainEntries.size() * VIEWS;
        LogisticHead lowFrequencyViews = LogisticHead.fit(Probe.columns(probe.bank.rows(Arm.CLEAN), views, HIGH_PASS), views,
                DemoBackbone.FEATURES - HIGH_PASS, probe.labels(probe.trainEntries, VIEWS), 1);
        double cropped = Auroc.of(probe.scores(lowFrequencyViews, Probe.columns(probe.ood, probe.oodEntries.size(), HIGH_PASS),
                probe.oodEntries.size(), DemoBackbone.FEATURES - HIGH_PASS), probe.labels(probe.oodEntries, 1));
        System.out.printf("linear probe OOD AUROC: clean bank %.3f, noise bank %.3f; low-frequency features only: un-augmented "
                + "training images %.3f, clean views %.3f%n", clean, noise, ceiling, cropped);
        assertThat(noise).isGreaterThan(clean);
        assertThat(ceiling).as("the disease is visible to the backbone").isGreaterThan(0.8);
        assertThat(cropped).as("random resized crops hide it").isLessThan(0.65);
    }

    @Test
    void aRerunOnThePersistedCacheSkipsTheBackboneAndGivesTheSameNumbers() {
        java.util.Set<String> stages = new java.util.HashSet<>();
        ReferenceResult again = run(folder.resolve("cache"), (stage, done, total) -> stages.add(stage));
        assertThat(stages).contains("training heads").doesNotContain("computing training views", "computing features");
        for (Arm arm : Arm.values()) {
            for (int s = 1; s <= SEEDS; s++) {
                assertThat(again.run(arm, s).valAurocCurve()).containsExactly(result.run(arm, s).valAurocCurve());
                assertThat(again.run(arm, s).scores()).isEqualTo(result.run(arm, s).scores());
            }
        }
    }

    @Test
    void jsonHasTheDocumentedShape() {
        ObjectNode json = ReferenceJson.toJson(result, new ObjectMapper());
        assertThat(json.get("schema").asText()).isEqualTo("auditgate.reference/1");
        assertThat(json.get("viewMode").asText()).isEqualTo("bank");
        assertThat(json.get("bankViews").asInt()).isEqualTo(VIEWS);
        assertThat(json.get("seeds").asInt()).isEqualTo(SEEDS);
        assertThat(json.get("featureDimension").asInt()).isEqualTo(DemoBackbone.FEATURES);
        assertThat(json.get("featureTensor").get("source").asText()).isEqualTo(DemoBackbone.OUTPUT);
        assertThat(json.get("views").get("minScale").asDouble()).isEqualTo(0.08);
        assertThat(json.get("head").get("learningRate").asDouble()).isEqualTo(1e-4);
        for (Arm arm : Arm.values()) {
            var runs = json.get("arms").get(arm.cliName()).get("runs");
            assertThat(runs.size()).isEqualTo(SEEDS);
            SeedRun first = result.run(arm, 1);
            assertThat(runs.get(0).get("seed").asInt()).isEqualTo(1);
            assertThat(runs.get(0).get("bestEpoch").asInt()).isEqualTo(first.bestEpoch());
            assertThat(runs.get(0).get("valAuroc").size()).isEqualTo(first.valAurocCurve().length);
            assertThat(runs.get(0).get("metrics").get("groups").get("ood").get("auroc").get("value").asDouble())
                    .isEqualTo(first.metrics().group(Cohort.OOD.groupKey()).value(Metric.AUROC));
            assertThat(json.get("arms").get(arm.cliName()).get("summary").get("oodAuroc").get("mean").asDouble())
                    .isEqualTo(result.summaries().get(arm).oodAuroc().mean());
        }
    }

    /**
     * The comparison on {@link FilterPyramidBackbone} (filter seed 1), calibrated on a small vendor
     * dataset (generator seed 2025, all four sites) as a trained network's BatchNorm statistics come
     * from the vendor's data, and run on the demo generator (seed 2024) with
     * {@value #PYRAMID_ID_PER_CLASS} ID images per class; built once, on first use.
     */
    private static final class Pyramid {

        private static Pyramid instance;

        final ReferenceResult result;
        final double coarseProbe;
        final double allLevelsProbe;

        private Pyramid(ReferenceResult result, double coarseProbe, double allLevelsProbe) {
            this.result = result;
            this.coarseProbe = coarseProbe;
            this.allLevelsProbe = allLevelsProbe;
        }

        static synchronized Pyramid get() {
            if (instance == null) {
                instance = build();
            }
            return instance;
        }

        private static Pyramid build() {
            Path data = folder.resolve("pyramid-dataset");
            SyntheticCxrGenerator.write(data, 2024, new DemoDatasetSpec(256, 288, PYRAMID_ID_PER_CLASS, 60));
            Path calibration = folder.resolve("pyramid-calibration");
            SyntheticCxrGenerator.write(calibration, 2025, new DemoDatasetSpec(256, 288, 16, 8));
            OnnxModel calibrationModel = OnnxModel.of(FilterPyramidBackbone.calibrationModel(1), "calibration.onnx");
            InputSpec spec = ModelInputs.inputSpec(calibrationModel.inspect().metadata(), ModelSettings.NONE);
            float[] rms;
            try (SiteDataset vendorData = SiteDataset.open(calibration);
                 ImageBatches batches = new ImageBatches(vendorData, spec, ImageLimits.defaults(), 32, 2);
                 InferenceSession session = InferenceSession.open(calibrationModel.bytes(), RuntimeOptions.cpu())) {
                rms = FilterPyramidBackbone.rms(FeatureExtractor.extract(batches, vendorData.entries(), session,
                        DemoBackbone.OUTPUT, Progress.NONE).values());
            }
            OnnxModel backbone = OnnxModel.of(FilterPyramidBackbone.build(1, rms), "pyramid-backbone.onnx");
            int f = FilterPyramidBackbone.FEATURES;
            float[] anything = new float[4 * f];
            for (int i = 0; i < anything.length; i++) {
                anything[i] = (i * 7 % 11) / 11f;
            }
            LogisticHead head = LogisticHead.fit(anything, 4, f, new boolean[] {true, false, true, false}, 1);
            OnnxModel pyramidVendor = OnnxModel.of(DemoVendorModel.assemble(backbone.proto(), head), "pyramid-vendor.onnx");
            try (SiteDataset dataset = SiteDataset.open(data);
                 ImageBatches batches = new ImageBatches(dataset, spec, ImageLimits.defaults(), 32, 2);
                 InferenceSession session = InferenceSession.open(backbone.bytes(), RuntimeOptions.cpu())) {
                ReferenceResult r = ReferenceComparison.run(pyramidVendor, dataset, config,
                        new ReferenceOptions(SEEDS, VIEWS, 32, 2, RuntimeOptions.cpu()), HeadConfig.paper(),
                        ViewSettings.paper(), Progress.NONE, FeatureCache.inMemory());
                print("FilterPyramidBackbone, " + PYRAMID_ID_PER_CLASS + " ID images per class", r);
                SplitResult split = PatientSplitter.split(dataset.entries(), config);
                List<DatasetEntry> train = split.of(Partition.TRAIN);
                List<DatasetEntry> ood = split.of(Partition.OOD);
                float[] trainRows = FeatureExtractor.extract(batches, train, session, DemoBackbone.OUTPUT, Progress.NONE).values();
                float[] oodRows = FeatureExtractor.extract(batches, ood, session, DemoBackbone.OUTPUT, Progress.NONE).values();
                int coarse = 2 * FilterPyramidBackbone.CHANNELS_PER_LEVEL;
                double coarseProbe = probe(train, trainRows, ood, oodRows, coarse);
                double allLevelsProbe = probe(train, trainRows, ood, oodRows, 0);
                System.out.printf("  standardised linear probe on un-augmented ID training images, OOD AUROC: levels 2–4 %.3f, "
                        + "all levels %.3f%n", coarseProbe, allLevelsProbe);
                return new Pyramid(r, coarseProbe, allLevelsProbe);
            }
        }

        /** OOD AUROC of a {@link LogisticHead} fitted on features [from, F) of the training rows. */
        private static double probe(List<DatasetEntry> train, float[] trainRows, List<DatasetEntry> ood, float[] oodRows, int from) {
            int f = FilterPyramidBackbone.FEATURES;
            int width = f - from;
            float[] x = new float[train.size() * width];
            boolean[] y = new boolean[train.size()];
            for (int i = 0; i < train.size(); i++) {
                System.arraycopy(trainRows, i * f + from, x, i * width, width);
                y[i] = train.get(i).label().equals(config.positive());
            }
            LogisticHead head = LogisticHead.fit(x, train.size(), width, y, 1);
            double[] scores = new double[ood.size()];
            boolean[] labels = new boolean[ood.size()];
            float[] row = new float[width];
            for (int i = 0; i < ood.size(); i++) {
                System.arraycopy(oodRows, i * f + from, row, 0, width);
                scores[i] = head.score(row, 0);
                labels[i] = ood.get(i).label().equals(config.positive());
            }
            return Auroc.of(scores, labels);
        }
    }

    private static double ood(SeedRun run) {
        return run.metrics().group(Cohort.OOD.groupKey()).value(Metric.AUROC);
    }

    /** The bank and the un-augmented features of the demo split, built as {@link ReferenceComparison} builds them. */
    private record Probe(ViewBank bank, List<DatasetEntry> trainEntries, float[] train, List<DatasetEntry> oodEntries,
                         float[] ood) {

        static Probe build(ViewSettings views) {
            OnnxModel backbone = OnnxModel.of(DemoBackbone.build(), "demo-backbone.onnx");
            InputSpec spec = ModelInputs.inputSpec(backbone.inspect().metadata(), ModelSettings.NONE);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (SiteDataset dataset = SiteDataset.open(folder.resolve("dataset"));
                 InferenceSession session = InferenceSession.open(backbone.bytes(), RuntimeOptions.cpu());
                 ImageBatches batches = new ImageBatches(dataset, spec, ImageLimits.defaults(), 32, 2)) {
                SplitResult split = PatientSplitter.split(dataset.entries(), config);
                List<DatasetEntry> train = split.of(Partition.TRAIN);
                List<DatasetEntry> ood = split.of(Partition.OOD);
                ViewBank bank = ViewBank.build(dataset, train, views.trainingViews(spec.size()), new Preprocessor(spec),
                        new ViewBank.Backbone(session, DemoBackbone.OUTPUT, backbone.sha256(), "probe"), config.seed(), VIEWS, 32,
                        pool, FeatureCache.inMemory(), Progress.NONE);
                FeatureCache cache = FeatureCache.inMemory();
                return new Probe(bank, train,
                        EvaluationRows.compute(batches, train, session, DemoBackbone.OUTPUT, cache, "m", "e", Progress.NONE).rows(),
                        ood, EvaluationRows.compute(batches, ood, session, DemoBackbone.OUTPUT, cache, "m", "e", Progress.NONE).rows());
            } finally {
                pool.shutdownNow();
            }
        }

        boolean[] labels(List<DatasetEntry> entries, int views) {
            boolean[] out = new boolean[entries.size() * views];
            for (int i = 0; i < out.length; i++) {
                out[i] = entries.get(i / views).label().equals(config.positive());
            }
            return out;
        }

        /** Mean over features [from, to) of |Cohen's d| of the label (pooled SD of the two classes). */
        double meanAbsEffect(float[] rows, int views, int from, int to) {
            boolean[] positive = labels(trainEntries, views);
            int f = DemoBackbone.FEATURES;
            double sum = 0;
            for (int j = from; j < to; j++) {
                double[] s = new double[2];
                double[] q = new double[2];
                int[] n = new int[2];
                for (int r = 0; r < positive.length; r++) {
                    int c = positive[r] ? 1 : 0;
                    double x = rows[r * f + j];
                    s[c] += x;
                    q[c] += x * x;
                    n[c]++;
                }
                double m1 = s[1] / n[1];
                double m0 = s[0] / n[0];
                double pooled = (q[1] / n[1] - m1 * m1 + q[0] / n[0] - m0 * m0) / 2;
                sum += Math.abs(m1 - m0) / Math.sqrt(pooled);
            }
            return sum / (to - from);
        }

        double mean(float[] rows, int views, int from, int to) {
            int f = DemoBackbone.FEATURES;
            int n = trainEntries.size() * views;
            double sum = 0;
            for (int r = 0; r < n; r++) {
                for (int j = from; j < to; j++) {
                    sum += rows[r * f + j];
                }
            }
            return sum / n / (to - from);
        }

        double linearProbeOodAuroc(Arm arm) {
            int n = trainEntries.size() * VIEWS;
            LogisticHead head = LogisticHead.fit(bank.rows(arm), n, DemoBackbone.FEATURES, labels(trainEntries, VIEWS), 1);
            return Auroc.of(scores(head, ood, oodEntries.size(), DemoBackbone.FEATURES), labels(oodEntries, 1));
        }

        double[] scores(LogisticHead head, float[] rows, int n, int f) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = head.score(rows, i * f);
            }
            return out;
        }

        static float[] columns(float[] rows, int n, int from) {
            int f = DemoBackbone.FEATURES;
            float[] out = new float[n * (f - from)];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows, i * f + from, out, i * (f - from), f - from);
            }
            return out;
        }
    }
}
