package org.auditgate.engine.stats;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of probability scores: the Brier score (Brier (1950), "Verification of forecasts
 * expressed in terms of probability", Monthly Weather Review 78:1–3) and the expected calibration
 * error with fixed bins (Naeini, Cooper and Hauskrecht (2015), "Obtaining well calibrated
 * probabilities using Bayesian binning", AAAI; Guo et al. (2017), "On calibration of modern neural
 * networks", ICML).
 *
 * <p>Bins: {@value #BINS} equal-width bins on [0, 1]; bin b holds scores in [b/10, (b+1)/10), the
 * last bin also holds 1.0. ECE = Σ<sub>b</sub> (n<sub>b</sub>/N)·|mean(y in b) − mean(score in b)|
 * over non-empty bins. Scores must lie in [0, 1]; Brier and ECE are NaN for no cases.
 */
public final class Calibration {

    /** The number of equal-width bins. */
    public static final int BINS = 10;

    private Calibration() {
    }

    /**
     * The mean of (score − y)² with y = 1 for positives, 0 otherwise; as scikit-learn's
     * {@code brier_score_loss}. NaN for no cases.
     *
     * @throws RejectedInputException when a score lies outside [0, 1]
     */
    public static double brier(double[] scores, boolean[] positive) {
        check(scores, positive);
        if (scores.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double d = scores[i] - (positive[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / scores.length;
    }

    /**
     * The expected calibration error over {@value #BINS} fixed bins; NaN for no cases.
     *
     * @throws RejectedInputException when a score lies outside [0, 1]
     */
    public static double ece(double[] scores, boolean[] positive) {
        List<ReliabilityBin> bins = reliability(scores, positive);
        if (scores.length == 0) {
            return Double.NaN;
        }
        double ece = 0;
        for (ReliabilityBin bin : bins) {
            if (bin.count() > 0) {
                ece += (double) bin.count() / scores.length * Math.abs(bin.observedRate() - bin.meanScore());
            }
        }
        return ece;
    }

    /**
     * The {@value #BINS} bins of the reliability diagram, in order, empty bins included.
     *
     * @throws RejectedInputException when a score lies outside [0, 1]
     */
    public static List<ReliabilityBin> reliability(double[] scores, boolean[] positive) {
        check(scores, positive);
        int[] count = new int[BINS];
        double[] scoreSum = new double[BINS];
        int[] positives = new int[BINS];
        for (int i = 0; i < scores.length; i++) {
            int b = bin(scores[i]);
            count[b]++;
            scoreSum[b] += scores[i];
            if (positive[i]) positives[b]++;
        }
        List<ReliabilityBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            double mean = count[b] == 0 ? Double.NaN : scoreSum[b] / count[b];
            double rate = count[b] == 0 ? Double.NaN : (double) positives[b] / count[b];
            bins.add(new ReliabilityBin((double) b / BINS, (double) (b + 1) / BINS, count[b], mean, rate));
        }
        return List.copyOf(bins);
    }

    /** The bin of a score in [0, 1]: the largest b with b/10 ≤ score, and the last bin for 1.0. */
    static int bin(double score) {
        int b = (int) Math.floor(score * BINS);
        // score * 10 can round across an edge; settle it against the exact edges b/10.
        if (b > 0 && score < (double) b / BINS) b--;
        if (b < BINS - 1 && score >= (double) (b + 1) / BINS) b++;
        return Math.min(b, BINS - 1);
    }

    private static void check(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores and labels differ in length");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] >= 0 && scores[i] <= 1)) {
                throw new RejectedInputException(Kind.SCORES, "score " + (i + 1),
                        "is " + scores[i] + ", outside [0, 1], so it is not a probability",
                        "Give calibrated probabilities between 0 and 1 (apply the model's sigmoid or softmax) to measure calibration");
            }
        }
    }
}
