package org.auditgate.engine.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (Holm (1979), "A simple
 * sequentially rejective multiple test procedure", Scandinavian Journal of Statistics 6:65–70),
 * as statsmodels' {@code multipletests(method="holm")}.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * With the m defined p-values sorted ascending p<sub>(1)</sub> ≤ … ≤ p<sub>(m)</sub>, the
     * adjusted value of p<sub>(k)</sub> is max<sub>j ≤ k</sub> min(1, (m − j + 1)·p<sub>(j)</sub>).
     * NaN entries stay NaN and do not count in m.
     *
     * @return the adjusted p-values in the input order
     * @throws IllegalArgumentException when a defined p-value lies outside [0, 1]
     */
    public static double[] adjust(double[] pValues) {
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = IntStream.range(0, pValues.length)
                .filter(i -> !Double.isNaN(pValues[i])).boxed().toArray(Integer[]::new);
        for (int i : order) {
            if (pValues[i] < 0 || pValues[i] > 1) {
                throw new IllegalArgumentException("p-value " + i + " is " + pValues[i] + ", outside [0, 1]");
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        int m = order.length;
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * pValues[order[k]]));
            adjusted[order[k]] = running;
        }
        return adjusted;
    }
}
