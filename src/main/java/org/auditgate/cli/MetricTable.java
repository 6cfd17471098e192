package org.auditgate.cli;

import org.auditgate.engine.metrics.GroupMetrics;
import org.auditgate.engine.metrics.Metric;
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

    static String format(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
