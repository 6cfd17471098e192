package org.auditgate.engine.metrics;

/** Whether a scored case is in-distribution test data, out-of-distribution data, or unknown. */
public enum Cohort {
    ID("id"),
    OOD("ood"),
    UNKNOWN(null);

    private final String groupKey;

    Cohort(String groupKey) {
        this.groupKey = groupKey;
    }

    /** The group key in the metric JSON, or null for {@link #UNKNOWN}. */
    public String groupKey() {
        return groupKey;
    }
}
