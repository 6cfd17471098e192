package org.auditgate.engine.training;

import java.util.Arrays;

/**
 * Layer 1 of the head in training, the two kernels over F that take nearly all of a step's time:
 * the forward {@code z = x·W1ᵀ + b1} and the weight gradient {@code gW1 = dzᵀ·x}, in exactly the
 * summation order of {@link HeadModel#dot} and of ascending rows (see {@link HeadStep}).
 *
 * <p>Both are written so that Java 17's C2 vectorises them: every array in an inner loop is
 * indexed by the bare loop index (C2 gives up when two float arrays are indexed with different
 * offsets, since they might be the same array), and loop bodies stay small enough to be unrolled.
 * Each hidden unit's share of them is independent of the others, so with
 * {@link Workers} of several threads the threads take groups of {@link #GROUP} units, and the bits
 * do not depend on the number of threads or on which thread took which group.
 *
 * <p>Holds the batch (as rows and transposed) for up to {@code maxBatch} rows and writes into the
 * caller's {@code z}, reads the caller's {@code dz} (both {@code [n×H]} row-major). Not thread-safe.
 */
final class FirstLayer {

    /** Features per cache chunk of the forward, a multiple of 32: 128 columns of 33 rows take about 19 KB. */
    static final int CHUNK = 128;
    /** Hidden units per group that one thread claims (see {@link Workers}). */
    static final int GROUP = 8;

    private final HeadModel model;
    private final int features;
    private final int hidden;
    private final float[] z;
    private final float[] dz;
    /** The batch's rows, one array each: {@code xRows[i][k]}. */
    private final float[][] xRows;
    /** The batch transposed over the first {@code F − F mod 8} features: {@code xCols[k][i]}. */
    private final float[][] xCols;
    /** Per hidden unit, the eight lanes of {@link HeadModel#dot} for every row: {@code lanes[j][l][i]}. */
    private final float[][][] lanes;
    private final Workers workers;
    private final Workers.Task forwardTask = this::forwardPart;
    private final Workers.Task gradientTask = this::gradientPart;
    private int batchRows;

    /** Layer 1 weight gradient {@code [H][F]}, one array per hidden unit as {@link HeadModel#w1}. */
    final float[][] gW1;

    FirstLayer(HeadModel model, int maxBatch, float[] z, float[] dz, Workers workers) {
        this.model = model;
        this.features = model.features;
        this.hidden = model.hidden;
        this.z = z;
        this.dz = dz;
        this.workers = workers;
        xRows = new float[maxBatch][features];
        xCols = new float[features & ~7][maxBatch];
        lanes = new float[hidden][8][maxBatch];
        gW1 = new float[hidden][features];
    }

    /** The buffer of row {@code i} of the batch, F floats from index 0. */
    float[] row(int i) {
        return xRows[i];
    }

    /** The threads that share the units. */
    Workers workers() {
        return workers;
    }

    /**
     * {@code z = x·W1ᵀ + b1}, bit for bit {@code b1[j] + HeadModel.dot(row i, w1[j])} for every row
     * and unit, from the rows written to {@link #row}: the rows are transposed, then the units are
     * computed group by group (see {@link Workers}).
     */
    void forward(int n) {
        final int f8 = features & ~7;
        // Transpose in blocks of 64 features: the 64 column arrays being written stay in cache over the rows.
        for (int k0 = 0; k0 < f8; k0 += 64) {
            int k1 = Math.min(f8, k0 + 64);
            for (int i = 0; i < n; i++) {
                float[] row = xRows[i];
                for (int k = k0; k < k1; k++) {
                    xCols[k][i] = row[k];
                }
            }
        }
        batchRows = n;
        workers.run(forwardTask, hidden, GROUP);
    }

