package org.auditgate.engine.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricJson;
import org.auditgate.engine.metrics.RocCurve;

import java.util.Map;

/**
 * Writes {@link MetricStatistics} as version 2 of the metric JSON: version 1 ({@link MetricJson})
 * with the intervals and calibration added, nothing removed.
 * <pre>{@code
 * { "schema": "auditgate.metrics/2", "positive": "pneumonia", "threshold": 0.5, "bootstrapSeed": 42,
 *   "groups": { "ood": { "n": 151, "positives": 56, "counts": {...},
 *       "auroc":  {"value": 0.32, "ciLower": 0.24, "ciUpper": 0.41, "ciMethod": "delong"},
 *       "recall": {"value": 0.39, "ciLower": 0.28, "ciUpper": 0.52, "ciMethod": "wilson"},
 *       "f1":     {"value": 0.41, "ciLower": 0.30, "ciUpper": 0.51, "ciMethod": "bootstrap"}, ...,
 *       "brier": 0.31, "ece": 0.22,
 *       "reliability": [ {"lower": 0.0, "upper": 0.1, "count": 12, "meanScore": 0.04, "observedRate": 0.25}, ... ],
 *       "roc": [ {"threshold": null, "fpr": 0.0, "tpr": 0.0}, {"threshold": 0.97, "fpr": 0.0, "tpr": 0.02}, ... ] }, ... },
 *   "gaps": { "auroc": {"value": 0.68, "ciLower": 0.58, "ciUpper": 0.77, "ciMethod": "bootstrap"}, ... } }
 * }</pre>
 * Intervals are 95%. An undefined number is {@code null}; the ROC curve's first threshold (+∞) is
 * {@code null}. Brier and ECE are {@code null} when a score is not a probability in [0, 1].
 */
public final class StatisticsJson {

    public static final String SCHEMA = "auditgate.metrics/2";

    private StatisticsJson() {
    }

    /** Writes the statistics into {@code target} (which may already hold other fields). */
    public static ObjectNode write(MetricStatistics statistics, ObjectNode target) {
        MetricJson.write(statistics.report(), target);
        target.put("schema", SCHEMA);
        target.put("bootstrapSeed", statistics.seed());
        ObjectNode groups = (ObjectNode) target.get("groups");
        for (Map.Entry<String, GroupStatistics> entry : statistics.groups().entrySet()) {
            ObjectNode node = (ObjectNode) groups.get(entry.getKey());
            GroupStatistics g = entry.getValue();
            for (Metric metric : Metric.values()) {
                putInterval((ObjectNode) node.get(metric.jsonName()), g.metric(metric));
            }
            MetricJson.putNumber(node, "brier", g.brier());
            MetricJson.putNumber(node, "ece", g.ece());
            ArrayNode bins = node.putArray("reliability");
            for (ReliabilityBin b : g.reliability()) {
                ObjectNode bin = bins.addObject();
                bin.put("lower", b.lower());
                bin.put("upper", b.upper());
                bin.put("count", b.count());
                MetricJson.putNumber(bin, "meanScore", b.meanScore());
                MetricJson.putNumber(bin, "observedRate", b.observedRate());
            }
            ArrayNode roc = node.putArray("roc");
            for (RocCurve.Point p : g.roc()) {
                ObjectNode point = roc.addObject();
                if (Double.isInfinite(p.threshold())) {
                    point.putNull("threshold");
                } else {
                    point.put("threshold", p.threshold());
                }
                point.put("fpr", p.falsePositiveRate());
                point.put("tpr", p.truePositiveRate());
            }
        }
        ObjectNode gaps = (ObjectNode) target.get("gaps");
        for (Metric metric : Metric.values()) {
            putInterval((ObjectNode) gaps.get(metric.jsonName()), statistics.gaps().get(metric));
        }
        return target;
    }

    /** Adds {@code ciLower}, {@code ciUpper} and {@code ciMethod} of an estimate to its metric object. */
    public static void putInterval(ObjectNode node, Estimate estimate) {
        MetricJson.putNumber(node, "ciLower", estimate.lower());
        MetricJson.putNumber(node, "ciUpper", estimate.upper());
        node.put("ciMethod", estimate.method());
    }

    /** Writes a seed summary: mean, sd, n, ciLower, ciUpper (the 95% t-interval). */
    public static ObjectNode putSummary(ObjectNode node, SeedSummary summary) {
        MetricJson.putNumber(node, "mean", summary.mean());
        MetricJson.putNumber(node, "sd", summary.sd());
        node.put("n", summary.n());
        MetricJson.putNumber(node, "ciLower", summary.lower());
        MetricJson.putNumber(node, "ciUpper", summary.upper());
        return node;
    }
}
