package org.auditgate.engine.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics of a binary scorer per group, with the ID–OOD gaps: the content of the metric JSON.
 *
 * <p>Groups, in this order: {@code overall} (every scored case); {@code id} and {@code ood} when
 * any case has that cohort; {@code source:<name>} for every source, sorted by name. A gap is
 * |id − ood| per metric, NaN when either side is undefined or a cohort is missing.
 */
public record MetricReport(String positive, double threshold, Map<String, GroupMetrics> groups, Map<Metric, Double> gaps) {

    public static final String OVERALL = "overall";
    public static final String SOURCE_PREFIX = "source:";

    public MetricReport {
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        gaps = Collections.unmodifiableMap(new EnumMap<>(gaps));
    }

    /** Computes all groups and gaps for the cases. */
    public static MetricReport compute(List<ScoredCase> cases, String positive, double threshold) {
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number");
        }
        Map<String, GroupMetrics> groups = new LinkedHashMap<>();
        groupCases(cases).forEach((key, members) -> groups.put(key, GroupMetrics.of(members, positive, threshold)));

        Map<Metric, Double> gaps = new EnumMap<>(Metric.class);
        GroupMetrics id = groups.get(Cohort.ID.groupKey());
        GroupMetrics ood = groups.get(Cohort.OOD.groupKey());
        for (Metric metric : Metric.values()) {
            gaps.put(metric, id == null || ood == null ? Double.NaN : Math.abs(id.value(metric) - ood.value(metric)));
        }
        return new MetricReport(positive, threshold, groups, gaps);
    }

    /** The cases of every group, keyed and ordered as {@link #groups()} (see the class comment). */
    public static Map<String, List<ScoredCase>> groupCases(List<ScoredCase> cases) {
        Map<String, List<ScoredCase>> groups = new LinkedHashMap<>();
        groups.put(OVERALL, List.copyOf(cases));
        for (Cohort cohort : List.of(Cohort.ID, Cohort.OOD)) {
            List<ScoredCase> members = cases.stream().filter(c -> c.cohort() == cohort).toList();
            if (!members.isEmpty()) {
                groups.put(cohort.groupKey(), members);
            }
        }
        Map<String, List<ScoredCase>> bySource = new TreeMap<>();
        for (ScoredCase c : cases) {
            if (c.source() != null) {
                bySource.computeIfAbsent(c.source(), s -> new ArrayList<>()).add(c);
            }
        }
        bySource.forEach((source, members) -> groups.put(SOURCE_PREFIX + source, List.copyOf(members)));
        return groups;
    }

    public GroupMetrics group(String key) {
        return groups.get(key);
    }
}
