package org.auditgate.engine.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.DemoBackbone;
import org.auditgate.engine.demo.DemoVendorModel;
import org.auditgate.engine.demo.LogisticHead;
import org.auditgate.engine.demo.SyntheticCxrGenerator;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
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
 * <p>With the paper's protocol (views and head as DESIGN §4) this does <b>not</b> hold on this data
 * (see {@link #noiseArmGeneralisesBetterOutOfDistribution}); the tests below pin down why:
 * <ul>
 *   <li>the noise does mask the artifacts at the backbone's scale (the high-pass features lose
 *       their label signal), but it also inflates those features far above anything a clean
 *       validation or test image shows, so noise-arm heads meet shifted inputs at evaluation;
 *   <li>RandomResizedCrop (scale 0.08–1) removes most of the disease signal at this backbone's
 *       scale: its low-frequency features are whole-image summaries (blob mean and maximum,
 *       gradients, grey mean) that change with the field of view;
 *   <li>what is left favours the noise arm only for a standardised linear probe on the same banks;
 *       the paper's head (unstandardised input, lr 1e-4, early stopping on clean validation
 *       images) does not reach it.
 * </ul>
 */
class SyntheticReferenceTest {

    static final int SEEDS = 8;
    static final int VIEWS = 4;
    static final int HIGH_PASS = 16;

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
        double[] differences = pairedOodDifferences();
        MeanSd paired = MeanSd.of(differences);
        System.out.printf("synthetic reference (paper protocol), %d seeds, K = %d:%n", SEEDS, VIEWS);
        for (Arm arm : Arm.values()) {
            ArmSummary a = result.summaries().get(arm);
            System.out.printf("  %-5s ID AUROC %.4f ± %.4f, OOD AUROC %.4f ± %.4f, gap %.4f ± %.4f%n", a.arm().cliName(),
                    a.idAuroc().mean(), a.idAuroc().sd(), a.oodAuroc().mean(), a.oodAuroc().sd(),
                    a.aurocGap().mean(), a.aurocGap().sd());
        }
        System.out.printf("  OOD AUROC noise − clean: mean %.4f, SD of the paired differences %.4f%n", paired.mean(), paired.sd());
    }

    static ReferenceResult run(Path cache, Progress progress) {
        try (SiteDataset dataset = SiteDataset.open(folder.resolve("dataset"))) {
            return ReferenceComparison.run(vendor, dataset, config,
                    new ReferenceOptions(SEEDS, VIEWS, 32, 2, RuntimeOptions.cpu()), progress, FeatureCache.persistentIn(cache));
        }
    }

    static double[] pairedOodDifferences() {
        double[] differences = new double[SEEDS];
        for (int s = 1; s <= SEEDS; s++) {
            differences[s - 1] = ood(result.run(Arm.NOISE, s)) - ood(result.run(Arm.CLEAN, s));
        }
        return differences;
    }

    @Test
    @Disabled("Does not hold with the paper's protocol on the demo data: noise − clean OOD AUROC is −0.014 "
            + "(SD of paired differences 0.023) over 8 seeds. Why: see the class comment and the probe tests; "
            + "reported to the integrator")
    void noiseArmGeneralisesBetterOutOfDistribution() {
        assertThat(result.summaries().get(Arm.NOISE).oodAuroc().mean())
                .isGreaterThan(result.summaries().get(Arm.CLEAN).oodAuroc().mean());
    }

    @Test
    void theEffectIsThePairedMeanDifference() {
        MeanSd paired = MeanSd.of(pairedOodDifferences());
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
