package org.auditgate.engine.reference;

/**
 * How training views reach the head (DESIGN §4 "Views"). Only {@code bank} is implemented; the
 * {@code exact} mode (a fresh view and backbone pass per image per epoch) is not.
 */
public enum ViewMode {
    /** K views per training image and arm, drawn and embedded once, sampled per seed and epoch. */
    BANK("bank");

    private final String jsonName;

    ViewMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in reports and JSON: {@code bank}. */
    public String jsonName() {
        return jsonName;
    }
}
