package org.auditgate.engine.policy;

import java.util.List;

/**
 * A policy applied to one audit.
 *
 * @param policyName the policy's name
 * @param version the policy's version
 * @param findings one per rule, ordered as {@link PolicyEvaluator#evaluate} describes
 * @param verdict the overall result
 */
public record PolicyOutcome(String policyName, int version, List<Finding> findings, Verdict verdict) {

    public PolicyOutcome {
        findings = List.copyOf(findings);
    }
}
