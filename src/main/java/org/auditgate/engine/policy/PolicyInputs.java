package org.auditgate.engine.policy;

/**
 * The audit's results as a policy sees them. The integrator implements it over the vendor
 * evaluation and the reference comparison.
 */
public interface PolicyInputs {

    /**
     * Whether the audit has results in this scope: false for an OOD source that is not in the
     * audit, for OOD scopes of an audit without OOD images, or for reference scopes when no
     * reference comparison was run.
     */
    boolean hasScope(Scope scope);

    /**
     * The statistic of a metric in a scope, such as ({@code vendor.ood}, {@code recall},
     * {@code ciLower}); NaN when it is undefined (for example recall without positive cases). Only
     * called when {@link #hasScope} is true.
     *
     * @param metric a {@link PolicyMetric#yamlName()}
     * @param statistic a {@link Statistic#yamlName()}
     */
    double value(Scope scope, String metric, String statistic);

    /**
     * Why {@link #value} is NaN, in words for a report, such as {@code "no positive cases in
     * vendor.ood"}. The default says only that the value is undefined.
     */
    default String undefinedReason(Scope scope, String metric, String statistic) {
        return metric + " " + statistic + " is undefined in " + scope.text();
    }
}
