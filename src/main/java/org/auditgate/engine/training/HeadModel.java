package org.auditgate.engine.training;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/**
 * The classification head {@code Linear(F→H) → ReLU → Dropout → BatchNorm1d(H) → Linear(H→1)}:
 * its weights and BatchNorm running statistics, and its forward pass in evaluation mode
 * (dropout is the identity, BatchNorm uses the running statistics; DESIGN §4 "Head").
 *
 * <p>Arithmetic is float32 as in PyTorch. The first layer's weight is held as PyTorch orders it,
 * {@code [H×F]}, one array per hidden unit, so each unit's weights are contiguous and start at
 * index 0: loops that index the weights, their gradient and Adam's moments with the same plain
 * loop index are the ones the JIT vectorises (see {@link HeadStep}).
 *
 * <p>Not thread-safe while it is being trained; evaluation methods do not modify it.
 */
public final class HeadModel {

    /** BatchNorm1d's epsilon. */
    public static final float BN_EPS = 1e-5f;

    final int features;
    final int hidden;
    /** First layer weight {@code [H×F]}: {@code w1[j][k]}, one array of F per hidden unit. */
    final float[][] w1;
    final float[] b1;
    final float[] gamma;
    final float[] beta;
    final float[] runMean;
    final float[] runVar;
    final float[] w2;
    final float[] b2;

    private HeadModel(int features, int hidden) {
        this.features = features;
        this.hidden = hidden;
        w1 = new float[hidden][features];
        b1 = new float[hidden];
        gamma = new float[hidden];
        beta = new float[hidden];
        runMean = new float[hidden];
        runVar = new float[hidden];
        w2 = new float[hidden];
        b2 = new float[1];
        Arrays.fill(gamma, 1f);
        Arrays.fill(runVar, 1f);
    }

    /**
     * A freshly initialised head as PyTorch's defaults, drawn from {@code rng}: each Linear's
     * weight by {@code kaiming_uniform_(a=√5)} and its bias, both {@code U(−1/√fan_in, 1/√fan_in)};
     * BatchNorm weight 1, bias 0, running mean 0, running variance 1.
     *
     * <p>Draw order (one {@code nextDouble()} u per value, value {@code (float) (bound·(2u − 1))}):
     * layer 1 weight in PyTorch's row-major {@code [H×F]} order, layer 1 bias, layer 2 weight,
     * layer 2 bias.
     */
    public static HeadModel initialise(int featureDimension, int hidden, UniformRandomProvider rng) {
        requirePositive(featureDimension, hidden);
        HeadModel m = new HeadModel(featureDimension, hidden);
        double bound1 = 1 / Math.sqrt(featureDimension);
        for (float[] row : m.w1) {
            for (int k = 0; k < featureDimension; k++) {
                row[k] = uniform(rng, bound1);
            }
        }
        for (int j = 0; j < hidden; j++) {
            m.b1[j] = uniform(rng, bound1);
        }
        double bound2 = 1 / Math.sqrt(hidden);
        for (int j = 0; j < hidden; j++) {
            m.w2[j] = uniform(rng, bound2);
        }
        m.b2[0] = uniform(rng, bound2);
        return m;
    }

    /**
     * A head with the given weights, in PyTorch's layouts ({@code w1} is {@code [H×F]} row-major,
     * {@code w2} has H values, {@code b2} one); H is {@code b1.length}. The arrays are copied.
     */
    public static HeadModel of(float[] w1, float[] b1, float[] bnGamma, float[] bnBeta, float[] bnMean,
            float[] bnVar, float[] w2, float[] b2) {
        int hidden = b1.length;
        if (hidden == 0 || w1.length % hidden != 0 || bnGamma.length != hidden || bnBeta.length != hidden
                || bnMean.length != hidden || bnVar.length != hidden || w2.length != hidden || b2.length != 1) {
            throw new IllegalArgumentException("weight shapes do not fit one head");
        }
        HeadModel m = new HeadModel(w1.length / hidden, hidden);
        int f = w1.length / hidden;
        for (int j = 0; j < hidden; j++) {
            System.arraycopy(w1, j * f, m.w1[j], 0, f);
        }
        System.arraycopy(b1, 0, m.b1, 0, hidden);
        System.arraycopy(bnGamma, 0, m.gamma, 0, hidden);
        System.arraycopy(bnBeta, 0, m.beta, 0, hidden);
        System.arraycopy(bnMean, 0, m.runMean, 0, hidden);
        System.arraycopy(bnVar, 0, m.runVar, 0, hidden);
        System.arraycopy(w2, 0, m.w2, 0, hidden);
        m.b2[0] = b2[0];
        return m;
    }

    /** An independent copy of this head. */
    public HeadModel copy() {
        HeadModel m = new HeadModel(features, hidden);
        m.copyFrom(this);
        return m;
    }

    /** Overwrites this head's weights and statistics with those of {@code other} (same shape). */
    void copyFrom(HeadModel other) {
        for (int j = 0; j < hidden; j++) {
            System.arraycopy(other.w1[j], 0, w1[j], 0, features);
        }
        System.arraycopy(other.b1, 0, b1, 0, hidden);
        System.arraycopy(other.gamma, 0, gamma, 0, hidden);
        System.arraycopy(other.beta, 0, beta, 0, hidden);
        System.arraycopy(other.runMean, 0, runMean, 0, hidden);
        System.arraycopy(other.runVar, 0, runVar, 0, hidden);
        System.arraycopy(other.w2, 0, w2, 0, hidden);
        b2[0] = other.b2[0];
    }

