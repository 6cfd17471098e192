package org.auditgate.engine.noise;

/**
 * Walker/Vose alias tables over the 256 grey levels, built in exact integer arithmetic and packed
 * into one {@code long} per column, so that a draw costs one {@code nextLong()} and no floating point.
 *
 * <p>Column {@code c} of a table holds a threshold {@code t ∈ [0, 2^53]} in bits 0–53 and an alias
 * level in bits 56–63. A draw takes the top 8 bits of a uniform 64-bit word as the column and keeps
 * the column if the low 53 bits are below {@code t}, else takes the alias. The probabilities are
 * first rounded to multiples of 2^-61 (256 columns × 2^53) with the rounding remainder put on the
 * most probable level, so a table represents its distribution to within 2^-61 per level.
 */
final class AliasTable {

    /** Levels, and columns per table. */
    static final int LEVELS = 256;
    /** The capacity of one column: 2^53. */
    static final long COLUMN = 1L << 53;
    /** Mask of the low 53 bits of a random word, compared with the threshold. */
    static final long UNIFORM_MASK = COLUMN - 1;
    /** Mask of a packed column's threshold. */
    static final long THRESHOLD_MASK = (1L << 54) - 1;
    private static final long TOTAL = COLUMN * LEVELS;

    private AliasTable() {
    }

    /**
     * Writes the alias table of {@code probabilities} (256 non-negative values summing to about 1)
     * into {@code table[offset .. offset + 256)}.
     */
    static void build(double[] probabilities, long[] table, int offset) {
        long[] weight = new long[LEVELS];
        long sum = 0;
        int largest = 0;
        for (int i = 0; i < LEVELS; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1.5)) {
                throw new IllegalStateException("probability " + p + " at level " + i);
            }
            weight[i] = (long) StrictMath.rint(StrictMath.scalb(p, 61));
            sum += weight[i];
            if (weight[i] > weight[largest]) {
                largest = i;
            }
        }
        weight[largest] += TOTAL - sum;
        if (weight[largest] < 0) {
            throw new IllegalStateException("probabilities sum far from 1");
        }
        int[] small = new int[LEVELS];
        int[] large = new int[LEVELS];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = LEVELS - 1; i >= 0; i--) {
            if (weight[i] < COLUMN) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[largeCount - 1];
            table[offset + s] = weight[s] | ((long) l << 56);
            weight[l] -= COLUMN - weight[s];
            if (weight[l] < COLUMN) {
                largeCount--;
                small[smallCount++] = l;
            }
        }
        // The weights are integers summing to exactly 256 columns, so no small column is left over.
        while (largeCount > 0) {
            int l = large[--largeCount];
            table[offset + l] = COLUMN | ((long) l << 56);
        }
    }

    /** The level a random 64-bit word selects from the table at {@code offset}. */
    static int sample(long[] table, int offset, long random) {
        int column = (int) (random >>> 56);
        long entry = table[offset + column];
        return (random & UNIFORM_MASK) < (entry & THRESHOLD_MASK) ? column : (int) (entry >>> 56);
    }

    /** The exact probability of each level that the table at {@code offset} represents. */
    static double[] probabilities(long[] table, int offset) {
        long[] weight = new long[LEVELS];
        for (int c = 0; c < LEVELS; c++) {
            long entry = table[offset + c];
            long threshold = entry & THRESHOLD_MASK;
            weight[c] += threshold;
            weight[(int) (entry >>> 56)] += COLUMN - threshold;
        }
        double[] p = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            p[i] = StrictMath.scalb((double) weight[i], -61);
        }
        return p;
    }
}
