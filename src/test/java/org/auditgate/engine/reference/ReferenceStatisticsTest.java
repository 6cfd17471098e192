package org.auditgate.engine.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.DemoBackbone;
import org.auditgate.engine.demo.DemoDatasetSpec;
import org.auditgate.engine.demo.DemoVendorModel;
import org.auditgate.engine.demo.LogisticHead;
import org.auditgate.engine.demo.SyntheticCxrGenerator;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.stats.Holm;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReferenceStatistics} recomputed from the per-seed runs of a real (small) reference
 * comparison on the demo's synthetic data: {@link DemoBackbone}, 3 seeds, K = 2.
 */
class ReferenceStatisticsTest {

    static final int SEEDS = 3;

    @TempDir
    static Path folder;
    static ReferenceResult result;
    static ReferenceStatistics statistics;

    @BeforeAll
    static void runOnce() {
        SyntheticCxrGenerator.write(folder.resolve("dataset"), 2024, new DemoDatasetSpec(64, 72, 40, 10));
        float[] features = new float[4 * DemoBackbone.FEATURES];
        for (int i = 0; i < features.length; i++) {
            features[i] = (i * 7 % 11) / 11f;
        }
        LogisticHead head = LogisticHead.fit(features, 4, DemoBackbone.FEATURES, new boolean[] {true, false, true, false}, 1);
        OnnxModel vendor = OnnxModel.of(DemoVendorModel.assemble(DemoBackbone.build(), head), "demo-vendor.onnx");
        AuditConfig config = AuditConfig.parse(SyntheticCxrGenerator.auditYaml(), "audit.yaml");
        try (SiteDataset dataset = SiteDataset.open(folder.resolve("dataset"))) {
            result = ReferenceComparison.run(vendor, dataset, config, new ReferenceOptions(SEEDS, 2, 32, 2, RuntimeOptions.cpu()),
                    Progress.NONE);
        }
        statistics = ReferenceStatistics.of(result);
    }

    /** The per-seed values of one arm, scope and metric, read from the runs. */
    static double[] perSeed(Arm arm, ReferenceStatistics.Scope scope, Metric metric) {
        List<SeedRun> runs = result.runs().get(arm);
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            SeedRun run = runs.get(i);
            values[i] = switch (scope) {
                case ID -> run.metrics().group(Cohort.ID.groupKey()).value(metric);
                case OOD -> run.metrics().group(Cohort.OOD.groupKey()).value(metric);
                case GAP -> run.gaps().get(metric);
            };
        }
        return values;
    }

    @Test
    void seedSummariesAreThoseOfThePerSeedValues() {
        for (Arm arm : Arm.values()) {
            for (ReferenceStatistics.Scope scope : ReferenceStatistics.Scope.values()) {
                for (Metric metric : Metric.values()) {
                    SeedSummary expected = SeedSummary.of(perSeed(arm, scope, metric));
                    assertThat(statistics.summary(arm, scope, metric)).as(arm + " " + scope + " " + metric).isEqualTo(expected);
                    assertThat(expected.n()).isLessThanOrEqualTo(SEEDS);
                }
            }
            // the AUROC summaries agree with the comparison's own arm summary
            assertThat(statistics.summary(arm, ReferenceStatistics.Scope.OOD, Metric.AUROC).mean())
                    .isEqualTo(result.summaries().get(arm).oodAuroc().mean(), org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(statistics.summary(Arm.CLEAN, ReferenceStatistics.Scope.ID, Metric.AUROC).n()).isEqualTo(SEEDS);
    }

    @Test
    void reductionsArePairedComparisonsOfTheGapsAndHolmIsOverTheMetrics() {
        Metric[] metrics = Metric.values();
        double[] p = new double[metrics.length];
        for (int m = 0; m < metrics.length; m++) {
            PairedComparison expected = PairedComparison.of(perSeed(Arm.CLEAN, ReferenceStatistics.Scope.GAP, metrics[m]),
                    perSeed(Arm.NOISE, ReferenceStatistics.Scope.GAP, metrics[m]));
            assertThat(statistics.reductions().get(metrics[m])).as(metrics[m].jsonName()).isEqualTo(expected);
            p[m] = expected.wilcoxonP();
        }
        double[] adjusted = Holm.adjust(p);
        for (int m = 0; m < metrics.length; m++) {
            assertThat(Double.compare(statistics.holmWilcoxonP().get(metrics[m]), adjusted[m])).as(metrics[m].jsonName()).isZero();
        }
        assertThat(statistics.reductions().get(Metric.AUROC).pairs()).isEqualTo(SEEDS);
    }

    @Test
    void jsonCarriesTheStatisticsAndTheSourceProbe() {
        JsonNode json = ReferenceJson.toJson(result, new ObjectMapper());
        JsonNode auroc = json.get("statistics").get("gapReduction").get("auroc");
        assertThat(auroc.has("wilcoxonPHolm")).isTrue();
        double holm = statistics.holmWilcoxonP().get(Metric.AUROC);
        if (Double.isNaN(holm)) {
            assertThat(auroc.get("wilcoxonPHolm").isNull()).isTrue();
        } else {
            assertThat(auroc.get("wilcoxonPHolm").asDouble()).isEqualTo(holm);
        }
        assertThat(auroc.get("pairs").asInt()).isEqualTo(SEEDS);
        assertThat(auroc.get("mean").asDouble()).isEqualTo(statistics.reductions().get(Metric.AUROC).reduction().mean());
        JsonNode cleanIdRecall = json.get("statistics").get("arms").get("clean").get("id").get("recall");
        assertThat(cleanIdRecall.get("n").asInt()).isEqualTo(statistics.summary(Arm.CLEAN, ReferenceStatistics.Scope.ID, Metric.RECALL).n());

        JsonNode probe = json.get("sourceProbe");
        assertThat(probe).isNotNull();
        SourceProbe.Result r = result.sourceProbe();
        assertThat(probe.get("sources").size()).isEqualTo(r.sources().size());
        assertThat(probe.get("sources").get(0).asText()).isEqualTo(r.sources().get(0));
        assertThat(probe.get("testImages").asInt()).isEqualTo(r.testImages());
        // the demo's ID sources are site-north (pneumonia) and site-south (normal): the probe applies
        assertThat(r.sources()).containsExactly("site-north", "site-south");
        assertThat(r.reason()).isNull();
        assertThat(probe.has("notApplicable")).isFalse();
        assertThat(probe.get("auroc").asDouble()).isEqualTo(r.auroc());
    }
}
