package org.auditgate.engine.evaluation;

import ai.onnx.proto.OnnxMl;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.demo.LogisticHead;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.onnx.FeatureLocator;
import org.auditgate.engine.onnx.FeatureTensor;
import org.auditgate.engine.onnx.GraphSurgery;
import org.auditgate.engine.onnx.InferenceSession;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.split.PatientSplitter;
import org.auditgate.engine.split.SplitResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end on real chest X-rays: a small binary head, fitted here on the ID training images'
 * features, is grafted onto the real MobileNetV2-int8 backbone, and the resulting vendor model is
 * evaluated with the paper-like split of the data's README (ID covid from github.com and
 * pneumonia from eurorad.org; OOD from sirm.org and radiopaedia.org; 0.6/0.15/0.25 by patient).
 */
public class RealDataEvaluationTest {

    /** The paper-like split of the data README, shared by the real-data tests. */
    public static final String PAPER_LIKE = """
            task:
              positive: pneumonia
              negative: covid
            sources:
              covid:
                id: [github.com]
                ood: [sirm.org, radiopaedia.org]
              pneumonia:
                id: [eurorad.org]
                ood: [radiopaedia.org]
            split:
              method: patient
              train: 0.6
              val: 0.15
              test: 0.25
              seed: 20251105
            threshold: 0.5
            """;

    static Path data;

    @BeforeAll
    static void sharedData() {
        data = Path.of(System.getProperty("auditgate.sharedData", "../shared/data"));
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("cxr-covid-pneumonia")) && Files.isDirectory(data.resolve("models")),
                "real-data test skipped: no shared data at " + data.toAbsolutePath() + " (set -Dauditgate.sharedData)");
    }

    /**
     * With -Dauditgate.exportDir=DIR the grafted model and the configuration are kept, so the same
     * evaluation can be run and measured from the command line.
     */
    private static void exportForManualRuns(OnnxModel vendor) {
        String dir = System.getProperty("auditgate.exportDir");
        if (dir == null) {
            return;
        }
        try {
            Path out = Files.createDirectories(Path.of(dir));
            Files.write(out.resolve(vendor.name()), vendor.bytes());
            Files.writeString(out.resolve("audit.yaml"), PAPER_LIKE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void graftedHeadOnMobileNetShowsTheIdOodGapOnRealChestXrays() {
        AuditConfig config = AuditConfig.parse(PAPER_LIKE, "audit.yaml");
        OnnxModel mobilenet = OnnxModel.read(data.resolve("models/mobilenetv2-12-int8.onnx"));
        try (SiteDataset dataset = SiteDataset.open(data.resolve("cxr-covid-pneumonia"))) {
            SplitResult split = PatientSplitter.split(dataset.entries(), config);
            List<DatasetEntry> train = split.of(Partition.TRAIN);
            FeatureTensor feature = FeatureLocator.locate(mobilenet.proto(), Optional.empty());
            OnnxMl.ModelProto exposed = GraphSurgery.exposeFeatures(mobilenet.proto(), feature);

            FeatureExtractor.Features features;
            try (ImageBatches batches = new ImageBatches(dataset, InputSpec.imagenet(), ImageLimits.defaults(), 32, 2);
                 InferenceSession session = InferenceSession.open(exposed.toByteArray(), RuntimeOptions.cpu())) {
                features = FeatureExtractor.extract(batches, train, session, feature.outputName(), Progress.NONE);
            }
            assertThat(features.dimension()).isEqualTo(1280);
            boolean[] positive = new boolean[train.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = train.get(i).label().equals("pneumonia");
            }
            LogisticHead head = LogisticHead.fit(features.values(), features.rows(), features.dimension(), positive, 7);
            OnnxModel vendor = OnnxModel.of(GraphSurgery.graftBinaryHead(mobilenet.proto(), feature, head.weights(), head.bias(),
                    "pneumonia_probability"), "mobilenetv2-cxr-head.onnx");

            exportForManualRuns(vendor);

            Map<DatasetEntry, float[]> testFeatures = new HashMap<>();
            EvaluationResult result = VendorEvaluation.run(vendor, dataset, config, VendorEvaluation.Options.defaults(),
                    Progress.NONE, (entry, values, offset, length) ->
                            testFeatures.put(entry, java.util.Arrays.copyOfRange(values, offset, offset + length)));

            // completeness: every ID test and OOD image scored once, with its features
            int expected = split.of(Partition.TEST).size() + split.of(Partition.OOD).size();
            assertThat(result.scored()).hasSize(expected);
            assertThat(testFeatures).hasSize(expected);
            MetricReport metrics = result.metrics();
            assertThat(metrics.groups()).containsKeys("overall", "id", "ood", "source:github.com", "source:eurorad.org",
                    "source:sirm.org", "source:radiopaedia.org");
            assertThat(metrics.group("id").n()).isEqualTo(split.of(Partition.TEST).size());
            assertThat(metrics.group("ood").n()).isEqualTo(split.of(Partition.OOD).size());
            assertThat(result.featureTensor().dimension()).isEqualTo(1280);

            // one pass yields both: the grafted score is the head applied to the exposed features
            for (ScoredImage s : result.scored()) {
                assertThat(s.score()).isCloseTo(head.score(testFeatures.get(s.entry()), 0), within(1e-4));
            }

            double id = metrics.group("id").value(Metric.AUROC);
            double ood = metrics.group("ood").value(Metric.AUROC);
            System.out.printf("real data, MobileNetV2-int8 + head fitted on %d ID training images: ID AUROC %.3f (n=%d), "
                            + "OOD AUROC %.3f (n=%d), gap %.3f, %.1f images/s%n", train.size(), id, metrics.group("id").n(), ood,
                    metrics.group("ood").n(), metrics.gaps().get(Metric.AUROC), result.imagesPerSecond());
            // the head learned the sources: it separates the ID test set and fails out of distribution
            assertThat(id).isGreaterThan(0.75);
            assertThat(ood).isLessThan(id - 0.2);

            // same numbers with another batch size and thread count
            EvaluationResult again = VendorEvaluation.run(vendor, dataset, config,
                    new VendorEvaluation.Options(7, 1, RuntimeOptions.cpu(), ImageLimits.defaults()), Progress.NONE, FeatureSink.DISCARD);
            for (int i = 0; i < result.scored().size(); i++) {
                assertThat(again.scored().get(i).entry()).isEqualTo(result.scored().get(i).entry());
                assertThat(again.scored().get(i).score()).isCloseTo(result.scored().get(i).score(), within(1e-6));
            }
            assertThat(again.metrics().group("ood").value(Metric.AUROC)).isCloseTo(ood, within(1e-9));
        }
    }
}
