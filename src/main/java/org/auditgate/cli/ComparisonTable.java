package org.auditgate.cli;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.reference.ReferenceResult;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.reference.SourceProbe;
import org.auditgate.engine.reference.ViewMode;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a reference comparison: AUROC per arm over seeds, then the paper's table of gaps per metric, then the source probe. */
final class ComparisonTable {

    private ComparisonTable() {
    }

    static void print(ReferenceResult result, ReferenceStatistics statistics, PrintWriter out) {
        String views = result.viewMode() == ViewMode.BANK ? "bank views K = " + result.bankViews() : "exact views";
        out.printf(Locale.ROOT, "reference comparison: head retrained on the vendor's frozen backbone (%s, %d values), %s, %d paired seeds%n",
                TerminalText.safe(result.featureTensor().sourceTensor()), result.featureDimension(), views, result.seeds());
        out.printf(Locale.ROOT, "%-6s %22s %22s %22s%n", "arm", "ID AUROC", "OOD AUROC", "gap |ID-OOD|");
        for (Arm arm : Arm.values()) {
            out.printf(Locale.ROOT, "%-6s %22s %22s %22s%n", arm.cliName(),
                    summary(statistics.summary(arm, ReferenceStatistics.Scope.ID, Metric.AUROC)),
                    summary(statistics.summary(arm, ReferenceStatistics.Scope.OOD, Metric.AUROC)),
                    summary(statistics.summary(arm, ReferenceStatistics.Scope.GAP, Metric.AUROC)));
        }
        out.println("(mean [95% t-interval] over seeds)");
        out.println();
        out.println("gap |ID-OOD| per metric, mean [95% t-interval] over seeds; reduction = gap without noise - gap with noise, per seed");
        String format = "%-12s %22s %22s %23s %11s %8s %10s%n";
        String header = String.format(Locale.ROOT, format, "metric", "without noise", "with noise", "reduction", "Wilcoxon p", "Holm p",
                "paired t p");
        out.print(header);
        out.println("-".repeat(header.length() - 1));
        for (Metric metric : Metric.values()) {
            PairedComparison c = statistics.reductions().get(metric);
            out.printf(Locale.ROOT, format, metric.jsonName(),
                    summary(statistics.summary(Arm.CLEAN, ReferenceStatistics.Scope.GAP, metric)),
                    summary(statistics.summary(Arm.NOISE, ReferenceStatistics.Scope.GAP, metric)),
                    signedSummary(c.reduction()), p(c.wilcoxonP()), p(statistics.holmWilcoxonP().get(metric)), p(c.tTestP()));
        }
        out.println("(Wilcoxon signed-rank, two-sided, exact up to 50 non-zero pairs; Holm over the 7 metrics; — = undefined)");
        SourceProbe.Result probe = result.sourceProbe();
        if (probe.reason() != null) {
            out.printf(Locale.ROOT, "source probe: not applicable: %s%n", TerminalText.safe(probe.reason()));
        } else {
            out.printf(Locale.ROOT, "source probe: the same head trained to tell the ID sources apart (%s) reaches held-out AUROC %s on %d ID test images%n",
                    TerminalText.safe(String.join(", ", probe.sources())), MetricTable.format(probe.auroc()), probe.testImages());
        }
        out.flush();
    }

    static String summary(SeedSummary s) {
        return MetricTable.format(s.mean()) + " [" + MetricTable.interval(s.lower(), s.upper()) + "]";
    }

    private static String signedSummary(SeedSummary s) {
        return signed(s.mean()) + " [" + (Double.isNaN(s.lower()) ? "—" : signed(s.lower()) + "–" + signed(s.upper())) + "]";
    }

    /** A signed value with three decimals; a value that rounds to zero is "+0.000", never "-0.000". */
    static String signed(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%+.3f", Math.round(value * 1000) / 1000.0 + 0.0);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "—";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
