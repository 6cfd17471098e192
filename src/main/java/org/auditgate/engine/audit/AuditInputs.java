package org.auditgate.engine.audit;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.policy.PolicyInputs;
import org.auditgate.engine.policy.PolicyMetric;
import org.auditgate.engine.policy.Scope;
import org.auditgate.engine.policy.Statistic;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.stats.Estimate;
import org.auditgate.engine.stats.GroupStatistics;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;

/**
 * The audit's numbers as a policy reads them (policies/README.md): {@code vendor.id} and
 * {@code vendor.ood} from the vendor statistics' {@code id} and {@code ood} groups,
 * {@code vendor.ood.<source>} from the OOD images of that source alone, {@code vendor.gap} from the
 * bootstrapped gaps, and the reference scopes from the statistics over seeds; {@code pValue} is the
 * Holm-adjusted Wilcoxon p-value.
 */
public final class AuditInputs implements PolicyInputs {

    private final MetricStatistics vendor;
    private final MetricStatistics oodBySource;
    private final ReferenceStatistics reference;

    /**
     * @param vendor the vendor statistics over all tested images
     * @param oodBySource the vendor statistics over the OOD images alone
     * @param reference the reference statistics, or null when no reference comparison was run
     */
    public AuditInputs(MetricStatistics vendor, MetricStatistics oodBySource, ReferenceStatistics reference) {
        this.vendor = vendor;
        this.oodBySource = oodBySource;
        this.reference = reference;
    }

    @Override
    public boolean hasScope(Scope scope) {
        return switch (scope.kind()) {
            case VENDOR_ID, VENDOR_OOD, VENDOR_OOD_SOURCE -> group(scope) != null;
            case VENDOR_GAP -> vendor.group(Cohort.ID.groupKey()) != null && vendor.group(Cohort.OOD.groupKey()) != null;
            case REFERENCE_CLEAN_GAP, REFERENCE_NOISE_GAP, REFERENCE_GAP_REDUCTION -> reference != null;
        };
    }

    @Override
    public double value(Scope scope, String metricName, String statisticName) {
        PolicyMetric metric = PolicyMetric.fromYaml(metricName).orElseThrow(() -> new IllegalArgumentException("metric " + metricName));
        Statistic statistic = Statistic.fromYaml(statisticName).orElseThrow(() -> new IllegalArgumentException("statistic " + statisticName));
        if (metric == PolicyMetric.BRIER || metric == PolicyMetric.ECE) {
            GroupStatistics g = group(scope);
            return g == null ? Double.NaN : metric == PolicyMetric.BRIER ? g.brier() : g.ece();
        }
        Metric m = metric(metric);
        return switch (scope.kind()) {
            case VENDOR_ID, VENDOR_OOD, VENDOR_OOD_SOURCE -> estimate(group(scope).metric(m), statistic);
            case VENDOR_GAP -> estimate(vendor.gaps().get(m), statistic);
            case REFERENCE_CLEAN_GAP -> summary(reference.summary(Arm.CLEAN, ReferenceStatistics.Scope.GAP, m), statistic);
            case REFERENCE_NOISE_GAP -> summary(reference.summary(Arm.NOISE, ReferenceStatistics.Scope.GAP, m), statistic);
            case REFERENCE_GAP_REDUCTION -> {
                PairedComparison c = reference.reductions().get(m);
                yield statistic == Statistic.P_VALUE ? reference.holmWilcoxonP().get(m) : summary(c.reduction(), statistic);
            }
        };
    }

    @Override
    public String undefinedReason(Scope scope, String metricName, String statisticName) {
        GroupStatistics g = scope.kind().isVendor() && scope.kind() != Scope.Kind.VENDOR_GAP ? group(scope) : null;
        if (g != null) {
            if (g.positives() == 0 && !metricName.equals("specificity")) {
                return "no positive cases in " + scope.text();
            }
            if (g.positives() == g.n() && !metricName.equals("recall")) {
                return "no negative cases in " + scope.text();
            }
            if ((metricName.equals("brier") || metricName.equals("ece")) && Double.isNaN(g.brier())) {
                return "the model's scores are not probabilities in [0, 1]";
            }
            if (!statisticName.equals("value")) {
                return "no " + statisticName + " for " + metricName + " in " + scope.text() + " (too few cases for an interval)";
            }
        }
        if (scope.kind() == Scope.Kind.REFERENCE_GAP_REDUCTION && statisticName.equals("pValue")) {
            return "no p-value: every seed's gap reduction is zero or undefined";
        }
        return PolicyInputs.super.undefinedReason(scope, metricName, statisticName);
    }

    private GroupStatistics group(Scope scope) {
        return switch (scope.kind()) {
            case VENDOR_ID -> vendor.group(Cohort.ID.groupKey());
            case VENDOR_OOD -> vendor.group(Cohort.OOD.groupKey());
            case VENDOR_OOD_SOURCE -> oodBySource.group(MetricReport.SOURCE_PREFIX + scope.source());
            default -> null;
        };
    }

    private static Metric metric(PolicyMetric metric) {
        for (Metric m : Metric.values()) {
            if (m.jsonName().equals(metric.yamlName())) {
                return m;
            }
        }
        throw new IllegalArgumentException("no metric " + metric.yamlName());
    }

    private static double estimate(Estimate e, Statistic statistic) {
        return switch (statistic) {
            case VALUE -> e.value();
            case CI_LOWER -> e.lower();
            case CI_UPPER -> e.upper();
            default -> throw new IllegalArgumentException(statistic.yamlName() + " does not apply to a single test set");
        };
    }

    private static double summary(SeedSummary s, Statistic statistic) {
        return switch (statistic) {
            case MEAN -> s.mean();
            case CI_LOWER -> s.lower();
            case CI_UPPER -> s.upper();
            default -> throw new IllegalArgumentException(statistic.yamlName() + " does not apply to a value over seeds");
        };
    }
}
