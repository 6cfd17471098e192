package org.auditgate.cli;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.reference.FeatureCache;
import org.auditgate.engine.reference.ReferenceComparison;
import org.auditgate.engine.reference.ReferenceJson;
import org.auditgate.engine.reference.ReferenceModelExport;
import org.auditgate.engine.reference.ReferenceOptions;
import org.auditgate.engine.reference.ReferenceResult;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.split.AuditConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The reference comparison: on the vendor's frozen backbone, retrain the head without and with
 * noise injection over paired seeds, and compare the ID–OOD gaps (DESIGN §4).
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Retrain the classification head on the vendor's frozen backbone, without (clean) and with (noise) "
                + "training-time noise injection, over paired seeds; report ID and OOD AUROC and the gap per arm.")
public class ReferenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AuditInputOptions inputs;

    @Mixin
    ComparisonOptions comparison;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the reference JSON (every run's metrics and curves) to OUT.")
    Path json;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep backbone features of validation and test images in DIR, so a rerun skips them.")
    Path cache;

    @Option(names = "--export-reference", paramLabel = "DIR",
            description = "Write the reference model (the retrained head on the vendor backbone, ONNX) and its in-Java scores to DIR.")
    Path exportDir;

    @Option(names = "--export-arm", defaultValue = "noise", paramLabel = "clean|noise", description = "Arm of the exported model (default ${DEFAULT-VALUE}).")
    String exportArm;

    @Option(names = "--export-seed", defaultValue = "1", paramLabel = "S", description = "Seed of the exported model, 1..N (default ${DEFAULT-VALUE}).")
    int exportSeed;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() {
        ReferenceOptions options = comparison.options(device);
        Arm arm = parseArm();
        if (exportDir != null && (exportSeed < 1 || exportSeed > options.seeds())) {
            throw new UsageException("--export-seed must be between 1 and --seeds (" + options.seeds() + "), not " + exportSeed);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AuditConfig auditConfig = AuditConfig.load(inputs.config);
        OnnxModel vendor = OnnxModel.read(inputs.model);
        long started = System.nanoTime();
        try (SiteDataset site = SiteDataset.open(inputs.dataset)) {
            ReferenceResult result = ReferenceComparison.run(vendor, site, auditConfig, options, new ProgressLine(err),
                    cache == null ? FeatureCache.inMemory() : FeatureCache.persistentIn(cache));
            ReferenceStatistics statistics = ReferenceStatistics.of(result);
            ComparisonTable.print(result, statistics, out);
            if (json != null) {
                JsonOutput.write(json, ReferenceJson.toJson(result, statistics, JsonOutput.MAPPER));
                out.println("reference JSON written to " + json);
            }
            if (exportDir != null) {
                ReferenceModelExport.Files files = ReferenceModelExport.write(vendor, result, arm, exportSeed, exportDir);
                out.printf(Locale.ROOT, "reference model (%s arm, seed %d) written to %s, its in-Java scores to %s%n"
                                + "  check it: evaluate --model %s --dataset %s --config %s%n",
                        arm.cliName(), exportSeed, files.model(), files.scores(), files.model(), inputs.dataset, inputs.config);
            }
        }
        err.printf(Locale.ROOT, "reference comparison finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return 0;
    }

    private Arm parseArm() {
        try {
            return Arm.parse(exportArm);
        } catch (RejectedInputException e) {
            throw new UsageException("--export-arm: " + e.problem() + "; " + e.remedy());
        }
    }

}
