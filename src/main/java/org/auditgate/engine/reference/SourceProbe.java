package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.metrics.Auroc;
import org.auditgate.engine.training.EpochFeatures;
import org.auditgate.engine.training.HeadConfig;
import org.auditgate.engine.training.HeadTrainer;
import org.auditgate.engine.training.TrainingResult;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The source probe of DESIGN §6, a shortcut indicator: the reference head, trained to predict
 * an image's <em>source</em> instead of its label from the vendor's features. If it can (held-out
 * AUROC near 1), the features carry the source, and a head trained on ID data whose sources go with
 * the label can learn the source instead of the disease.
 *
 * <p>Protocol: un-augmented features (evaluation preprocessing) of the ID split; trained on TRAIN
 * with the head and optimiser of the reference comparison, early-stopped on VAL, tested on ID TEST.
 * With two ID sources one head predicts the first (by name) against the other; with k &gt; 2,
 * one head per source (that source against the rest) and the reported AUROC is the macro average of
 * the defined one-vs-rest AUROCs. Head {@code k} (0-based, sources sorted by name) draws its
 * initial weights, shuffles and dropout masks from {@link #stream}, a stream no view and no head of the
 * comparison uses.
 *
 * <p>Not applicable (AUROC NaN, with the reason) when the ID data has fewer than two sources, or
 * when a source is missing from the training, validation or test part.
 */
public final class SourceProbe {

    private SourceProbe() {
    }

    /**
     * The outcome.
     *
     * @param sources the ID sources, sorted by name
     * @param auroc held-out AUROC (the macro average over one-vs-rest heads when more than two sources); NaN when not applicable
     * @param perSource one-vs-rest held-out AUROC per source (with two sources: the first source's, which is the same number)
     * @param testImages ID test images the AUROC is computed on
     * @param reason why the probe is not applicable, or null
     */
    public record Result(List<String> sources, double auroc, Map<String, Double> perSource, int testImages, String reason) {

        public Result {
            sources = List.copyOf(sources);
            perSource = Collections.unmodifiableMap(new LinkedHashMap<>(perSource));
        }

        static Result notApplicable(List<String> sources, int testImages, String reason) {
            return new Result(sources, Double.NaN, Map.of(), testImages, reason);
        }
    }

    /** The rows and sources of one part of the ID split. */
    public record Part(float[] rows, List<String> sources) {

        int count() {
            return sources.size();
        }
    }

    /**
     * Runs the probe.
     *
     * @param dimension F
     * @param train ID training images' features and sources
     * @param val ID validation images'
     * @param test ID test images'
     * @param head the head and training settings of the reference comparison
     * @param auditSeed the audit seed
     */
    public static Result run(int dimension, Part train, Part val, Part test, HeadConfig head, long auditSeed) {
        TreeSet<String> all = new TreeSet<>(train.sources());
        all.addAll(val.sources());
        all.addAll(test.sources());
        List<String> sources = List.copyOf(all);
        if (sources.size() < 2) {
            return Result.notApplicable(sources, test.count(), "the ID data has " + sources.size() + " source(s); the probe needs two or more");
        }
        // Every source must be in every part, so that each one-vs-rest target has both classes in each part.
        for (String source : sources) {
            String missing = missingSource(source, train, "training");
            if (missing == null) missing = missingSource(source, val, "validation");
            if (missing == null) missing = missingSource(source, test, "test");
            if (missing != null) {
                return Result.notApplicable(sources, test.count(), missing);
            }
        }
        Map<String, Double> perSource = new LinkedHashMap<>();
        int heads = sources.size() == 2 ? 1 : sources.size();
        for (int k = 0; k < heads; k++) {
            String source = sources.get(k);
            boolean[] trainTargets = targets(train, source);
            boolean[] valTargets = targets(val, source);
            boolean[] testTargets = targets(test, source); // both classes: every part holds every source (checked above)
            TrainingResult trained = new HeadTrainer(head, 1).train(dimension, EpochFeatures.fixed(train.rows(), dimension),
                    trainTargets, val.rows(), val.count(), valTargets, stream(auditSeed, k).rng());
            double[] scores = new double[test.count()];
            trained.best().scores(test.rows(), test.count(), scores);
            perSource.put(source, Auroc.of(scores, testTargets));
        }
        double auroc = perSource.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Result(sources, auroc, perSource, test.count(), null);
    }

    /**
     * The stream of probe head {@code k}: seed index 0 and step {@link Integer#MAX_VALUE} − k, which no
     * view (steps are view numbers below K) and no comparison head (seed indices 1..S) uses.
     */
    static StreamKey stream(long auditSeed, int k) {
        return new StreamKey(auditSeed, Arm.CLEAN, 0, Integer.MAX_VALUE - k, 0);
    }

    private static boolean[] targets(Part part, String source) {
        boolean[] out = new boolean[part.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = part.sources().get(i).equals(source);
        }
        return out;
    }

    private static String missingSource(String source, Part part, String name) {
        return part.sources().contains(source) ? null : "no ID " + name + " image from " + source;
    }
}
