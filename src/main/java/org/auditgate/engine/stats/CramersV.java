package org.auditgate.engine.stats;

import org.apache.commons.statistics.inference.ChiSquareTest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cramér's V between two categorical variables, such as source and label of the ID training set
 * (a shortcut indicator, DESIGN §6): V = √(χ² / (N·(min(r, c) − 1))) with Pearson's χ² of the
 * r × c contingency table, without Yates' correction and without bias correction (Cramér (1946),
 * "Mathematical Methods of Statistics", §21.9); as
 * {@code scipy.stats.contingency.association(table, method="cramer")}.
 */
public final class CramersV {

    private CramersV() {
    }

    /**
     * Cramér's V of the paired values {@code a.get(i)}, {@code b.get(i)}.
     *
     * @return V in [0, 1]; NaN when either variable takes a single value (min(r, c) = 1) or there
     *     are no values
     * @throws IllegalArgumentException when the lists differ in length or hold null
     */
    public static double of(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("the two value lists differ in length");
        }
        Map<String, Integer> rows = index(a);
        Map<String, Integer> columns = index(b);
        if (rows.size() < 2 || columns.size() < 2) {
            return Double.NaN;
        }
        long[][] table = new long[rows.size()][columns.size()];
        for (int i = 0; i < a.size(); i++) {
            table[rows.get(a.get(i))][columns.get(b.get(i))]++;
        }
        double chiSquare = ChiSquareTest.withDefaults().statistic(table);
        int k = Math.min(rows.size(), columns.size());
        return Math.sqrt(chiSquare / (a.size() * (double) (k - 1)));
    }

    private static Map<String, Integer> index(List<String> values) {
        Map<String, Integer> index = new TreeMap<>();
        for (String v : values) {
            if (v == null) {
                throw new IllegalArgumentException("a categorical value is null");
            }
            index.putIfAbsent(v, 0);
        }
        int k = 0;
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            e.setValue(k++);
        }
        return index;
    }
}
