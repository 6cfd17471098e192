package org.auditgate.engine.metrics;

/** The per-group metrics of the metric JSON contract, with their JSON names. */
public enum Metric {
    AUROC("auroc"),
    ACCURACY("accuracy"),
    RECALL("recall"),
    SPECIFICITY("specificity"),
    PRECISION("precision"),
    NPV("npv"),
    F1("f1");

    private final String jsonName;

    Metric(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The key of this metric in the metric JSON. */
    public String jsonName() {
        return jsonName;
    }
}
