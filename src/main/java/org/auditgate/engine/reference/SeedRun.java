package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.training.HeadModel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One trained head of the reference comparison: one arm, one seed.
 *
 * @param arm the arm
 * @param seed the seed index, 1..S (paired: the same index in both arms shares initial weights,
 *     batch order and dropout masks)
 * @param bestEpoch the epoch whose head was tested, 0-based, an index into {@code valAurocCurve}
 * @param valAurocCurve validation AUROC after each epoch run
 * @param head the head of the best epoch (a copy is handed out)
 * @param scores the head's score for every ID test and OOD image, in manifest order
 * @param metrics metrics on ID test, OOD pooled and per source, with the gaps |ID − OOD|
 */
public record SeedRun(Arm arm, int seed, int bestEpoch, double[] valAurocCurve, HeadModel head,
        List<ScoredImage> scores, MetricReport metrics) {

    /** Copies the curve and the list. */
    public SeedRun {
        Objects.requireNonNull(arm, "arm");
        valAurocCurve = valAurocCurve.clone();
        head = head.copy();
        scores = List.copyOf(scores);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A copy of the validation AUROC curve. */
    @Override
    public double[] valAurocCurve() {
        return valAurocCurve.clone();
    }

    /** A copy of the best head, for export (the reference model). */
    @Override
    public HeadModel head() {
        return head.copy();
    }

    /** The ID–OOD gap of every metric (NaN where undefined). */
    public Map<Metric, Double> gaps() {
        return metrics.gaps();
    }
}
