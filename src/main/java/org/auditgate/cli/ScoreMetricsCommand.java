package org.auditgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.stats.StatisticsJson;
import org.auditgate.engine.metrics.ScoreFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
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
        MetricTable.print(statistics, spec.commandLine().getOut());
        if (json != null) {
            ObjectNode node = JsonOutput.MAPPER.createObjectNode();
            node.put("scores", scores.getFileName().toString());
            JsonOutput.write(json, StatisticsJson.write(statistics, node));
            spec.commandLine().getOut().println("metric JSON written to " + json);
        }
        return 0;
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
