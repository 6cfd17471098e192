package org.auditgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.metrics.MetricJson;
import org.auditgate.engine.stats.Interval;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.stats.PairedAuroc;
import org.auditgate.engine.stats.PairedDeLong;
import org.auditgate.engine.stats.StatisticsJson;
import org.auditgate.engine.metrics.ScoreFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;

/** Metrics for scores produced elsewhere: the same metric JSON as {@code evaluate}. */
@Command(name = "score-metrics", mixinStandardHelpOptions = true,
        description = "Compute the metric table and JSON from a CSV of scores (columns label,score; optional source,split).")
public class ScoreMetricsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "CSV", description = "Score file: label,score[,source][,split with id|ood].")
    Path scores;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T",
            description = "A case is called positive when score > T (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--positive", paramLabel = "LABEL",
            description = "The positive class; default 1 when the labels are 0 and 1.")
    String positive;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the metric JSON to OUT.")
    Path json;

    @Option(names = "--compare", paramLabel = "CSV",
            description = "A second score file for the same cases in the same order (another model): compares the AUROCs per group "
                    + "with DeLong's paired test.")
    Path compare;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Seed of the bootstrap intervals (F1, gaps) (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!Double.isFinite(threshold)) {
            throw new UsageException("--threshold must be a finite number");
        }
        ScoreFile.Contents contents = ScoreFile.read(scores);
        String positiveLabel = positiveLabel(contents.labels());
        MetricStatistics statistics = MetricStatistics.compute(contents.cases(), positiveLabel, threshold, seed);
        PrintWriter out = spec.commandLine().getOut();
        MetricTable.print(statistics, out);
        Map<String, PairedAuroc.Group> comparison = null;
        if (compare != null) {
            ScoreFile.Contents other = ScoreFile.read(compare);
            comparison = PairedAuroc.compare(contents.cases(), other.cases(), positiveLabel, scores.getFileName().toString(),
                    compare.getFileName().toString());
            printComparison(comparison, out);
        }
        if (json != null) {
            ObjectNode node = JsonOutput.MAPPER.createObjectNode();
            node.put("scores", scores.getFileName().toString());
            StatisticsJson.write(statistics, node);
            if (comparison != null) {
                writeComparison(comparison, node.putObject("comparison"));
            }
            JsonOutput.write(json, node);
            spec.commandLine().getOut().println("metric JSON written to " + json);
        }
        return 0;
    }

    private void printComparison(Map<String, PairedAuroc.Group> groups, PrintWriter out) {
        int width = Math.max(12, groups.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.println();
        out.printf(Locale.ROOT, "AUROC of %s (A) against %s (B), DeLong's paired test, two-sided%n",
                TerminalText.safe(scores.getFileName().toString()), TerminalText.safe(compare.getFileName().toString()));
        String format = "%-" + width + "s %6s %8s %8s %9s %17s %8s %10s%n";
        String header = String.format(Locale.ROOT, format, "group", "n", "AUROC A", "AUROC B", "A - B", "95% interval", "z", "p");
        out.print(header);
        out.println("-".repeat(header.length() - 1));
        for (Map.Entry<String, PairedAuroc.Group> e : groups.entrySet()) {
            PairedDeLong t = e.getValue().test();
            Interval d = e.getValue().difference();
            out.printf(Locale.ROOT, format, TerminalText.safe(e.getKey()), e.getValue().n(), MetricTable.format(t.aucA()),
                    MetricTable.format(t.aucB()), ComparisonTable.signed(t.difference()),
                    d.isDefined() ? ComparisonTable.signed(d.lower()) + "–" + ComparisonTable.signed(d.upper()) : "—",
                    Double.isNaN(t.z()) ? "—" : String.format(Locale.ROOT, "%.2f", t.z()), ComparisonTable.p(t.pValue()));
        }
        out.println("(— = undefined: one class only, fewer than two cases of a class, or identical scores)");
    }

    /** {@code comparison}: the second file's name and, per group, n, positives, aurocA, aurocB, difference, its interval, z and p. */
    private void writeComparison(Map<String, PairedAuroc.Group> groups, ObjectNode node) {
        node.put("scores", compare.getFileName().toString());
        node.put("method", "delong-paired");
        ObjectNode byGroup = node.putObject("groups");
        groups.forEach((key, g) -> {
            ObjectNode n = byGroup.putObject(key);
            n.put("n", g.n());
            n.put("positives", g.positives());
            MetricJson.putNumber(n, "aurocA", g.test().aucA());
            MetricJson.putNumber(n, "aurocB", g.test().aucB());
            MetricJson.putNumber(n, "difference", g.test().difference());
            MetricJson.putNumber(n, "ciLower", g.difference().lower());
            MetricJson.putNumber(n, "ciUpper", g.difference().upper());
            MetricJson.putNumber(n, "z", g.test().z());
            MetricJson.putNumber(n, "pValue", g.test().pValue());
        });
    }

    private String positiveLabel(SortedSet<String> labels) {
        String name = scores.getFileName().toString();
        if (positive == null) {
            if (labels.contains("1") && labels.stream().allMatch(l -> l.equals("0") || l.equals("1"))) {
                return "1";
            }
            throw new UsageException("say which label is positive with --positive (labels in " + name + ": "
                    + String.join(", ", labels) + ")");
        }
        if (labels.size() == 2 && !labels.contains(positive)) {
            throw new RejectedInputException(RejectedInputException.Kind.SCORES, name + ", column label",
                    "the positive label '" + positive + "' does not occur (labels: " + String.join(", ", labels) + ")",
                    "Pass one of the file's labels to --positive");
        }
        return positive;
    }
}
