package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.GroupMetrics;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.stats.Holm;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of a reference comparison across seeds (DESIGN §6): per arm, for every metric,
 * the mean, SD and 95% t-interval of its value on ID test, on OOD and of the gap |ID − OOD|; and per
 * metric the paired comparison of the gaps, reduction = gap(clean) − gap(noise) per seed, with the
 * Wilcoxon signed-rank and paired t p-values and the Wilcoxon p-values Holm-adjusted over the
 * metrics (the paper's table: gap without noise, with noise, reduction, p-value).
 *
 * @param arms per arm, per scope, per metric
 * @param reductions per metric, the paired comparison of the gaps
 * @param holmWilcoxonP per metric, the Wilcoxon p-value after Holm's correction over the metrics whose p-value is defined
 */
public record ReferenceStatistics(Map<Arm, Map<Scope, Map<Metric, SeedSummary>>> arms, Map<Metric, PairedComparison> reductions,
                                  Map<Metric, Double> holmWilcoxonP) {

    /** What a seed summary describes. */
    public enum Scope {
        ID("id"), OOD("ood"), GAP("gap");

        private final String jsonName;

        Scope(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    public ReferenceStatistics {
        Map<Arm, Map<Scope, Map<Metric, SeedSummary>>> copy = new EnumMap<>(Arm.class);
        arms.forEach((arm, byScope) -> {
            Map<Scope, Map<Metric, SeedSummary>> inner = new EnumMap<>(Scope.class);
            byScope.forEach((scope, byMetric) -> inner.put(scope, Collections.unmodifiableMap(new EnumMap<>(byMetric))));
            copy.put(arm, Collections.unmodifiableMap(inner));
        });
        arms = Collections.unmodifiableMap(copy);
        reductions = Collections.unmodifiableMap(new EnumMap<>(reductions));
        holmWilcoxonP = Collections.unmodifiableMap(new EnumMap<>(holmWilcoxonP));
    }

    /** Computes the statistics of a result. */
    public static ReferenceStatistics of(ReferenceResult result) {
        Map<Arm, Map<Scope, Map<Metric, SeedSummary>>> arms = new EnumMap<>(Arm.class);
        Map<Arm, Map<Metric, double[]>> gaps = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            List<SeedRun> runs = result.runs().get(arm);
            Map<Scope, Map<Metric, SeedSummary>> byScope = new EnumMap<>(Scope.class);
            Map<Metric, double[]> armGaps = new EnumMap<>(Metric.class);
            for (Scope scope : Scope.values()) {
                Map<Metric, SeedSummary> byMetric = new EnumMap<>(Metric.class);
                for (Metric metric : Metric.values()) {
                    double[] values = perSeed(runs, scope, metric);
                    byMetric.put(metric, SeedSummary.of(values));
                    if (scope == Scope.GAP) {
                        armGaps.put(metric, values);
                    }
                }
                byScope.put(scope, byMetric);
            }
            arms.put(arm, byScope);
            gaps.put(arm, armGaps);
        }
        Map<Metric, PairedComparison> reductions = new EnumMap<>(Metric.class);
        Metric[] metrics = Metric.values();
        double[] p = new double[metrics.length];
        for (int m = 0; m < metrics.length; m++) {
            PairedComparison c = PairedComparison.of(gaps.get(Arm.CLEAN).get(metrics[m]), gaps.get(Arm.NOISE).get(metrics[m]));
            reductions.put(metrics[m], c);
            p[m] = c.wilcoxonP();
        }
        double[] adjusted = Holm.adjust(p);
        Map<Metric, Double> holm = new EnumMap<>(Metric.class);
        for (int m = 0; m < metrics.length; m++) {
            holm.put(metrics[m], adjusted[m]);
        }
        return new ReferenceStatistics(arms, reductions, holm);
    }

    /** The summary of one arm, scope and metric. */
    public SeedSummary summary(Arm arm, Scope scope, Metric metric) {
        return arms.get(arm).get(scope).get(metric);
    }

    /** One metric's value in one scope for each run, in run order; NaN where it is undefined. */
    static double[] perSeed(List<SeedRun> runs, Scope scope, Metric metric) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(runs.get(i).metrics(), scope, metric);
        }
        return values;
    }

    private static double value(MetricReport report, Scope scope, Metric metric) {
        if (scope == Scope.GAP) {
            return report.gaps().get(metric);
        }
        GroupMetrics group = report.group((scope == Scope.ID ? Cohort.ID : Cohort.OOD).groupKey());
        return group == null ? Double.NaN : group.value(metric);
    }
}
