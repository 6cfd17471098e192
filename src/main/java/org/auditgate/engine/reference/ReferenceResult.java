package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.onnx.FeatureTensor;
import org.auditgate.engine.split.SplitResult;
import org.auditgate.engine.training.HeadConfig;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a reference comparison (DESIGN §4).
 *
 * @param viewMode how training views were produced
 * @param bankViews K, views per training image and arm in bank mode; 0 in exact mode
 * @param seeds S, seeds per arm (indices 1..S)
 * @param auditSeed the audit configuration's seed from which every stream is derived
 * @param featureDimension F
 * @param featureTensor the vendor tensor the features were read from (for the reference-model export)
 * @param inputSpec the preprocessing the backbone was fed with
 * @param views the augmentation of the training views
 * @param head the head and its training settings
 * @param split the patient split used
 * @param runs per arm, the S runs in seed order (seed 1 first)
 * @param summaries per arm, mean and SD over seeds of ID AUROC, OOD AUROC and the AUROC gap
 * @param sourceProbe the source probe (DESIGN §6): the head trained to predict the ID source, its held-out AUROC
 */
public record ReferenceResult(ViewMode viewMode, int bankViews, int seeds, long auditSeed, int featureDimension,
        FeatureTensor featureTensor, InputSpec inputSpec, ViewSettings views, HeadConfig head, SplitResult split, Map<Arm, List<SeedRun>> runs,
        Map<Arm, ArmSummary> summaries, SourceProbe.Result sourceProbe) {

    /** Copies the maps and checks that every arm holds {@code seeds} runs. */
    public ReferenceResult {
        Objects.requireNonNull(viewMode, "viewMode");
        Objects.requireNonNull(featureTensor, "featureTensor");
        Objects.requireNonNull(sourceProbe, "sourceProbe");
        Map<Arm, List<SeedRun>> copy = new EnumMap<>(Arm.class);
        for (Arm arm : Arm.values()) {
            List<SeedRun> list = List.copyOf(runs.get(arm));
            if (list.size() != seeds) {
                throw new IllegalArgumentException("arm " + arm.cliName() + " has " + list.size() + " runs, expected " + seeds);
            }
            copy.put(arm, list);
        }
        runs = java.util.Collections.unmodifiableMap(copy);
        summaries = java.util.Collections.unmodifiableMap(new EnumMap<>(summaries));
    }

    /**
     * The run of one arm and seed.
     *
     * @param seed the seed index, 1..{@link #seeds()}
     * @throws IllegalArgumentException when the seed is out of range
     */
    public SeedRun run(Arm arm, int seed) {
        if (seed < 1 || seed > seeds) {
            throw new IllegalArgumentException("seed must be in 1.." + seeds + ", not " + seed);
        }
        return runs.get(arm).get(seed - 1);
    }
}
