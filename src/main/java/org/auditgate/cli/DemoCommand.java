package org.auditgate.cli;

import jakarta.inject.Inject;
import org.auditgate.engine.demo.DemoScenario;
import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.evaluations.EvaluationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        requireEmpty(folder);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        DemoScenario.Layout layout = DemoScenario.create(folder, seed, device.runtime(), device.threads(), new ProgressLine(err));
        stdout.printf(Locale.ROOT, "demo written to %s: %d synthetic chest X-rays from %d sources, vendor-model.onnx, audit.yaml%n%n",
                folder, layout.summary().images(), layout.summary().counts().size());

        EvaluateCommand evaluate = new EvaluateCommand(evaluations);
        evaluate.model = layout.vendorModel();
        evaluate.dataset = layout.dataset();
        evaluate.config = layout.auditConfig();
        evaluate.json = folder.resolve("evaluation.json");
        evaluate.batch = 32;
        evaluate.device = device;
        EvaluationResult result = evaluate.run(stdout, err);

        double id = result.metrics().group("id").value(org.auditgate.engine.metrics.Metric.AUROC);
        double ood = result.metrics().group("ood").value(org.auditgate.engine.metrics.Metric.AUROC);
        stdout.printf(Locale.ROOT, "%nThe vendor model reaches AUROC %s in distribution but %s out of distribution (gap %s):%n"
                        + "it learned the ID sites' acquisition artifacts, which go with the label there, not the opacity.%n",
                MetricTable.format(id), MetricTable.format(ood), MetricTable.format(Math.abs(id - ood)));
        stdout.printf(Locale.ROOT, "%nRerun the evaluation by hand:%n  java -jar target/quarkus-app/quarkus-run.jar evaluate --model %s --dataset %s --config %s%n",
                layout.vendorModel(), layout.dataset(), layout.auditConfig());
        err.printf(Locale.ROOT, "demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
        stdout.flush();
        return 0;
    }

    private static void requireEmpty(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--out " + folder + " is a file; give a new or empty folder");
        }
        try (var children = Files.list(folder)) {
            if (children.findAny().isPresent()) {
                throw new UsageException("--out " + folder + " is not empty; give a new or empty folder so nothing is overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
