package org.auditgate.engine.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one group of scored cases at one threshold. Undefined values are NaN (see
 * {@link ConfusionCounts} for the zero-denominator rule; AUROC is undefined with one class only).
 */
public record GroupMetrics(int n, int positives, ConfusionCounts counts, Map<Metric, Double> values) {

    public GroupMetrics {
        values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** Computes every {@link Metric} for the cases, calling a case positive when score &gt; threshold. */
    public static GroupMetrics of(List<ScoredCase> cases, String positiveLabel, double threshold) {
        double[] scores = new double[cases.size()];
        boolean[] positive = new boolean[cases.size()];
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            ScoredCase c = cases.get(i);
            scores[i] = c.score();
            positive[i] = c.label().equals(positiveLabel);
            if (positive[i]) positives++;
        }
        ConfusionCounts counts = ConfusionCounts.at(scores, positive, threshold);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.AUROC, Auroc.of(scores, positive));
        values.put(Metric.ACCURACY, counts.accuracy());
        values.put(Metric.RECALL, counts.recall());
        values.put(Metric.SPECIFICITY, counts.specificity());
        values.put(Metric.PRECISION, counts.precision());
        values.put(Metric.NPV, counts.npv());
        values.put(Metric.F1, counts.f1());
        return new GroupMetrics(cases.size(), positives, counts, values);
    }

    public double value(Metric metric) {
        return values.get(metric);
    }
}
