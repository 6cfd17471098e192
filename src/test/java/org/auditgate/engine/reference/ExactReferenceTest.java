package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.DemoScenario;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.training.HeadConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Exact view mode end to end on the demo: a vendor model, its dataset and audit.yaml. */
class ExactReferenceTest {

    static final int SEEDS = 2;
    /** The paper's head with at most 4 epochs, so that a backbone pass per view and epoch stays quick. */
    static final HeadConfig HEAD = new HeadConfig(64, 0.5, 32, 1e-4, 4, 5, 0.1, 5, 0.01, 0.98);

    @TempDir
    static java.nio.file.Path folder;
    static ReferenceResult onePool;
    static ReferenceResult twoPool;
    static Set<String> stages = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void runTwice() {
        DemoScenario.Layout demo = DemoScenario.create(folder.resolve("demo"), 5, RuntimeOptions.cpu(), 2, Progress.NONE);
        OnnxModel vendor = OnnxModel.read(demo.vendorModel());
        AuditConfig config = AuditConfig.load(demo.auditConfig());
        ReferenceOptions options = new ReferenceOptions(SEEDS, 16, 32, 1, RuntimeOptions.cpu(), ViewMode.EXACT);
        try (SiteDataset dataset = SiteDataset.open(demo.dataset())) {
            onePool = ReferenceComparison.run(vendor, dataset, config, options, HEAD, ViewSettings.paper(),
                    (stage, done, total) -> stages.add(stage), FeatureCache.inMemory());
            twoPool = ReferenceComparison.run(vendor, dataset, config, options.withThreads(2), HEAD, ViewSettings.paper(),
                    Progress.NONE, FeatureCache.inMemory());
        }
    }

    @Test
    void completesWithBothArmsInExactMode() {
        assertThat(onePool.viewMode()).isEqualTo(ViewMode.EXACT);
        assertThat(onePool.bankViews()).isZero();
        assertThat(stages).contains("decoding training images", "training heads").doesNotContain("computing training views");
        for (Arm arm : Arm.values()) {
            assertThat(onePool.runs().get(arm)).hasSize(SEEDS);
            for (int s = 1; s <= SEEDS; s++) {
                SeedRun run = onePool.run(arm, s);
                assertThat(run.valAurocCurve()).isNotEmpty().hasSizeLessThanOrEqualTo(HEAD.maxEpochs());
                assertThat(run.scores()).isNotEmpty();
                assertThat(run.scores()).allSatisfy(x -> assertThat(x.score()).isBetween(0.0, 1.0));
            }
        }
        Set<Double> scores = new HashSet<>();
        for (Arm arm : Arm.values()) {
            scores.add(onePool.run(arm, 1).scores().get(0).score());
        }
        assertThat(scores).as("paired runs differ only in their views, and the views differ").hasSize(2);
        assertThat(ReferenceJson.toJson(onePool, new com.fasterxml.jackson.databind.ObjectMapper()).get("viewMode").asText())
                .isEqualTo("exact");
    }

    @Test
    void theNumbersDoNotDependOnThePoolSize() {
        for (Arm arm : Arm.values()) {
            for (int s = 1; s <= SEEDS; s++) {
                assertThat(twoPool.run(arm, s).valAurocCurve()).containsExactly(onePool.run(arm, s).valAurocCurve());
                assertThat(twoPool.run(arm, s).bestEpoch()).isEqualTo(onePool.run(arm, s).bestEpoch());
                assertThat(twoPool.run(arm, s).scores()).isEqualTo(onePool.run(arm, s).scores());
            }
            assertThat(twoPool.summaries().get(arm)).isEqualTo(onePool.summaries().get(arm));
        }
    }
}
