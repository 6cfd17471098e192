package org.auditgate.engine.policy;

/** What became of one rule: its bound did not hold, could not be checked, or held. */
public enum Outcome {
    /** The observed value is outside the rule's bound. */
    VIOLATED,
    /** The value is undefined (NaN) or the scope is absent from the audit. */
    UNDETERMINED,
    /** The observed value is within the rule's bound. */
    PASSED
}
