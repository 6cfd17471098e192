package org.auditgate.engine.policy;

import java.util.Arrays;
import java.util.Optional;

/** How much a violated rule weighs: {@code fail} decides the verdict, {@code warn} and {@code info} inform. */
public enum Severity {
    FAIL("fail"),
    WARN("warn"),
    INFO("info");

    private final String yamlName;

    Severity(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The name used in policy YAML and in findings, such as {@code warn}. */
    public String yamlName() {
        return yamlName;
    }

    /** The severity with this YAML name, if any. */
    public static Optional<Severity> fromYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName.equals(name)).findFirst();
    }
}
