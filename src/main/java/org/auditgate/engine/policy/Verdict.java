package org.auditgate.engine.policy;

/**
 * The overall result of a policy: {@link #FAIL} if any {@code fail} rule is violated; else
 * {@link #INCOMPLETE} if any {@code fail} rule is undetermined; else {@link #WARN} if any {@code warn}
 * rule is violated; else {@link #PASS}. Violated or undetermined {@code info} rules never change it.
 */
public enum Verdict {
    PASS,
    WARN,
    INCOMPLETE,
    FAIL
}
