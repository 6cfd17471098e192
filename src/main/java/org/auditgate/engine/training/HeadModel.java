package org.auditgate.engine.training;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.Arrays;

/**
 * The classification head {@code Linear(F→H) → ReLU → Dropout → BatchNorm1d(H) → Linear(H→1)}:
 * its weights and BatchNorm running statistics, and its forward pass in evaluation mode
 * (dropout is the identity, BatchNorm uses the running statistics; DESIGN §4 "Head").
 *
 * <p>Arithmetic is float32 as in PyTorch. The first layer's weight is held transposed,
 * {@code [F×H]}, so that the forward pass and the weight gradient are contiguous axpy loops over
 * the hidden units, which the JIT vectorises; {@link #w1()} returns PyTorch's {@code [H×F]} layout.
 *
 * <p>Not thread-safe while it is being trained; evaluation methods do not modify it.
 */
public final class HeadModel {

    /** BatchNorm1d's epsilon. */
    public static final float BN_EPS = 1e-5f;

    final int features;
    final int hidden;
    /** First layer weight, transposed: {@code w1t[k * hidden + j]} is PyTorch's {@code weight[j][k]}. */
    final float[] w1t;
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
        w1t = new float[features * hidden];
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
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < featureDimension; k++) {
                m.w1t[k * hidden + j] = uniform(rng, bound1);
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
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < m.features; k++) {
                m.w1t[k * hidden + j] = w1[j * m.features + k];
            }
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
        System.arraycopy(other.w1t, 0, w1t, 0, w1t.length);
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
        float[] z = new float[hidden];
        float[] scale = new float[hidden];
        float[] shift = new float[hidden];
        evalAffine(scale, shift);
        return logitOf(features, offset, z, scale, shift);
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
        float[] z = new float[hidden];
        float[] scale = new float[hidden];
        float[] shift = new float[hidden];
        evalAffine(scale, shift);
        for (int i = 0; i < n; i++) {
            out[i] = logitOf(rows, i * features, z, scale, shift);
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

    private double logitOf(float[] x, int offset, float[] z, float[] scale, float[] shift) {
        System.arraycopy(b1, 0, z, 0, hidden);
        for (int k = 0; k < features; k++) {
            float xv = x[offset + k];
            int base = k * hidden;
            for (int j = 0; j < hidden; j++) {
                z[j] += xv * w1t[base + j];
            }
        }
        float out = b2[0];
        for (int j = 0; j < hidden; j++) {
            float a = Math.max(z[j], 0f) * scale[j] + shift[j];
            out += a * w2[j];
        }
        return out;
    }

    /** Layer 1 weight in PyTorch's layout {@code [H×F]} row-major (a copy). */
    public float[] w1() {
        float[] w = new float[hidden * features];
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < features; k++) {
                w[j * features + k] = w1t[k * hidden + j];
            }
        }
        return w;
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

    private static float uniform(UniformRandomProvider rng, double bound) {
        return (float) (bound * (2 * rng.nextDouble() - 1));
    }

    private static void requirePositive(int featureDimension, int hidden) {
        if (featureDimension < 1 || hidden < 1) {
            throw new IllegalArgumentException("feature dimension and hidden width must be positive");
        }
    }
}
