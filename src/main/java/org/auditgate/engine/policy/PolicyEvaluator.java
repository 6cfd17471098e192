package org.auditgate.engine.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Applies a policy's rules to an audit's results. */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /**
     * Evaluates every rule of the policy. A rule is undetermined when its scope is absent from the
     * audit or its value is not a finite number; otherwise it passes when the value lies within the
     * bound (inclusive) and is violated when it does not.
     *
     * <p>Findings are ordered: violated ones first (fail, then warn, then info), then undetermined
     * ones (fail, warn, info), then passed ones (fail, warn, info); within each of these groups they
     * keep the policy's rule order. The verdict is as {@link Verdict} describes.
     */
    public static PolicyOutcome evaluate(Policy policy, PolicyInputs inputs) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            findings.add(evaluate(rule, inputs));
        }
        findings.sort(Comparator.comparing(Finding::outcome).thenComparing(Finding::severity));
        return new PolicyOutcome(policy.name(), policy.version(), findings, verdict(findings));
    }

    private static Finding evaluate(Rule rule, PolicyInputs inputs) {
        Scope scope = rule.scope();
        String metric = rule.metric().yamlName();
        String statistic = rule.statistic().yamlName();
        Outcome outcome;
        double observed = Double.NaN;
        String detail;
        if (!inputs.hasScope(scope)) {
            outcome = Outcome.UNDETERMINED;
            detail = "undefined: " + absence(scope);
        } else {
            double value = inputs.value(scope, metric, statistic);
            if (!Double.isFinite(value)) {
                outcome = Outcome.UNDETERMINED;
                detail = "undefined: " + inputs.undefinedReason(scope, metric, statistic);
            } else {
                observed = value;
                Bound bound = rule.bound();
                boolean holds = bound.holds(value);
                outcome = holds ? Outcome.PASSED : Outcome.VIOLATED;
                detail = "observed " + format(value) + " " + (holds ? bound.kind().symbol() : bound.kind().violatedSymbol())
                        + " " + format(bound.limit());
            }
        }
        return new Finding(rule.id(), rule.severity(), outcome, metric, scope.text(), statistic, observed,
                rule.bound().kind().yamlName(), rule.bound().limit(), rule.message(), detail);
    }

    private static String absence(Scope scope) {
        return switch (scope.kind()) {
            case VENDOR_OOD_SOURCE -> "no OOD source named " + scope.source() + " in this audit";
            case VENDOR_ID -> "this audit has no in-distribution test images";
            case VENDOR_OOD, VENDOR_GAP -> "this audit has no out-of-distribution images";
            case REFERENCE_CLEAN_GAP, REFERENCE_NOISE_GAP, REFERENCE_GAP_REDUCTION ->
                    "no reference comparison was run in this audit";
        };
    }

    private static Verdict verdict(List<Finding> findings) {
        if (any(findings, Outcome.VIOLATED, Severity.FAIL)) {
            return Verdict.FAIL;
        }
        if (any(findings, Outcome.UNDETERMINED, Severity.FAIL)) {
            return Verdict.INCOMPLETE;
        }
        if (any(findings, Outcome.VIOLATED, Severity.WARN)) {
            return Verdict.WARN;
        }
        return Verdict.PASS;
    }

    private static boolean any(List<Finding> findings, Outcome outcome, Severity severity) {
        return findings.stream().anyMatch(f -> f.outcome() == outcome && f.severity() == severity);
    }

    /** Four decimals without trailing zeros; scientific notation below 0.001 so small p-values stay readable. */
    static String format(double value) {
        if (value != 0 && Math.abs(value) < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
