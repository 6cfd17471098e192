package org.auditgate.engine.training;

import java.util.Arrays;

/**
 * One training-mode forward and backward pass of a {@link HeadModel} on a batch, as PyTorch 1.13
 * computes it on the CPU: the mean {@code BCEWithLogitsLoss} of the batch, the gradients of every
 * parameter (kept here for {@link Adam}), and the BatchNorm running-statistics update.
 *
 * <p>Training mode: dropout multiplies each hidden activation by {@code keep/(1−p)} with the
 * caller's keep mask; BatchNorm normalises with the batch mean and the <em>biased</em> batch
 * variance ({@code ε = 1e-5}) and updates {@code running = 0.9·running + 0.1·batch} with the
 * <em>unbiased</em> variance. Activations, weights and gradients are float32; the BatchNorm
 * statistics and the loss use double accumulators, as PyTorch's CPU kernels do. Sums over the
 * batch run in ascending row order and sums over features in the fixed order of
 * {@link HeadModel#dot}, so the result depends on nothing but the inputs (PyTorch's BLAS sums in
 * another order: results agree to float rounding, not bit for bit).
 *
 * <p>Speed: the two F-long layer-1 kernels (the forward, the weight gradient) are written so that
 * Java 17's C2 vectorises them: every array in an inner loop is indexed by the bare loop index
 * (C2 gives up when two float arrays are indexed with different offsets, since they might be the
 * same array), and loop bodies stay small enough to be unrolled. They keep exactly the summation
 * order described above. Each hidden unit's share of them is independent of the others, so with
 * {@link Workers} of several threads the threads take groups of {@link #GROUP} units, and the bits
 * do not depend on the number of threads or on which thread took which group.
 *
 * <p>Holds its work buffers for batches of up to {@code maxBatch} rows: a step allocates nothing.
 * Not thread-safe.
 */
public final class HeadStep {

    /** BatchNorm1d's momentum. */
    static final double BN_MOMENTUM = 0.1;
    /** Features per cache chunk of the forward, a multiple of 32: 128 columns of 33 rows take about 19 KB. */
    static final int CHUNK = 128;
    /** Hidden units per group that one thread claims (see {@link Workers}). */
    static final int GROUP = 8;
    /** Features per cache chunk of the weight gradient: 33 rows of 256 take 33 KB. */
    static final int GRADIENT_CHUNK = 128;

    private final HeadModel model;
    private final int features;
    private final int hidden;
    private final int maxBatch;
    private final float dropScale;
    private final boolean dropout;

    private final float[] z;
    private final float[] h;
    private final float[] a;
    private final float[] d;
    private final float[] logits;
    private final float[] dOut;
    private final float[] bnScale;
    private final float[] bnShift;
    private final float[] bnMean;
    private final float[] bnInvStd;
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
    final float[] gB1;
    final float[] gGamma;
    final float[] gBeta;
    final float[] gW2;
    final float[] gB2 = new float[1];

    /**
     * @param model the head to train (its weights are read, its running statistics updated)
     * @param dropout dropout probability p in [0, 1); 0 turns dropout off
     * @param maxBatch the largest batch that will be passed
     */
    public HeadStep(HeadModel model, double dropout, int maxBatch) {
        this(model, dropout, maxBatch, new Workers(1));
    }

    /** As {@link #HeadStep(HeadModel, double, int)}, splitting the layer-1 kernels' hidden units over {@code workers}. */
    HeadStep(HeadModel model, double dropout, int maxBatch, Workers workers) {
        if (!(dropout >= 0 && dropout < 1) || maxBatch < 2) {
            throw new IllegalArgumentException("dropout must be in [0, 1) and maxBatch at least 2");
        }
        this.model = model;
        this.features = model.features;
        this.hidden = model.hidden;
        this.maxBatch = maxBatch;
        this.dropout = dropout > 0;
        this.dropScale = (float) (1 / (1 - dropout));
        z = new float[maxBatch * hidden];
        h = new float[maxBatch * hidden];
        a = new float[maxBatch * hidden];
        d = new float[maxBatch * hidden];
        logits = new float[maxBatch];
        dOut = new float[maxBatch];
        bnScale = new float[hidden];
        bnShift = new float[hidden];
        bnMean = new float[hidden];
        bnInvStd = new float[hidden];
        gW1 = new float[hidden][features];
        xRows = new float[maxBatch][features];
        xCols = new float[features & ~7][maxBatch];
        lanes = new float[hidden][8][maxBatch];
        this.workers = workers;
        gB1 = new float[hidden];
        gGamma = new float[hidden];
        gBeta = new float[hidden];
        gW2 = new float[hidden];
    }

    /** The head this step trains. */
    public HeadModel model() {
        return model;
    }

    /** The threads that split this step's hidden units (also used by {@link Adam} for layer 1). */
    Workers workers() {
        return workers;
    }

