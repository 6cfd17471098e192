package org.auditgate.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which number of a metric a rule bounds: {@code value} (a single test set's point estimate),
 * {@code mean} (over reference seeds), {@code ciLower}/{@code ciUpper} (the 95% interval's ends) or
 * {@code pValue} (the Holm-adjusted Wilcoxon signed-rank p-value of the per-seed gap reduction).
 */
public enum Statistic {
    VALUE("value"),
    MEAN("mean"),
    CI_LOWER("ciLower"),
    CI_UPPER("ciUpper"),
    P_VALUE("pValue");

    private final String yamlName;

    Statistic(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in policy YAML and in findings, such as {@code ciLower}. */
    public String yamlName() {
        return yamlName;
    }

    /** The statistic with this YAML name, if any. */
    public static Optional<Statistic> fromYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName.equals(name)).findFirst();
    }
}
