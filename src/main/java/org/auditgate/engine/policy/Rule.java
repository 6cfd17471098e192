package org.auditgate.engine.policy;

/**
 * One rule of a policy: a metric's statistic in a scope must lie within a bound; if it does not,
 * the finding has the rule's severity and message.
 *
 * @param id unique within the policy, {@code [a-z0-9-]+}
 * @param metric what is measured
 * @param scope where it is measured
 * @param statistic which number of it is bounded
 * @param bound the limit
 * @param severity what a violation weighs
 * @param message the risk in words for a procurement meeting
 * @param line the 1-based line of the rule in its file (0 when built in code)
 */
public record Rule(String id, PolicyMetric metric, Scope scope, Statistic statistic, Bound bound, Severity severity,
        String message, int line) {

    public Rule {
        if (id == null || metric == null || scope == null || statistic == null || bound == null || severity == null
                || message == null) {
            throw new IllegalArgumentException("every field of a rule is required");
        }
    }
}
