package org.auditgate.engine.metrics;

import java.util.Objects;

/**
 * One scored image (or row of a score file).
 *
 * @param label the true label
 * @param score the model's score for the positive class; higher means more likely positive
 * @param source where the case comes from, or null when unknown
 * @param cohort ID test, OOD or unknown
 */
public record ScoredCase(String label, double score, String source, Cohort cohort) {

    public ScoredCase {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(cohort, "cohort");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
    }
}
