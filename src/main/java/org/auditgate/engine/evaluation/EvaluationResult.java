package org.auditgate.engine.evaluation;

import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.split.Leak;
import org.auditgate.engine.split.SplitResult;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a vendor evaluation.
 *
 * @param metrics metrics per group and the ID–OOD gaps
 * @param split the partition of the dataset
 * @param leaks identical images on both sides of the split
 * @param scored every scored image (ID test and OOD), in manifest order
 * @param featureTensor the feature tensor exposed during scoring
 * @param device the execution device that actually ran the model
 * @param inputSpec the preprocessing applied
 * @param scoringTime wall time of reading, decoding, preprocessing and inference (not part of any report number)
 */
public record EvaluationResult(MetricReport metrics, SplitResult split, List<Leak> leaks, List<ScoredImage> scored,
                               FeatureTensorSummary featureTensor, String device, InputSpec inputSpec, Duration scoringTime) {

    public EvaluationResult {
        leaks = List.copyOf(leaks);
        scored = List.copyOf(scored);
    }

    /** Images per second over the scoring stage. */
    public double imagesPerSecond() {
        double seconds = scoringTime.toNanos() / 1e9;
        return seconds == 0 ? Double.NaN : scored.size() / seconds;
    }
}