    /**
     * Runs the forward and backward pass on {@code n} rows, keeps the gradients and updates the
     * BatchNorm running statistics.
     *
     * @param rows the batch's feature rows one after another, {@code n·F} floats from index 0
     * @param n rows in the batch, 2 to {@code maxBatch}
     * @param labels the batch's labels, {@code labels[i]} for row i
     * @param keepMask with dropout on, {@code n·H} values 0 or 1 (row-major, row i's H hidden units
     *        together), 1 keeping the unit; ignored when dropout is off (may be null)
     * @return the batch's mean binary cross-entropy with logits
     */
    public double forwardBackward(float[] rows, int n, boolean[] labels, float[] keepMask) {
        check(n, keepMask);
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * features, xRows[i], 0, features);
        }
        return step(n, labels, keepMask);
    }

    /**
     * The buffer of row {@code i} of the next batch (F floats from index 0), for callers that fill
     * the batch in place and then call {@link #forwardBackwardInPlace}.
     */
    float[] row(int i) {
        return xRows[i];
    }

    /** As {@link #forwardBackward}, on the rows already written to {@link #row}{@code (0 … n−1)}. */
    double forwardBackwardInPlace(int n, boolean[] labels, float[] keepMask) {
        check(n, keepMask);
        return step(n, labels, keepMask);
    }

    private void check(int n, float[] keepMask) {
        if (n < 2 || n > maxBatch) {
            throw new IllegalArgumentException("batch of " + n + " rows; need 2 to " + maxBatch);
        }
        if (dropout && (keepMask == null || keepMask.length < n * hidden)) {
            throw new IllegalArgumentException("dropout is on: a keep mask of n × hidden values is needed");
        }
    }

    private double step(int n, boolean[] labels, float[] keepMask) {
        firstLayer(n);
        hiddenForward(n, keepMask);
        double loss = output(n, labels);
        hiddenBackward(n, keepMask);
        firstLayerGradient(n);
        return loss;
    }

    /**
     * {@code z = x·W1ᵀ + b1}, bit for bit {@code b1[j] + HeadModel.dot(row i, w1[j])} for every row
     * and unit: the rows are transposed, then the units are computed group by group (see {@link Workers}).
     */
    private void firstLayer(int n) {
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
     * chunk's columns are read from the L1 cache rather than once per unit from L2; each lane still sees its features in ascending order. The lanes are then combined
     * and the tail added exactly as in {@code dot}.
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

    /** ReLU, dropout, BatchNorm in training mode (with the running-statistics update). */
    private void hiddenForward(int n, float[] keepMask) {
        for (int idx = 0; idx < n * hidden; idx++) {
            float r = Math.max(z[idx], 0f);
            h[idx] = dropout ? r * (keepMask[idx] * dropScale) : r;
        }
        for (int j = 0; j < hidden; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += h[i * hidden + j];
            }
            double mean = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double c = h[i * hidden + j] - mean;
                squares += c * c;
            }
            float meanF = (float) mean;
            float invStd = (float) (1 / Math.sqrt(squares / n + HeadModel.BN_EPS));
            bnMean[j] = meanF;
            bnInvStd[j] = invStd;
            bnScale[j] = invStd * model.gamma[j];
            bnShift[j] = model.beta[j] - meanF * bnScale[j];
            model.runMean[j] = (float) (BN_MOMENTUM * mean + (1 - BN_MOMENTUM) * model.runMean[j]);
            model.runVar[j] = (float) (BN_MOMENTUM * (squares / (n - 1)) + (1 - BN_MOMENTUM) * model.runVar[j]);
        }
        for (int i = 0; i < n; i++) {
            int base = i * hidden;
            for (int j = 0; j < hidden; j++) {
                a[base + j] = h[base + j] * bnScale[j] + bnShift[j];
            }
        }
    }

    /** Logits, loss, and the gradients of layer 2; leaves dLoss/da in {@code d}. */
    private double output(int n, boolean[] labels) {
        double loss = 0;
        float b2 = model.b2[0];
        for (int i = 0; i < n; i++) {
            float o = b2;
            int base = i * hidden;
            for (int j = 0; j < hidden; j++) {
                o += a[base + j] * model.w2[j];
            }
            logits[i] = o;
            double y = labels[i] ? 1 : 0;
            double maxVal = Math.max(-o, 0);
            loss += (1 - y) * o + maxVal + Math.log(Math.exp(-maxVal) + Math.exp(-o - maxVal));
            dOut[i] = (float) ((HeadModel.sigmoid(o) - y) / n);
        }
        Arrays.fill(gW2, 0f);
        float gb2 = 0;
        for (int i = 0; i < n; i++) {
            float g = dOut[i];
            gb2 += g;
            int base = i * hidden;
            for (int j = 0; j < hidden; j++) {
                gW2[j] += g * a[base + j];
                d[base + j] = g * model.w2[j];
            }
        }
        gB2[0] = gb2;
        return loss / n;
    }

    /** Back through BatchNorm (training mode), dropout and ReLU; leaves dLoss/dz in {@code d}. */
    private void hiddenBackward(int n, float[] keepMask) {
        for (int j = 0; j < hidden; j++) {
            double sum = 0;
            double dot = 0;
            float mean = bnMean[j];
            for (int i = 0; i < n; i++) {
                float g = d[i * hidden + j];
                sum += g;
                dot += (double) (h[i * hidden + j] - mean) * g;
            }
            double invStd = bnInvStd[j];
            gGamma[j] = (float) (dot * invStd);
            gBeta[j] = (float) sum;
            double k = dot * invStd * invStd / n;
            double gradMean = sum / n;
            double factor = invStd * model.gamma[j];
            for (int i = 0; i < n; i++) {
                int idx = i * hidden + j;
                d[idx] = (float) ((d[idx] - gradMean - (h[idx] - mean) * k) * factor);
            }
        }
        for (int idx = 0; idx < n * hidden; idx++) {
            float g = dropout ? d[idx] * (keepMask[idx] * dropScale) : d[idx];
            d[idx] = z[idx] > 0 ? g : 0f;
        }
        Arrays.fill(gB1, 0f);
        for (int i = 0; i < n; i++) {
            int base = i * hidden;
            for (int j = 0; j < hidden; j++) {
                gB1[j] += d[base + j];
            }
        }
    }

    /** {@code gW1[j][k] = Σᵢ dz[i][j]·x[i][k]} for every unit, group by group over the threads. */
    private void firstLayerGradient(int n) {
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
        final float[] dz = d;
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
