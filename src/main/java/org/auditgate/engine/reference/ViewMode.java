package org.auditgate.engine.reference;

/** How training views reach the head (DESIGN §4 "Views"). */
public enum ViewMode {
    /** K views per training image and arm, drawn and embedded once, sampled per seed and epoch. */
    BANK("bank"),
    /**
     * A fresh view of every training image in every epoch, per arm and seed, each run through the
     * backbone (a backbone pass per view: needs a GPU at real sizes).
     */
    EXACT("exact");

    private final String jsonName;

    ViewMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in reports and JSON: {@code bank} or {@code exact}. */
    public String jsonName() {
        return jsonName;
    }
}
