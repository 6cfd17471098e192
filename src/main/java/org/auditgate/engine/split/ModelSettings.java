package org.auditgate.engine.split;

import org.auditgate.engine.onnx.ScoreKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Overrides, from {@code audit.yaml}, of what the vendor model declares; every field is empty when
 * not given.
 *
 * @param featureTensor name of the tensor whose values are the features (the classifier's input)
 * @param output name of the score output
 * @param scoreKind what the score output holds
 * @param positiveIndex column of the positive class in a two-column output
 * @param inputSize side of the square input in pixels
 * @param mean per-channel mean subtracted after scaling to [0, 1] (one or three values)
 * @param std per-channel standard deviation divided by (one or three positive values)
 */
public record ModelSettings(
        Optional<String> featureTensor,
        Optional<String> output,
        Optional<ScoreKind> scoreKind,
        OptionalInt positiveIndex,
        OptionalInt inputSize,
        Optional<List<Double>> mean,
        Optional<List<Double>> std) {

    /** No overrides. */
    public static final ModelSettings NONE = new ModelSettings(Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), Optional.empty());

    /** Checks for nulls and copies the lists. */
    public ModelSettings {
        Objects.requireNonNull(featureTensor, "featureTensor");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(scoreKind, "scoreKind");
        Objects.requireNonNull(positiveIndex, "positiveIndex");
        Objects.requireNonNull(inputSize, "inputSize");
        mean = Objects.requireNonNull(mean, "mean").map(List::copyOf);
        std = Objects.requireNonNull(std, "std").map(List::copyOf);
    }
}
