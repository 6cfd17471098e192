package org.auditgate.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics a policy rule can bound, with their names in policy YAML. Every one lives in [0, 1].
 * {@link #BRIER} and {@link #ECE} are computed on single test sets only: they have no confidence
 * interval, no ID–OOD gap and no reference-comparison value in this version.
 */
public enum PolicyMetric {
    AUROC("auroc"),
    ACCURACY("accuracy"),
    RECALL("recall"),
    SPECIFICITY("specificity"),
    PRECISION("precision"),
    NPV("npv"),
    F1("f1"),
    BRIER("brier"),
    ECE("ece");

    private final String yamlName;

    PolicyMetric(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in policy YAML and in findings, such as {@code recall}. */
    public String yamlName() {
        return yamlName;
    }

    /** Whether the metric has a confidence interval, an ID–OOD gap and a reference-comparison value. */
    public boolean hasIntervalAndGap() {
        return this != BRIER && this != ECE;
    }

    /** The metric with this YAML name, if any. */
    public static Optional<PolicyMetric> fromYaml(String name) {
        return Arrays.stream(values()).filter(m -> m.yamlName.equals(name)).findFirst();
    }
}
