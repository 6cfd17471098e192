package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.DemoScenario;
import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.engine.evaluation.FeatureSink;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.evaluation.VendorEvaluation;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The exported reference model, run by the ordinary evaluation, reproduces the scores the head gave in Java. */
class ReferenceModelExportTest {

    @TempDir
    Path dir;

    @Test
    void exportedModelReproducesTheInJavaScoresUnderEvaluate() throws IOException {
        DemoScenario.Layout demo = DemoScenario.create(dir.resolve("demo"), 5, RuntimeOptions.cpu(), 2, Progress.NONE);
        OnnxModel vendor = OnnxModel.read(demo.vendorModel());
        AuditConfig config = AuditConfig.load(demo.auditConfig());
        try (SiteDataset dataset = SiteDataset.open(demo.dataset())) {
            ReferenceResult result = ReferenceComparison.run(vendor, dataset, config,
                    ReferenceOptions.defaults().withSeeds(2).withBankViews(2).withThreads(2), Progress.NONE);
            ReferenceModelExport.Files files = ReferenceModelExport.write(vendor, result, Arm.NOISE, 2, dir.resolve("export"));
            OnnxModel reference = OnnxModel.read(files.model());
            assertThat(reference.inspect().metadata()).containsEntry("auditgate.reference.arm", "noise")
                    .containsEntry("auditgate.reference.seed", "2")
                    .containsEntry("auditgate.input.mean", "0.5,0.5,0.5");

            EvaluationResult evaluated = VendorEvaluation.run(reference, dataset, config, VendorEvaluation.Options.defaults(),
                    Progress.NONE, FeatureSink.DISCARD);
            List<ScoredImage> inJava = result.run(Arm.NOISE, 2).scores();
            assertThat(evaluated.scored()).hasSameSizeAs(inJava);
            double largest = 0;
            for (int i = 0; i < inJava.size(); i++) {
                assertThat(evaluated.scored().get(i).entry()).isEqualTo(inJava.get(i).entry());
                largest = Math.max(largest, Math.abs(evaluated.scored().get(i).score() - inJava.get(i).score()));
            }
            System.out.printf("reference export: largest |ONNX Runtime score - Java score| = %.2e over %d images%n", largest, inJava.size());
            assertThat(largest).isLessThan(1e-5);

            List<String> csv = Files.readAllLines(files.scores());
            assertThat(csv).hasSize(inJava.size() + 1);
            assertThat(csv.get(0)).isEqualTo("path,label,score,source,split");
        }
    }

    @Test
    void csvFieldsAreQuotedAndNeverFormulas() {
        assertThat(ReferenceModelExport.csvField("site-a")).isEqualTo("site-a");
        assertThat(ReferenceModelExport.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReferenceModelExport.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReferenceModelExport.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReferenceModelExport.csvField("+1")).isEqualTo("'+1");
    }
}
