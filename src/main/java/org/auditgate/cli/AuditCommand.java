package org.auditgate.cli;

import org.auditgate.engine.audit.Audit;
import org.auditgate.engine.audit.AuditJson;
import org.auditgate.engine.audit.AuditResults;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.VendorEvaluation;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.policy.Finding;
import org.auditgate.engine.policy.Outcome;
import org.auditgate.engine.policy.Policy;
import org.auditgate.engine.policy.PolicyLoader;
import org.auditgate.engine.policy.PolicyOutcome;
import org.auditgate.engine.reference.FeatureCache;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.evaluations.EvaluationService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The whole audit: vendor evaluation, reference comparison, statistics and the policy's findings. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run the whole audit: evaluate the vendor model ID vs OOD, retrain its head with and without noise over paired seeds, "
                + "compute the statistics, apply a policy, and write results.json. Findings are printed first.")
public class AuditCommand implements Callable<Integer> {

    /** The file the audit writes into {@code --out}. */
    static final String RESULTS = "results.json";

    @Spec
    CommandSpec spec;

    @Mixin
    AuditInputOptions inputs;

    @Option(names = "--policy", defaultValue = "default", paramLabel = "FILE|NAME",
            description = "A policy file, or a shipped policy by name: default, screening, workflow-burden (default ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write results.json: a new or empty folder.")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep backbone features in DIR, so a rerun skips the backbone.")
    Path cache;

    @Mixin
    ComparisonOptions comparison;

    @Mixin
    DeviceOption device;

    private final EvaluationService evaluations;

    @Inject
    public AuditCommand(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Integer call() {
        run(inputs.model, inputs.dataset, inputs.config, policy, out, options(device, comparison, cache), evaluations, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }

    /** How to run an audit on the chosen device: batches of 32, the comparison's seeds and views, a feature cache in {@code cache} or in memory. */
    static Audit.Options options(DeviceOption device, ComparisonOptions comparison, Path cache) {
        return new Audit.Options(new VendorEvaluation.Options(32, device.threads(), device.runtime(), ImageLimits.defaults()),
                comparison.options(device), cache == null ? FeatureCache.inMemory() : FeatureCache.persistentIn(cache));
    }

    /**
     * Runs an audit and writes {@code out/results.json}; prints the findings, the vendor evaluation and
     * the comparison table to {@code stdout} and progress to {@code err}.
     *
     * @param policy a policy file or the name of a shipped policy
     * @param evaluations where the vendor evaluation is recorded
     * @throws UsageException when {@code out} is a file or a folder that is not empty
     */
    static AuditResults run(Path model, Path dataset, Path config, String policy, Path out, Audit.Options options,
                            EvaluationService evaluations, PrintWriter stdout, PrintWriter err) {
        OutputFolder.requireEmpty(out, "--out");
        Policy rules = loadPolicy(policy);
        AuditConfig auditConfig = AuditConfig.load(config);
        OnnxModel vendor = OnnxModel.read(model);
        long started = System.nanoTime();
        try (SiteDataset site = SiteDataset.open(dataset)) {
            AuditResults results = Audit.run(vendor, site, auditConfig, rules, options, new ProgressLine(err));
            var json = AuditJson.toJson(results, vendor, site, auditConfig, JsonOutput.MAPPER);
            Files.createDirectories(out);
            Path file = out.resolve(RESULTS);
            JsonOutput.write(file, json);
            printFindings(results.outcome(), stdout);
            stdout.println();
            EvaluationSummary.print(results.vendor(), results.vendorStatistics(), vendor, stdout);
            stdout.println();
            ComparisonTable.print(results.reference(), results.referenceStatistics(), stdout);
            stdout.printf(Locale.ROOT, "Cramér's V between source and label in the ID training images (%d, sources %s): %s%n",
                    results.shortcuts().idTrainingImages(), TerminalText.safe(String.join(", ", results.shortcuts().idSources())),
                    MetricTable.format(results.shortcuts().cramersV()));
            long id = evaluations.record(new EvaluationService.Record(vendor.name(), vendor.sha256(), site.origin().toString(),
                    site.manifestSha256(), auditConfig.sha256(), auditConfig.positive(), auditConfig.threshold(),
                    JsonOutput.compact(json.get("vendor"))));
            stdout.println();
            stdout.printf(Locale.ROOT, "verdict %s; results written to %s; vendor evaluation recorded as evaluation %d%n",
                    results.outcome().verdict(), file, id);
            err.printf(Locale.ROOT, "audit finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
            stdout.flush();
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
        }
    }

    private static Policy loadPolicy(String policy) {
        Path file = Path.of(policy);
        if (Files.isRegularFile(file)) {
            return PolicyLoader.load(file);
        }
        return PolicyLoader.builtIn(policy);
    }

    /** The verdict, then every violated and undetermined rule with its message, then the rules that passed. */
    static void printFindings(PolicyOutcome outcome, PrintWriter out) {
        List<Finding> findings = outcome.findings();
        long violated = findings.stream().filter(f -> f.outcome() == Outcome.VIOLATED).count();
        long undetermined = findings.stream().filter(f -> f.outcome() == Outcome.UNDETERMINED).count();
        out.printf(Locale.ROOT, "VERDICT %s  (policy %s v%d: %d violated, %d undetermined, %d passed)%n", outcome.verdict(),
                TerminalText.safe(outcome.policyName()), outcome.version(), violated, undetermined, findings.size() - violated - undetermined);
        for (Finding f : findings) {
            if (f.outcome() == Outcome.PASSED) {
                continue;
            }
            out.printf(Locale.ROOT, "  %-4s %-12s %s: %s %s %s (%s)%n", f.severity().yamlName().toUpperCase(Locale.ROOT),
                    f.outcome() == Outcome.VIOLATED ? "violated" : "undetermined", TerminalText.safe(f.ruleId()),
                    TerminalText.safe(f.metric()), TerminalText.safe(f.statistic()), TerminalText.safe(f.scope()), TerminalText.safe(f.detail()));
            out.printf(Locale.ROOT, "       %s%n", TerminalText.safe(f.message()));
        }
        List<String> passed = findings.stream().filter(f -> f.outcome() == Outcome.PASSED).map(Finding::ruleId).toList();
        if (!passed.isEmpty()) {
            out.printf(Locale.ROOT, "  passed: %s%n", TerminalText.safe(String.join(", ", passed)));
        }
    }
}