    /**
     * The forward of units {@code [from, to)} (one group). {@link HeadModel#dot}'s lane l sums the
     * products of features k ≡ l (mod 8), k &lt; F − F mod 8, in ascending k. Here, per unit and lane,
     * those products are added for all rows at once (an axpy over the rows of the transposed batch),
     * four features per pass (eight are not vectorised, as in the gradient):
     * {@code c + p1 + p2 + p3 + p4} runs left to right, the same order as one feature per pass.
     * The features are taken in chunks of {@link #CHUNK}, all units of the group per chunk, so a
     * chunk's columns are read from the L1 cache rather than once per unit from L2; each lane still
     * sees its features in ascending order. The lanes are then combined and the tail added exactly
     * as in {@code dot}.
     */
    private void forwardPart(int from, int to) {
        final int n = batchRows;
        final int f = features;
        final int f8 = f & ~7;
        for (int j = from; j < to; j++) {
            for (float[] c : lanes[j]) {
                for (int i = 0; i < n; i++) {
                    c[i] = 0f;
                }
            }
        }
        // Chunks of features whose columns stay in the L1 cache while every unit of the group uses them.
        for (int k0 = 0; k0 < f8; k0 += CHUNK) {
            final int k1 = Math.min(f8, k0 + CHUNK);
            for (int j = from; j < to; j++) {
                forwardChunk(model.w1[j], lanes[j], k0, k1, n);
            }
        }
        for (int j = from; j < to; j++) {
            final float[] w = model.w1[j];
            final float[][] acc = lanes[j];
            final float bias = model.b1[j];
            final float[] c0 = acc[0], c1 = acc[1], c2 = acc[2], c3 = acc[3];
            final float[] c4 = acc[4], c5 = acc[5], c6 = acc[6], c7 = acc[7];
            for (int i = 0; i < n; i++) {
                float s = ((c0[i] + c1[i]) + (c2[i] + c3[i])) + ((c4[i] + c5[i]) + (c6[i] + c7[i]));
                final float[] row = xRows[i];
                for (int k = f8; k < f; k++) {
                    s += row[k] * w[k];
                }
                z[i * hidden + j] = bias + s;
            }
        }
    }

    /** Adds the products of features {@code [k0, k1)} (k0 a multiple of 8) to the lanes {@code acc} of one unit. */
    private void forwardChunk(float[] w, float[][] acc, int k0, int k1, int n) {
        final float[][] cols = xCols;
        for (int l = 0; l < 8; l++) {
            final float[] c = acc[l];
            int k = k0 + l;
            for (; k + 24 < k1; k += 32) {
                final float a0 = w[k];
                final float a1 = w[k + 8];
                final float a2 = w[k + 16];
                final float a3 = w[k + 24];
                final float[] x0 = cols[k];
                final float[] x1 = cols[k + 8];
                final float[] x2 = cols[k + 16];
                final float[] x3 = cols[k + 24];
                for (int i = 0; i < n; i++) {
                    c[i] = c[i] + a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i];
                }
            }
            for (; k < k1; k += 8) {
                final float a = w[k];
                final float[] xk = cols[k];
                for (int i = 0; i < n; i++) {
                    c[i] += a * xk[i];
                }
            }
        }
    }

    /** {@code gW1[j][k] = Σᵢ dz[i][j]·x[i][k]} for every unit, group by group over the threads. */
    void gradient(int n) {
        batchRows = n;
        workers.run(gradientTask, hidden, GROUP);
    }

    /**
     * The weight gradient of units {@code [from, to)} (one group): per hidden unit, axpys over F
     * (every array indexed by the bare loop index, which the JIT vectorises), four rows per pass to
     * save loads and stores (eight per pass make the loop body too large for C2 17 to unroll and
     * vectorise: five times slower). Java evaluates {@code g + a + b + c + d} left to right, so the sum runs
     * over rows in ascending order exactly as one row per pass would.
     */
    private void gradientPart(int from, int to) {
        final int n = batchRows;
        final int f = features;
        final float[] dz = this.dz;
        for (int j = from; j < to; j++) {
            final float[] g = gW1[j];
            Arrays.fill(g, 0f);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                final float d0 = dz[i * hidden + j];
                final float d1 = dz[(i + 1) * hidden + j];
                final float d2 = dz[(i + 2) * hidden + j];
                final float d3 = dz[(i + 3) * hidden + j];
                final float[] x0 = xRows[i];
                final float[] x1 = xRows[i + 1];
                final float[] x2 = xRows[i + 2];
                final float[] x3 = xRows[i + 3];
                for (int k = 0; k < f; k++) {
                    g[k] = g[k] + d0 * x0[k] + d1 * x1[k] + d2 * x2[k] + d3 * x3[k];
                }
            }
            for (; i < n; i++) {
                final float di = dz[i * hidden + j];
                final float[] xi = xRows[i];
                for (int k = 0; k < f; k++) {
                    g[k] += di * xi[k];
                }
            }
        }
    }
}
