package org.auditgate.engine.split;

/** What the vendor model's score output holds. */
public enum ScoreKind {
    /** Decide from the model's graph (a final sigmoid or softmax means probability). */
    AUTO,
    /** Scores are probabilities in [0, 1]. */
    PROBABILITY,
    /** Scores are logits; a sigmoid turns them into probabilities. */
    LOGIT
}
