package org.auditgate.engine.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link PolicyOutcome} as the findings JSON contract:
 * <pre>{@code
 * { "schema": "auditgate.findings/1", "policy": "screening", "version": 1, "verdict": "FAIL",
 *   "findings": [ { "ruleId": "ood-recall-floor", "severity": "fail", "outcome": "VIOLATED",
 *                   "metric": "recall", "scope": "vendor.ood", "statistic": "ciLower",
 *                   "observed": 0.62, "boundKind": "atLeast", "bound": 0.8,
 *                   "message": "...", "detail": "observed 0.62 < 0.8" }, ... ] }
 * }</pre>
 * Findings keep the outcome's order; {@code observed} is {@code null} when undetermined.
 */
public final class PolicyJson {

    public static final String SCHEMA = "auditgate.findings/1";

    private PolicyJson() {
    }

    /** Writes the outcome into {@code target} (which may already hold other fields). */
    public static ObjectNode write(PolicyOutcome outcome, ObjectNode target) {
        target.put("schema", SCHEMA);
        target.put("policy", outcome.policyName());
        target.put("version", outcome.version());
        target.put("verdict", outcome.verdict().name());
        ArrayNode findings = target.putArray("findings");
        for (Finding finding : outcome.findings()) {
            ObjectNode node = findings.addObject();
            node.put("ruleId", finding.ruleId());
            node.put("severity", finding.severity().yamlName());
            node.put("outcome", finding.outcome().name());
            node.put("metric", finding.metric());
            node.put("scope", finding.scope());
            node.put("statistic", finding.statistic());
            if (Double.isFinite(finding.observed())) {
                node.put("observed", finding.observed());
            } else {
                node.putNull("observed");
            }
            node.put("boundKind", finding.boundKind());
            node.put("bound", finding.bound());
            node.put("message", finding.message());
            node.put("detail", finding.detail());
        }
        return target;
    }

    /** The outcome as a new JSON object. */
    public static ObjectNode toJson(PolicyOutcome outcome, ObjectMapper mapper) {
        return write(outcome, mapper.createObjectNode());
    }
}
