package org.auditgate.engine.stats;

import org.auditgate.engine.metrics.ConfusionCounts;
import org.auditgate.engine.metrics.GroupMetrics;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.RocCurve;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The statistics of one group of scored cases (DESIGN §6 "Per evaluation"): every {@link Metric}
 * with its 95% interval (AUROC: DeLong; accuracy, recall, specificity, precision, NPV: Wilson; F1:
 * stratified bootstrap), the Brier score and the expected calibration error with its reliability
 * bins, and the ROC curve.
 *
 * @param n cases
 * @param positives positive cases
 * @param counts the confusion matrix at the threshold
 * @param metrics each metric's estimate
 * @param brier the Brier score; NaN when a score lies outside [0, 1] (not a probability) or there are no cases
 * @param ece expected calibration error over {@value Calibration#BINS} equal-width bins; NaN as the Brier score
 * @param reliability the bins behind the ECE; empty when it is NaN
 * @param roc the ROC curve; empty with one class only
 */
public record GroupStatistics(int n, int positives, ConfusionCounts counts, Map<Metric, Estimate> metrics, double brier,
                              double ece, List<ReliabilityBin> reliability, List<RocCurve.Point> roc) {

    public GroupStatistics {
        metrics = Collections.unmodifiableMap(new EnumMap<>(metrics));
        reliability = List.copyOf(reliability);
        roc = List.copyOf(roc);
    }

    /**
     * Computes the statistics of one group.
     *
     * @param group the group's metrics (their values are the point estimates)
     * @param seed the seed of the F1 bootstrap
     */
    public static GroupStatistics of(GroupMetrics group, double[] scores, boolean[] positive, double threshold, long seed) {
        Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
        AucInterval auc = DeLong.interval(scores, positive, Bootstrap.LEVEL);
        metrics.put(Metric.AUROC, new Estimate(group.value(Metric.AUROC), auc.interval(), Estimate.DELONG));
        Proportions.wilson(group.counts(), Bootstrap.LEVEL).forEach((metric, interval) ->
                metrics.put(metric, new Estimate(group.value(metric), interval, Estimate.WILSON)));
        BootstrapInterval f1 = Bootstrap.f1(scores, positive, threshold, seed);
        metrics.put(Metric.F1, new Estimate(group.value(Metric.F1), f1.interval(), Estimate.BOOTSTRAP));
        boolean probabilities = scores.length > 0;
        for (double s : scores) {
            if (!(s >= 0 && s <= 1)) {
                probabilities = false;
                break;
            }
        }
        double brier = probabilities ? Calibration.brier(scores, positive) : Double.NaN;
        double ece = probabilities ? Calibration.ece(scores, positive) : Double.NaN;
        List<ReliabilityBin> bins = probabilities ? Calibration.reliability(scores, positive) : List.of();
        return new GroupStatistics(group.n(), group.positives(), group.counts(), metrics, brier, ece, bins,
                RocCurve.of(scores, positive));
    }

    public Estimate metric(Metric metric) {
        return metrics.get(metric);
    }
}
