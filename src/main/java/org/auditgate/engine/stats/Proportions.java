package org.auditgate.engine.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.auditgate.engine.metrics.ConfusionCounts;
import org.auditgate.engine.metrics.Metric;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Confidence intervals for a proportion (accuracy, recall, specificity, precision, NPV).
 *
 * <p>Wilson's score interval (Wilson, E. B. (1927), "Probable inference, the law of succession,
 * and statistical inference", JASA 22:209–212), computed by Commons Statistics
 * {@link BinomialConfidenceInterval#WILSON_SCORE}; it equals statsmodels'
 * {@code proportion_confint(method="wilson")}.
 */
public final class Proportions {

    private Proportions() {
    }

    /**
     * The Wilson score interval of {@code successes} out of {@code trials}.
     *
     * @param level the confidence level, e.g. 0.95
     * @return the interval, {@link Interval#UNDEFINED} when {@code trials == 0} (the proportion
     *     itself is undefined then)
     * @throws IllegalArgumentException when counts are negative, successes exceed trials, trials
     *     exceed {@link Integer#MAX_VALUE}, or the level is not in (0, 1)
     */
    public static Interval wilson(long successes, long trials, double level) {
        Interval.checkLevel(level);
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many trials for the interval: " + trials);
        }
        if (trials == 0) {
            return Interval.UNDEFINED;
        }
        org.apache.commons.statistics.interval.Interval ci =
                BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate((int) trials, (int) successes, 1 - level);
        return new Interval(ci.getLowerBound(), ci.getUpperBound());
    }

    /**
     * Wilson intervals of the five proportions of a confusion matrix: accuracy (TP + TN of all),
     * recall (TP of TP + FN), specificity (TN of TN + FP), precision (TP of TP + FP) and NPV (TN of
     * TN + FN). An interval is {@link Interval#UNDEFINED} where its proportion is (zero denominator).
     *
     * @return the intervals keyed by {@link Metric}; AUROC and F1 are absent (see {@link DeLong}
     *     and {@link Bootstrap})
     */
    public static Map<Metric, Interval> wilson(ConfusionCounts counts, double level) {
        long tp = counts.truePositives();
        long fp = counts.falsePositives();
        long tn = counts.trueNegatives();
        long fn = counts.falseNegatives();
        Map<Metric, Interval> intervals = new EnumMap<>(Metric.class);
        intervals.put(Metric.ACCURACY, wilson(tp + tn, counts.total(), level));
        intervals.put(Metric.RECALL, wilson(tp, tp + fn, level));
        intervals.put(Metric.SPECIFICITY, wilson(tn, tn + fp, level));
        intervals.put(Metric.PRECISION, wilson(tp, tp + fp, level));
        intervals.put(Metric.NPV, wilson(tn, tn + fn, level));
        return Collections.unmodifiableMap(intervals);
    }
}
