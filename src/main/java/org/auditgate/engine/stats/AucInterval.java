package org.auditgate.engine.stats;

/**
 * The AUROC with its DeLong variance and normal confidence interval (see {@link DeLong}).
 *
 * @param auc the AUROC (Mann–Whitney, ties one half); NaN when a class is absent
 * @param variance S10/m + S01/n; NaN when a class has fewer than two cases
 * @param standardError the square root of the variance
 * @param lower the lower bound, auc − z·SE clipped at 0; NaN when the variance is NaN
 * @param upper the upper bound, auc + z·SE clipped at 1; NaN when the variance is NaN
 * @param positives the number of positive cases (m)
 * @param negatives the number of negative cases (n)
 */
public record AucInterval(double auc, double variance, double standardError, double lower, double upper,
                          int positives, int negatives) {

    /** The confidence interval as an {@link Interval}. */
    public Interval interval() {
        return new Interval(lower, upper);
    }
}
