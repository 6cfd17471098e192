package org.auditgate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Applying rules to audit results: outcomes, details, order and verdict. */
class PolicyEvaluatorTest {

    /** Inputs from a table keyed "scope|metric|statistic"; scopes not listed are absent. */
    static class TableInputs implements PolicyInputs {
        private final Set<String> scopes;
        private final Map<String, Double> values = new HashMap<>();

        TableInputs(String... scopes) {
            this.scopes = Set.of(scopes);
        }

        TableInputs put(String scope, String metric, String statistic, double value) {
            values.put(scope + "|" + metric + "|" + statistic, value);
            return this;
        }

        @Override
        public boolean hasScope(Scope scope) {
            return scopes.contains(scope.text());
        }

        @Override
        public double value(Scope scope, String metric, String statistic) {
            return values.getOrDefault(scope.text() + "|" + metric + "|" + statistic, Double.NaN);
        }
    }

    private static Rule rule(String id, PolicyMetric metric, Scope scope, Statistic statistic, Bound.Kind kind,
            double limit, Severity severity) {
        return new Rule(id, metric, scope, statistic, new Bound(kind, limit), severity, "message of " + id, 0);
    }

    private static Policy policy(Rule... rules) {
        return new Policy("p", 3, "d", List.of(rules), "0".repeat(64));
    }

    private static final Scope OOD = Scope.of(Scope.Kind.VENDOR_OOD);

