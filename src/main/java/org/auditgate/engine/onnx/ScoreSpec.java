package org.auditgate.engine.onnx;

import java.util.Objects;
import java.util.Optional;

/**
 * Which output of a vendor model is the score and how to read it.
 *
 * @param output the output's name; empty for the model's only (or first) output
 * @param kind probabilities, logits, or AUTO to decide from the node producing the output
 * @param positiveIndex for a two-column output {@code [N,2]}, the column of the positive class (0 or 1)
 */
public record ScoreSpec(Optional<String> output, ScoreKind kind, int positiveIndex) {

    public ScoreSpec {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(kind, "kind");
        if (positiveIndex != 0 && positiveIndex != 1) {
            throw new IllegalArgumentException("positiveIndex must be 0 or 1 (a binary score), not " + positiveIndex);
        }
    }

    /** The first output, kind decided automatically, column 1 positive when there are two. */
    public static ScoreSpec auto() {
        return new ScoreSpec(Optional.empty(), ScoreKind.AUTO, 1);
    }
}
