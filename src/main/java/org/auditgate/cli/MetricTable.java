package org.auditgate.cli;

import org.auditgate.engine.metrics.GroupMetrics;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.stats.Estimate;
import org.auditgate.engine.stats.GroupStatistics;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.metrics.MetricReport;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link MetricReport} as a fixed-width table: one row per group, then the ID–OOD gaps. */
final class MetricTable {

    private MetricTable() {
    }

    static void print(MetricReport report, PrintWriter out) {
        int width = Math.max(12, report.groups().keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.printf(Locale.ROOT, "positive class: %s, called positive when score > %s%n", TerminalText.safe(report.positive()), report.threshold());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6s %5s", "group", "n", "pos"));
        for (Metric m : Metric.values()) {
            header.append(String.format(Locale.ROOT, " %11s", m.jsonName()));
        }
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Map.Entry<String, GroupMetrics> e : report.groups().entrySet()) {
            GroupMetrics g = e.getValue();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6d %5d", TerminalText.safe(e.getKey()), g.n(), g.positives()));
            for (Metric m : Metric.values()) {
                row.append(String.format(Locale.ROOT, " %11s", format(g.value(m))));
            }
            out.println(row);
        }
        if (report.groups().containsKey("id") && report.groups().containsKey("ood")) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %6s %5s", "gap |id-ood|", "", ""));
            for (Metric m : Metric.values()) {
                row.append(String.format(Locale.ROOT, " %11s", format(report.gaps().get(m))));
            }
            out.println("-".repeat(header.length()));
            out.println(row);
        }
        out.println("(— = undefined: one class only, or nothing called positive/negative)");
        out.flush();
    }

    /**
     * Prints the point table, then the 95% intervals of every group and gap, with the Brier score and
     * the expected calibration error.
     */
    static void print(MetricStatistics statistics, PrintWriter out) {
        print(statistics.report(), out);
        Map<String, GroupStatistics> groups = statistics.groups();
        int width = Math.max(12, groups.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
        out.println();
        out.println("95% intervals: AUROC DeLong; accuracy, recall, specificity, precision, NPV Wilson; F1 and gaps stratified bootstrap "
                + "(2,000 resamples, seed " + statistics.seed() + ")");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "group"));
        for (Metric m : Metric.values()) {
            header.append(String.format(Locale.ROOT, " %13s", m.jsonName()));
        }
        header.append(String.format(Locale.ROOT, " %7s %7s", "brier", "ece"));
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Map.Entry<String, GroupStatistics> e : groups.entrySet()) {
            GroupStatistics g = e.getValue();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", TerminalText.safe(e.getKey())));
            for (Metric m : Metric.values()) {
                row.append(String.format(Locale.ROOT, " %13s", interval(g.metric(m).lower(), g.metric(m).upper())));
            }
            row.append(String.format(Locale.ROOT, " %7s %7s", format(g.brier()), format(g.ece())));
            out.println(row);
        }
        if (groups.containsKey("id") && groups.containsKey("ood")) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "gap |id-ood|"));
            for (Metric m : Metric.values()) {
                Estimate gap = statistics.gaps().get(m);
                row.append(String.format(Locale.ROOT, " %13s", interval(gap.lower(), gap.upper())));
            }
            out.println("-".repeat(header.length()));
            out.println(row);
        }
        out.println("(— = undefined: too few cases of a class for an interval; brier and ece need probabilities in [0, 1])");
        out.flush();
    }

    /** "lower–upper" with three decimals, or "—". */
    static String interval(double lower, double upper) {
        return Double.isNaN(lower) || Double.isNaN(upper) ? "—" : String.format(Locale.ROOT, "%.3f–%.3f", lower, upper);
    }

    static String format(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
