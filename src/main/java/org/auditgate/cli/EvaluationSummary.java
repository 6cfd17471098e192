package org.auditgate.cli;

import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.split.Leak;
import org.auditgate.engine.split.Partition;

import java.io.PrintWriter;
import java.util.Locale;

/** The human-readable summary of an evaluation: what was measured, the split, leakage, the metric table. */
final class EvaluationSummary {

    private EvaluationSummary() {
    }

    static void print(EvaluationResult result, MetricStatistics statistics, OnnxModel model, PrintWriter out) {
        out.printf(Locale.ROOT, "model    %s (sha256 %s…)%n", TerminalText.safe(model.name()), model.sha256().substring(0, 12));
        out.printf(Locale.ROOT, "features %s, %d values (%s)%n", TerminalText.safe(result.featureTensor().tensor()), result.featureTensor().dimension(),
                TerminalText.safe(result.featureTensor().route()));
        out.printf(Locale.ROOT, "split    train %d, val %d, ID test %d, OOD %d, unused %d%n",
                result.split().of(Partition.TRAIN).size(), result.split().of(Partition.VAL).size(),
                result.split().of(Partition.TEST).size(), result.split().of(Partition.OOD).size(), result.split().unused().size());
        if (result.leaks().isEmpty()) {
            out.println("leakage  none: no identical image on both sides of the split");
        } else {
            out.printf(Locale.ROOT, "LEAKAGE  %d identical image(s) on both sides of the split:%n", result.leaks().size());
            for (Leak leak : result.leaks()) {
                out.printf(Locale.ROOT, "         %s  train/val: %s  test: %s%n", leak.sha256().substring(0, 12),
                        TerminalText.safe(leak.trainSide().stream().map(e -> e.path()).toList().toString()),
                        TerminalText.safe(leak.testSide().stream().map(e -> e.path()).toList().toString()));
            }
        }
        if (!result.split().patientsInIdAndOod().isEmpty()) {
            out.printf(Locale.ROOT, "warning  %d patient(s) have images in both ID and OOD data: %s%n",
                    result.split().patientsInIdAndOod().size(), TerminalText.safe(result.split().patientsInIdAndOod().toString()));
        }
        out.println();
        MetricTable.print(statistics, out);
    }
}
