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
 * <p>Layer 1's two F-long kernels (the forward and the weight gradient), which take nearly all the
 * time, are in {@link FirstLayer}: tuned for the JIT, same summation order, optionally split over
 * threads by hidden unit with bit-identical results.
 *
 * <p>Holds its work buffers for batches of up to {@code maxBatch} rows: a step allocates nothing.
 * Not thread-safe.
 */
public final class HeadStep {

    /** BatchNorm1d's momentum. */
    static final double BN_MOMENTUM = 0.1;

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
    private final FirstLayer first;

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
        first = new FirstLayer(model, maxBatch, z, d, workers);
        gW1 = first.gW1;
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
        return first.workers();
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
            System.arraycopy(rows, i * features, first.row(i), 0, features);
        }
        return step(n, labels, keepMask);
    }

    /**
     * The buffer of row {@code i} of the next batch (F floats from index 0), for callers that fill
     * the batch in place and then call {@link #forwardBackwardInPlace}.
     */
    float[] row(int i) {
        return first.row(i);
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
        first.forward(n);
        hiddenForward(n, keepMask);
        double loss = output(n, labels);
        hiddenBackward(n, keepMask);
        first.gradient(n);
        return loss;
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


}
