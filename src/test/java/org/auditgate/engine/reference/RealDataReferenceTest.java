package org.auditgate.engine.reference;

import org.auditgate.engine.evaluation.RealDataEvaluationTest;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.Partition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference comparison on real chest X-rays with the real MobileNetV2-int8 backbone and the
 * paper-like split of the data's README (3 seeds, K = 2): every (arm, seed) is there, every test
 * image is scored, and two runs on pools of 1 and 2 threads give the same numbers.
 */
class RealDataReferenceTest {

    static final String PAPER_LIKE = RealDataEvaluationTest.PAPER_LIKE;
    static final int SEEDS = 3;

    static Path data;
    static AuditConfig config;
    static OnnxModel model;
    static ReferenceResult onePool;
    static ReferenceResult twoPool;
    static final Set<String> stages = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void runTwice() {
        data = Path.of(System.getProperty("auditgate.sharedData", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("cxr-covid-pneumonia")) && Files.isDirectory(data.resolve("models")),
                "real-data test skipped: no shared data at " + data.toAbsolutePath() + " (set -Dauditgate.sharedData)");
        config = AuditConfig.parse(PAPER_LIKE, "audit.yaml");
        model = OnnxModel.read(data.resolve("models/mobilenetv2-12-int8.onnx"));
        try (SiteDataset dataset = SiteDataset.open(data.resolve("cxr-covid-pneumonia"))) {
            long started = System.nanoTime();
            onePool = ReferenceComparison.run(model, dataset, config, new ReferenceOptions(SEEDS, 2, 32, 1, RuntimeOptions.cpu()),
                    (stage, done, total) -> stages.add(stage));
            long middle = System.nanoTime();
            twoPool = ReferenceComparison.run(model, dataset, config, new ReferenceOptions(SEEDS, 2, 32, 2, RuntimeOptions.cpu()),
                    Progress.NONE);
            System.out.printf("real-data reference, %d seeds, K = 2: %.1f s on a pool of 1, %.1f s on a pool of 2%n", SEEDS,
                    (middle - started) / 1e9, (System.nanoTime() - middle) / 1e9);
            for (Arm arm : Arm.values()) {
                ArmSummary s = onePool.summaries().get(arm);
                System.out.printf("  %-5s ID AUROC %.4f ± %.4f, OOD AUROC %.4f ± %.4f, gap %.4f ± %.4f%n", arm.cliName(),
                        s.idAuroc().mean(), s.idAuroc().sd(), s.oodAuroc().mean(), s.oodAuroc().sd(), s.aurocGap().mean(),
                        s.aurocGap().sd());
            }
        }
    }

    @Test
    void everyArmAndSeedIsPresentAndEveryTestImageScored() {
        Set<String> expected = onePool.split().assignments().stream()
                .filter(a -> a.partition() == Partition.TEST || a.partition() == Partition.OOD)
                .map(a -> a.entry().path()).collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        assertThat(onePool.featureDimension()).isEqualTo(1280);
        assertThat(onePool.seeds()).isEqualTo(SEEDS);
        assertThat(onePool.bankViews()).isEqualTo(2);
        for (Arm arm : Arm.values()) {
            assertThat(onePool.runs().get(arm)).hasSize(SEEDS);
            for (int s = 1; s <= SEEDS; s++) {
                SeedRun run = onePool.run(arm, s);
                assertThat(run.arm()).isEqualTo(arm);
                assertThat(run.seed()).isEqualTo(s);
                assertThat(run.valAurocCurve()).isNotEmpty();
                assertThat(run.bestEpoch()).isBetween(0, run.valAurocCurve().length - 1);
                List<ScoredImage> scores = run.scores();
                assertThat(scores.stream().map(i -> i.entry().path()).collect(Collectors.toSet())).isEqualTo(expected);
                assertThat(scores).hasSize(expected.size());
                assertThat(scores).allSatisfy(i -> assertThat(i.score()).isBetween(0.0, 1.0));
                assertThat(new HashSet<>(scores.stream().map(ScoredImage::partition).toList()))
                        .containsExactlyInAnyOrder(Partition.TEST, Partition.OOD);
                assertThat(run.metrics().group(Cohort.ID.groupKey()).value(Metric.AUROC)).isBetween(0.0, 1.0);
                assertThat(run.metrics().group(Cohort.OOD.groupKey()).value(Metric.AUROC)).isBetween(0.0, 1.0);
                assertThat(run.metrics().groups()).containsKeys("source:sirm.org", "source:radiopaedia.org",
                        "source:github.com", "source:eurorad.org");
                assertThat(run.gaps().get(Metric.AUROC)).isBetween(0.0, 1.0);
                assertThat(run.head().featureDimension()).isEqualTo(1280);
            }
        }
        assertThat(stages).contains("computing training views", "computing features", "training heads");
    }

    @Test
    void poolsOfOneAndTwoThreadsGiveIdenticalNumbers() {
        for (Arm arm : Arm.values()) {
            for (int s = 1; s <= SEEDS; s++) {
                SeedRun a = onePool.run(arm, s);
                SeedRun b = twoPool.run(arm, s);
                assertThat(b.bestEpoch()).isEqualTo(a.bestEpoch());
                assertThat(b.valAurocCurve()).containsExactly(a.valAurocCurve());
                assertThat(b.scores()).isEqualTo(a.scores());
                assertThat(b.metrics()).isEqualTo(a.metrics());
                assertThat(b.head().w1()).containsExactly(a.head().w1());
            }
        }
        assertThat(twoPool.summaries()).isEqualTo(onePool.summaries());
    }

    @Test
    void pairedRunsShareTheirStartButNotTheirViews() {
        // Same trainer stream in both arms, different views: the curves must differ somewhere.
        boolean anyDifferent = false;
        for (int s = 1; s <= SEEDS; s++) {
            anyDifferent |= !java.util.Arrays.equals(onePool.run(Arm.CLEAN, s).valAurocCurve(),
                    onePool.run(Arm.NOISE, s).valAurocCurve());
        }
        assertThat(anyDifferent).isTrue();
    }
}
