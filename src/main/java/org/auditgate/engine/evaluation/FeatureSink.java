package org.auditgate.engine.evaluation;

import org.auditgate.engine.dataset.DatasetEntry;

/**
 * Receives the feature vector of each scored image as it is computed, so callers can cache or
 * analyse features without the evaluation holding them all in memory. Called from one thread, in
 * the order of the scored images.
 */
@FunctionalInterface
public interface FeatureSink {

    /** Discards the features. */
    FeatureSink DISCARD = (entry, features, offset, length) -> { };

    /** @param features a buffer that is reused after the call returns: copy what you keep */
    void accept(DatasetEntry entry, float[] features, int offset, int length);
}