    @Test
    void violatedRuleReportsObservedAndBound() {
        Policy policy = policy(rule("r", PolicyMetric.RECALL, OOD, Statistic.CI_LOWER, Bound.Kind.AT_LEAST, 0.8, Severity.FAIL));
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, new TableInputs("vendor.ood")
                .put("vendor.ood", "recall", "ciLower", 0.62));
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(outcome.policyName()).isEqualTo("p");
        assertThat(outcome.version()).isEqualTo(3);
        assertThat(outcome.findings()).containsExactly(new Finding("r", Severity.FAIL, Outcome.VIOLATED, "recall",
                "vendor.ood", "ciLower", 0.62, "atLeast", 0.8, "message of r", "observed 0.62 < 0.8"));
    }

    @Test
    void boundsAreInclusive() {
        Policy policy = policy(
                rule("least", PolicyMetric.RECALL, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8, Severity.FAIL),
                rule("most", PolicyMetric.RECALL, Scope.of(Scope.Kind.VENDOR_GAP), Statistic.VALUE, Bound.Kind.AT_MOST, 0.1,
                        Severity.FAIL));
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, new TableInputs("vendor.ood", "vendor.gap")
                .put("vendor.ood", "recall", "value", 0.8).put("vendor.gap", "recall", "value", 0.1));
        assertThat(outcome.findings()).extracting(Finding::outcome).containsOnly(Outcome.PASSED);
        assertThat(outcome.findings()).extracting(Finding::detail).containsExactly("observed 0.8 >= 0.8", "observed 0.1 <= 0.1");
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void atMostIsViolatedAbove() {
        Policy policy = policy(rule("gap", PolicyMetric.AUROC, Scope.of(Scope.Kind.VENDOR_GAP), Statistic.VALUE,
                Bound.Kind.AT_MOST, 0.05, Severity.WARN));
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, new TableInputs("vendor.gap")
                .put("vendor.gap", "auroc", "value", 0.123456));
        assertThat(outcome.findings().get(0).outcome()).isEqualTo(Outcome.VIOLATED);
        assertThat(outcome.findings().get(0).detail()).isEqualTo("observed 0.1235 > 0.05");
        assertThat(outcome.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void undefinedValueAndAbsentScopesAreUndetermined() {
        Policy policy = policy(
                rule("nan", PolicyMetric.RECALL, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8, Severity.FAIL),
                rule("source", PolicyMetric.RECALL, Scope.oodSource("x.org"), Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8,
                        Severity.WARN),
                rule("ref", PolicyMetric.AUROC, Scope.of(Scope.Kind.REFERENCE_GAP_REDUCTION), Statistic.P_VALUE,
                        Bound.Kind.AT_LEAST, 0.05, Severity.INFO));
        PolicyInputs inputs = new TableInputs("vendor.ood") {
            @Override
            public String undefinedReason(Scope scope, String metric, String statistic) {
                return "no positive cases in " + scope.text();
            }
        };
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, inputs);
        assertThat(outcome.findings()).extracting(Finding::outcome).containsOnly(Outcome.UNDETERMINED);
        assertThat(outcome.findings()).extracting(Finding::detail).containsExactly(
                "undefined: no positive cases in vendor.ood",
                "undefined: no OOD source named x.org in this audit",
                "undefined: no reference comparison was run in this audit");
        assertThat(outcome.findings().get(0).observed()).isNaN();
        assertThat(outcome.verdict()).isEqualTo(Verdict.INCOMPLETE);
    }

    @Test
    void infiniteValueIsUndeterminedWithTheDefaultReason() {
        Policy policy = policy(rule("r", PolicyMetric.F1, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.5, Severity.WARN));
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, new TableInputs("vendor.ood")
                .put("vendor.ood", "f1", "value", Double.POSITIVE_INFINITY));
        assertThat(outcome.findings().get(0).outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(outcome.findings().get(0).detail()).isEqualTo("undefined: f1 value is undefined in vendor.ood");
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void verdictOrder() {
        Rule failRule = rule("f", PolicyMetric.RECALL, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8, Severity.FAIL);
        Rule warnRule = rule("w", PolicyMetric.SPECIFICITY, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8, Severity.WARN);
        Rule infoRule = rule("i", PolicyMetric.AUROC, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.8, Severity.INFO);
        Policy policy = policy(failRule, warnRule, infoRule);
        // fail violated beats everything
        assertThat(verdict(policy, 0.1, 0.1, 0.1)).isEqualTo(Verdict.FAIL);
        // fail undetermined beats a violated warn
        assertThat(verdict(policy, Double.NaN, 0.1, 0.1)).isEqualTo(Verdict.INCOMPLETE);
        assertThat(verdict(policy, 0.9, 0.1, 0.1)).isEqualTo(Verdict.WARN);
        // a violated info rule and an undetermined warn rule do not change the verdict
        assertThat(verdict(policy, 0.9, Double.NaN, 0.1)).isEqualTo(Verdict.PASS);
        assertThat(verdict(policy, 0.9, 0.9, 0.9)).isEqualTo(Verdict.PASS);
    }

    private static Verdict verdict(Policy policy, double recall, double specificity, double auroc) {
        return PolicyEvaluator.evaluate(policy, new TableInputs("vendor.ood").put("vendor.ood", "recall", "value", recall)
                .put("vendor.ood", "specificity", "value", specificity).put("vendor.ood", "auroc", "value", auroc)).verdict();
    }

    @Test
    void findingsAreOrderedByOutcomeThenSeverityThenRuleOrder() {
        Policy policy = policy(
                rule("pass-info", PolicyMetric.AUROC, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.5, Severity.INFO),
                rule("undetermined-warn", PolicyMetric.NPV, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.5, Severity.WARN),
                rule("violated-info", PolicyMetric.F1, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.9, Severity.INFO),
                rule("pass-fail", PolicyMetric.RECALL, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.5, Severity.FAIL),
                rule("violated-warn-1", PolicyMetric.PRECISION, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.9, Severity.WARN),
                rule("undetermined-fail", PolicyMetric.ACCURACY, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.5, Severity.FAIL),
                rule("violated-fail", PolicyMetric.SPECIFICITY, OOD, Statistic.VALUE, Bound.Kind.AT_LEAST, 0.9, Severity.FAIL),
                rule("violated-warn-2", PolicyMetric.BRIER, OOD, Statistic.VALUE, Bound.Kind.AT_MOST, 0.1, Severity.WARN));
        TableInputs inputs = new TableInputs("vendor.ood").put("vendor.ood", "auroc", "value", 0.7)
                .put("vendor.ood", "f1", "value", 0.7).put("vendor.ood", "recall", "value", 0.7)
                .put("vendor.ood", "precision", "value", 0.7).put("vendor.ood", "specificity", "value", 0.7)
                .put("vendor.ood", "brier", "value", 0.3);
        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, inputs);
        assertThat(outcome.findings()).extracting(Finding::ruleId).containsExactly("violated-fail", "violated-warn-1",
                "violated-warn-2", "violated-info", "undetermined-fail", "undetermined-warn", "pass-fail", "pass-info");
        assertThat(outcome.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void shippedScreeningPolicyOnAnAuditWithoutReference() {
        Policy screening = PolicyLoader.load(java.nio.file.Path.of("policies", "screening.yaml"));
        TableInputs inputs = new TableInputs("vendor.id", "vendor.ood", "vendor.gap")
                .put("vendor.ood", "recall", "ciLower", 0.83).put("vendor.ood", "recall", "value", 0.91)
                .put("vendor.id", "recall", "ciLower", 0.88).put("vendor.gap", "recall", "value", 0.04)
                .put("vendor.ood", "auroc", "ciLower", 0.70).put("vendor.ood", "specificity", "ciLower", 0.55);
        PolicyOutcome outcome = PolicyEvaluator.evaluate(screening, inputs);
        assertThat(outcome.verdict()).isEqualTo(Verdict.WARN);
        assertThat(outcome.findings().get(0).ruleId()).isEqualTo("ood-auroc-floor");
        assertThat(outcome.findings()).filteredOn(f -> f.outcome() == Outcome.UNDETERMINED).extracting(Finding::scope)
                .containsExactly("reference.clean.gap", "reference.gapReduction");
    }

    @Test
    void formatsSmallAndRoundNumbers() {
        assertThat(PolicyEvaluator.format(0.8)).isEqualTo("0.8");
        assertThat(PolicyEvaluator.format(0.0)).isEqualTo("0");
        assertThat(PolicyEvaluator.format(1.0)).isEqualTo("1");
        assertThat(PolicyEvaluator.format(-0.03125)).isEqualTo("-0.0312");
        assertThat(PolicyEvaluator.format(0.000123456)).isEqualTo("0.000123");
    }
}
