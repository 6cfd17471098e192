package org.auditgate.engine.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Writes a {@link MetricReport} as the metric JSON contract (README, "Metric JSON"):
 * <pre>{@code
 * { "schema": "auditgate.metrics/1", "positive": "pneumonia", "threshold": 0.5,
 *   "groups": { "overall": { "n": 120, "positives": 30,
 *                            "counts": {"tp": 25, "fp": 4, "tn": 86, "fn": 5},
 *                            "auroc": {"value": 0.91}, "accuracy": {"value": 0.925}, ... },
 *               "id": {...}, "ood": {...}, "source:sirm.org": {...} },
 *   "gaps": { "auroc": {"value": 0.31}, ... } }
 * }</pre>
 * Each metric is an object so that later versions can add {@code ciLower}/{@code ciUpper} beside
 * {@code value}. An undefined value (see {@link ConfusionCounts}) is written as {@code null}.
 */
public final class MetricJson {

    public static final String SCHEMA = "auditgate.metrics/1";

    private MetricJson() {
    }

    /** Writes the report into {@code target} (which may already hold other fields). */
    public static ObjectNode write(MetricReport report, ObjectNode target) {
        target.put("schema", SCHEMA);
        target.put("positive", report.positive());
        target.put("threshold", report.threshold());
        ObjectNode groups = target.putObject("groups");
        for (Map.Entry<String, GroupMetrics> entry : report.groups().entrySet()) {
            GroupMetrics g = entry.getValue();
            ObjectNode node = groups.putObject(entry.getKey());
            node.put("n", g.n());
            node.put("positives", g.positives());
            ObjectNode counts = node.putObject("counts");
            counts.put("tp", g.counts().truePositives());
            counts.put("fp", g.counts().falsePositives());
            counts.put("tn", g.counts().trueNegatives());
            counts.put("fn", g.counts().falseNegatives());
            for (Metric metric : Metric.values()) {
                putValue(node.putObject(metric.jsonName()), g.value(metric));
            }
        }
        ObjectNode gaps = target.putObject("gaps");
        for (Metric metric : Metric.values()) {
            putValue(gaps.putObject(metric.jsonName()), report.gaps().get(metric));
        }
        return target;
    }

    /** The report as a new JSON object. */
    public static ObjectNode toJson(MetricReport report, ObjectMapper mapper) {
        return write(report, mapper.createObjectNode());
    }

    private static void putValue(ObjectNode node, double value) {
        putNumber(node, "value", value);
    }

    /** Writes {@code value} under {@code field}, or {@code null} when it is undefined (NaN). */
    public static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
