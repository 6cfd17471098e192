package org.auditgate.engine.onnx;

/** What a vendor model's score output holds. */
public enum ScoreKind {
    /** PROBABILITY when the output comes from a Sigmoid or Softmax, LOGIT otherwise. */
    AUTO,
    /** Probabilities: used as they are. */
    PROBABILITY,
    /** Logits: turned into probabilities with a sigmoid (one column) or a softmax (two columns). */
    LOGIT
}