    /** F, the number of input features. */
    public int featureDimension() {
        return features;
    }

    /** H, the width of the hidden layer. */
    public int hiddenUnits() {
        return hidden;
    }

    /** Trainable parameters: {@code H·F + H} (layer 1) {@code + 2H} (BatchNorm) {@code + H + 1} (layer 2); 131,329 for F = 2048, H = 64. */
    public int parameterCount() {
        return hidden * features + hidden + 2 * hidden + hidden + 1;
    }

    /** The logit of one feature row ({@code F} floats from {@code offset}) in evaluation mode. */
    public double logit(float[] features, int offset) {
        float[] scale = new float[hidden];
        float[] shift = new float[hidden];
        evalAffine(scale, shift);
        return logitOf(features, offset, scale, shift);
    }

    /** Sigmoid probabilities of {@code n} rows ({@code rows} holds them one after another) in evaluation mode into {@code out}. */
    public void scores(float[] rows, int n, double[] out) {
        if (rows.length < n * features || out.length < n) {
            throw new IllegalArgumentException("rows or out too short for " + n + " rows");
        }
        logits(rows, n, out);
        for (int i = 0; i < n; i++) {
            out[i] = sigmoid(out[i]);
        }
    }

    /** Logits of {@code n} rows ({@code rows} holds them one after another) in evaluation mode into {@code out}. */
    public void logits(float[] rows, int n, double[] out) {
        if (rows.length < n * features || out.length < n) {
            throw new IllegalArgumentException("rows or out too short for " + n + " rows");
        }
        float[] scale = new float[hidden];
        float[] shift = new float[hidden];
        evalAffine(scale, shift);
        for (int i = 0; i < n; i++) {
            out[i] = logitOf(rows, i * features, scale, shift);
        }
    }

    /** The numerically stable logistic function. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** Evaluation-mode BatchNorm as PyTorch computes it: {@code y = h·scale + shift}, {@code scale = γ/√(var+ε)}, {@code shift = β − mean·scale}. */
    private void evalAffine(float[] scale, float[] shift) {
        for (int j = 0; j < hidden; j++) {
            float invStd = (float) (1 / Math.sqrt(runVar[j] + BN_EPS));
            scale[j] = gamma[j] * invStd;
            shift[j] = beta[j] - runMean[j] * scale[j];
        }
    }

    private double logitOf(float[] x, int offset, float[] scale, float[] shift) {
        float out = b2[0];
        for (int j = 0; j < hidden; j++) {
            float zj = b1[j] + dot(x, offset, w1[j], 0, features);
            float a = Math.max(zj, 0f) * scale[j] + shift[j];
            out += a * w2[j];
        }
        return out;
    }

    /** Layer 1 weight in PyTorch's layout {@code [H×F]} row-major (a copy). */
    public float[] w1() {
        float[] out = new float[hidden * features];
        for (int j = 0; j < hidden; j++) {
            System.arraycopy(w1[j], 0, out, j * features, features);
        }
        return out;
    }

    /** Layer 1 bias, H values (a copy). */
    public float[] b1() {
        return b1.clone();
    }

    /** BatchNorm weight γ (a copy). */
    public float[] bnGamma() {
        return gamma.clone();
    }

    /** BatchNorm bias β (a copy). */
    public float[] bnBeta() {
        return beta.clone();
    }

    /** BatchNorm running mean (a copy). */
    public float[] bnMean() {
        return runMean.clone();
    }

    /** BatchNorm running variance, unbiased as PyTorch keeps it (a copy). */
    public float[] bnVar() {
        return runVar.clone();
    }

    /** Layer 2 weight, H values (a copy). */
    public float[] w2() {
        return w2.clone();
    }

    /** Layer 2 bias, one value. */
    public float b2() {
        return b2[0];
    }

    /**
     * {@code Σ x[xo+k]·w[wo+k]} over {@code len} values in float, with eight interleaved partial
     * sums (lane {@code k mod 8}) added pairwise at the end, then the tail in order: a fixed order,
     * so the same inputs always give the same bits.
     */
    static float dot(float[] x, int xo, float[] w, int wo, int len) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int k = 0;
        for (; k + 8 <= len; k += 8) {
            s0 += x[xo + k] * w[wo + k];
            s1 += x[xo + k + 1] * w[wo + k + 1];
            s2 += x[xo + k + 2] * w[wo + k + 2];
            s3 += x[xo + k + 3] * w[wo + k + 3];
            s4 += x[xo + k + 4] * w[wo + k + 4];
            s5 += x[xo + k + 5] * w[wo + k + 5];
            s6 += x[xo + k + 6] * w[wo + k + 6];
            s7 += x[xo + k + 7] * w[wo + k + 7];
        }
        float s = ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        for (; k < len; k++) {
            s += x[xo + k] * w[wo + k];
        }
        return s;
    }

    private static float uniform(UniformRandomProvider rng, double bound) {
        return (float) (bound * (2 * rng.nextDouble() - 1));
    }

    private static void requirePositive(int featureDimension, int hidden) {
        if (featureDimension < 1 || hidden < 1) {
            throw new IllegalArgumentException("feature dimension and hidden width must be positive");
        }
    }
}
