package org.auditgate.engine.stats;

import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * The per-seed comparison of a clean reference with a noise-trained one (DESIGN §6): reduction
 * r<sub>i</sub> = clean<sub>i</sub> − noise<sub>i</sub>, its {@link SeedSummary}, the Wilcoxon
 * signed-rank test and the paired t-test, both two-sided against no reduction.
 *
 * <p>Pairs where either side is NaN are dropped and counted in {@code droppedPairs}.
 *
 * <p>Wilcoxon rule (Wilcoxon (1945), "Individual comparisons by ranking methods", Biometrics
 * Bulletin 1:80–83): zero differences are discarded first (Wilcoxon's own rule, the default of
 * R's {@code wilcox.test} and of {@code scipy.stats.wilcoxon(zero_method="wilcox")}); the
 * absolute non-zero differences get midranks. With at most 50 non-zero differences and no tied
 * absolute differences the p-value is exact; otherwise it is the normal approximation with the tie
 * correction and a continuity correction of ½ (Commons Statistics {@link WilcoxonSignedRankTest}
 * with its defaults; {@code scipy.stats.wilcoxon(method="approx", correction=True)}). The p-value
 * is NaN when no non-zero difference remains.
 *
 * <p>Paired t-test (Commons Statistics {@link TTest#pairedTest}, as {@code scipy.stats.ttest_rel}):
 * the p-value is NaN with fewer than two pairs or when all differences are equal (zero standard
 * deviation, t undefined or infinite).
 *
 * @param pairs the number of pairs used (neither side NaN)
 * @param droppedPairs the number of pairs left out because a side was NaN
 * @param reduction mean, SD and 95% t-interval of the reductions
 * @param nonZeroDifferences the number of non-zero reductions the Wilcoxon test used
 * @param wilcoxonExact whether the Wilcoxon p-value is exact (rather than the normal approximation)
 * @param wilcoxonP the two-sided Wilcoxon signed-rank p-value
 * @param tTestP the two-sided paired t-test p-value
 */
public record PairedComparison(int pairs, int droppedPairs, SeedSummary reduction, int nonZeroDifferences,
                               boolean wilcoxonExact, double wilcoxonP, double tTestP) {

    /** The largest number of non-zero differences with an exact Wilcoxon p-value. */
    public static final int EXACT_LIMIT = 50;

    /**
     * Compares paired per-seed values.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static PairedComparison of(double[] clean, double[] noise) {
        if (clean.length != noise.length) {
            throw new IllegalArgumentException("clean and noise values differ in length");
        }
        double[] differences = new double[clean.length];
        int pairs = 0;
        for (int i = 0; i < clean.length; i++) {
            if (!Double.isNaN(clean[i]) && !Double.isNaN(noise[i])) {
                differences[pairs++] = clean[i] - noise[i];
            }
        }
        double[] d = Arrays.copyOf(differences, pairs);
        double[] nonZero = Arrays.stream(d).filter(v -> v != 0).toArray();
        boolean exact = false;
        double wilcoxonP = Double.NaN;
        if (nonZero.length > 0) {
            WilcoxonSignedRankTest.Result result = WilcoxonSignedRankTest.withDefaults().test(nonZero);
            exact = nonZero.length <= EXACT_LIMIT && !result.hasTiedValues();
            wilcoxonP = result.getPValue();
        }
        double tTestP = Double.NaN;
        if (pairs >= 2 && Arrays.stream(d).anyMatch(v -> v != d[0])) {
            tTestP = TTest.withDefaults().test(d).getPValue();
        }
        return new PairedComparison(pairs, clean.length - pairs, SeedSummary.of(d), nonZero.length, exact, wilcoxonP, tTestP);
    }
}
