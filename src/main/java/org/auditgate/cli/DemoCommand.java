package org.auditgate.cli;

import jakarta.inject.Inject;
import org.auditgate.engine.demo.DemoScenario;
import org.auditgate.engine.audit.AuditResults;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.evaluations.EvaluationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Shows the product working with no data of one's own: a synthetic multi-source dataset with a
 * planted shortcut, a demo vendor model that learned the shortcut, and their evaluation.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a synthetic dataset, a demo vendor model and audit.yaml into a folder, then evaluate the model on them.")
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the demo (default: a new folder under ./auditgate-data/). Must be empty or new.")
    Path out;

    @Option(names = "--seed", defaultValue = "20251105", paramLabel = "N", description = "Seed of the synthetic data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--policy", defaultValue = "default", paramLabel = "FILE|NAME",
            description = "The policy of the demo's audit: a file or a shipped policy (default, screening, workflow-burden) (default ${DEFAULT-VALUE}).")
    String policy;

    @Mixin
    ComparisonOptions comparison;

    @Mixin
    DeviceOption device;

    private final EvaluationService evaluations;

    @Inject
    public DemoCommand(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Integer call() {
        Path folder = out != null ? out : Path.of("auditgate-data",
                "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        OutputFolder.requireEmpty(folder, "--out");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        DemoScenario.Layout layout = DemoScenario.create(folder, seed, device.runtime(), device.threads(), new ProgressLine(err));
        stdout.printf(Locale.ROOT, "demo written to %s: %d synthetic chest X-rays from %d sources, vendor-model.onnx, audit.yaml%n%n",
                folder, layout.summary().images(), layout.summary().counts().size());

        Path auditFolder = folder.resolve("audit");
        AuditResults results = AuditCommand.run(layout.vendorModel(), layout.dataset(), layout.auditConfig(), policy, auditFolder,
                AuditCommand.options(device, comparison, null), evaluations, stdout, err);

        double id = results.vendor().metrics().group("id").value(Metric.AUROC);
        double ood = results.vendor().metrics().group("ood").value(Metric.AUROC);
        stdout.printf(Locale.ROOT, "%nThe vendor model reaches AUROC %s in distribution but %s out of distribution (gap %s):%n"
                        + "it learned the ID sites' acquisition artifacts, which go with the label there, not the opacity.%n",
                MetricTable.format(id), MetricTable.format(ood), MetricTable.format(Math.abs(id - ood)));
        stdout.printf(Locale.ROOT, "%nRerun the audit by hand:%n  java -jar target/quarkus-app/quarkus-run.jar audit --model %s --dataset %s "
                        + "--config %s --policy %s --out <new folder>%n",
                layout.vendorModel(), layout.dataset(), layout.auditConfig(), policy);
        err.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
        stdout.flush();
        return 0;
    }

}
