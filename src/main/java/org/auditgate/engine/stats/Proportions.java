package org.auditgate.engine.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

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
}
