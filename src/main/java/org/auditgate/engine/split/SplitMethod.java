package org.auditgate.engine.split;

/** How in-distribution images are split into train, val and test. */
public enum SplitMethod {
    /** Split by patient, stratified by label, with the configured fractions and seed (the default). */
    PATIENT,
    /** Take each ID image's partition from the manifest's {@code split} column. */
    MANIFEST
}
