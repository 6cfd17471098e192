package org.auditgate.engine.stats;

import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.metrics.ScoredCase;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The statistics of a {@link MetricReport}: {@link GroupStatistics} for every group and the ID–OOD
 * gap of every metric with a stratified bootstrap interval (ID and OOD resampled independently, each
 * stratified by label; {@link Bootstrap#gaps}).
 *
 * <p>Seeds: with {@code root = new SplittableRandom(seed)}, group k (in the report's group order)
 * bootstraps F1 with the k-th {@code root.nextLong()}, and the gaps use the next one. The same
 * cases and seed give the same intervals on any machine.
 *
 * @param report the point estimates
 * @param groups the statistics per group, keyed and ordered as the report's groups
 * @param gaps each metric's gap; {@link Estimate#pointOnly} NaN when the report has no ID or no OOD group
 * @param seed the seed of the bootstraps
 */
public record MetricStatistics(MetricReport report, Map<String, GroupStatistics> groups, Map<Metric, Estimate> gaps, long seed) {

    public MetricStatistics {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        gaps = Collections.unmodifiableMap(new EnumMap<>(gaps));
    }

    /** Computes the report and its statistics for the cases. */
    public static MetricStatistics compute(List<ScoredCase> cases, String positive, double threshold, long seed) {
        return of(MetricReport.compute(cases, positive, threshold), cases, seed);
    }

    /**
     * The statistics of a report already computed from {@code cases} (with its positive class and
     * threshold), so the point estimates are not computed twice.
     */
    public static MetricStatistics of(MetricReport report, List<ScoredCase> cases, long seed) {
        String positive = report.positive();
        double threshold = report.threshold();
        SplittableRandom root = new SplittableRandom(seed);
        Map<String, GroupStatistics> groups = new LinkedHashMap<>();
        Map<String, List<ScoredCase>> members = MetricReport.groupCases(cases);
        for (Map.Entry<String, List<ScoredCase>> e : members.entrySet()) {
            Scored s = Scored.of(e.getValue(), positive);
            groups.put(e.getKey(), GroupStatistics.of(report.group(e.getKey()), s.scores, s.positive, threshold, root.nextLong()));
        }
        long gapSeed = root.nextLong();
        Map<Metric, Estimate> gaps = new EnumMap<>(Metric.class);
        List<ScoredCase> id = members.get(Cohort.ID.groupKey());
        List<ScoredCase> ood = members.get(Cohort.OOD.groupKey());
        if (id == null || ood == null) {
            for (Metric metric : Metric.values()) {
                gaps.put(metric, Estimate.pointOnly(Double.NaN));
            }
        } else {
            Scored i = Scored.of(id, positive);
            Scored o = Scored.of(ood, positive);
            Bootstrap.gaps(i.scores, i.positive, o.scores, o.positive, threshold, gapSeed).forEach((metric, b) ->
                    gaps.put(metric, new Estimate(report.gaps().get(metric), b.interval(), Estimate.BOOTSTRAP)));
        }
        return new MetricStatistics(report, groups, gaps, seed);
    }

    public GroupStatistics group(String key) {
        return groups.get(key);
    }

    private record Scored(double[] scores, boolean[] positive) {

        static Scored of(List<ScoredCase> cases, String positiveLabel) {
            double[] scores = new double[cases.size()];
            boolean[] positive = new boolean[cases.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = cases.get(i).score();
                positive[i] = cases.get(i).label().equals(positiveLabel);
            }
            return new Scored(scores, positive);
        }
    }
}
