package org.auditgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.EvaluationJson;
import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.engine.evaluation.FeatureSink;
import org.auditgate.engine.evaluation.VendorEvaluation;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.evaluations.EvaluationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Evaluates a vendor model as it is on a site dataset, ID vs OOD, per source. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a vendor ONNX model on a site dataset: metrics on ID test, OOD pooled and per source, and the ID-OOD gaps.")
public class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditInputOptions inputs;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the metric JSON with provenance to OUT.")
    Path json;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", description = "Images per inference batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    DeviceOption device;

    private final EvaluationService evaluations;

    @Inject
    public EvaluateCommand(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Integer call() {
        if (batch < 1 || batch > 4096) {
            throw new UsageException("--batch must be between 1 and 4096");
        }
        run(spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    EvaluationResult run(PrintWriter out, PrintWriter err) {
        AuditConfig auditConfig = AuditConfig.load(inputs.config);
        OnnxModel onnx = OnnxModel.read(inputs.model);
        VendorEvaluation.Options options = new VendorEvaluation.Options(batch, device.threads(), device.runtime(),
                ImageLimits.defaults());
        try (SiteDataset site = SiteDataset.open(inputs.dataset)) {
            EvaluationResult result = VendorEvaluation.run(onnx, site, auditConfig, options, new ProgressLine(err), FeatureSink.DISCARD);
            MetricStatistics statistics = EvaluationJson.statistics(result, auditConfig);
            ObjectNode node = EvaluationJson.toJson(result, statistics, onnx, site, auditConfig, JsonOutput.MAPPER);
            EvaluationSummary.print(result, statistics, onnx, out);
            err.printf(Locale.ROOT, "scored %d images in %.1f s (%.1f images/s) on %s%n", result.scored().size(),
                    result.scoringTime().toNanos() / 1e9, result.imagesPerSecond(), result.device());
            if (json != null) {
                JsonOutput.write(json, node);
                out.println("metric JSON written to " + json);
            }
            long id = evaluations.record(new EvaluationService.Record(onnx.name(), onnx.sha256(), site.origin().toString(),
                    site.manifestSha256(), auditConfig.sha256(), auditConfig.positive(), auditConfig.threshold(), JsonOutput.compact(node)));
            out.println("recorded as evaluation " + id);
            out.flush();
            return result;
        }
    }

}
