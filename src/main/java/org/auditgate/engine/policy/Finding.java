package org.auditgate.engine.policy;

/**
 * What one rule found.
 *
 * @param ruleId the rule's id
 * @param severity the rule's severity
 * @param outcome violated, undetermined or passed
 * @param metric the metric's YAML name
 * @param scope the scope's text, such as {@code vendor.ood.sirm.org}
 * @param statistic the statistic's YAML name
 * @param observed the observed number; NaN when undetermined
 * @param boundKind {@code atLeast} or {@code atMost}
 * @param bound the rule's limit
 * @param message the rule's message
 * @param detail how the outcome came about, such as {@code "observed 0.62 < 0.8"}
 */
public record Finding(String ruleId, Severity severity, Outcome outcome, String metric, String scope,
        String statistic, double observed, String boundKind, double bound, String message, String detail) {
}
