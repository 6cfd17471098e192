package org.auditgate.engine.training;

/**
 * Adam as PyTorch 1.13's {@code _single_tensor_adam} (no weight decay, no AMSGrad), in float32:
 * <pre>
 * m = m·β1 + g·(1−β1)
 * v = v·β2 + (1−β2)·g·g
 * denom = √v / √(1−β2^t) + ε
 * p = p − (lr/(1−β1^t)) · m / denom
 * </pre>
 * with β1 = 0.9, β2 = 0.999, ε = 1e-8; the scalars {@code lr/(1−β1^t)} and {@code √(1−β2^t)} are
 * computed in double and rounded to float, as PyTorch passes Python floats to float kernels.
 *
 * <p>The layer-1 weight's update is split by hidden unit over the threads of the
 * {@link HeadStep} whose gradients are applied; every element's update is independent, so the
 * bits do not depend on the threads. A step allocates nothing.
 */
public final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final float EPS = 1e-8f;

    private final HeadModel model;
    /** Moments of the layer-1 weight, {@code [H][F]} as the weight. */
    private final float[][] m1;
    private final float[][] v1;
    /** Moments of the other parameters: b1, γ, β, w2, b2. */
    private final float[][] m;
    private final float[][] v;
    private final Workers.Task w1Task = this::updateW1;
    private HeadStep current;
    private float currentStepSize;
    private float currentBias2Sqrt;
    private int steps;

    /** Fresh optimiser state (zero moments, step 0) for {@code model}. */
    public Adam(HeadModel model) {
        this.model = model;
        m1 = new float[model.hidden][model.features];
        v1 = new float[model.hidden][model.features];
        float[][] params = params(model);
        m = new float[params.length][];
        v = new float[params.length][];
        for (int p = 0; p < params.length; p++) {
            m[p] = new float[params[p].length];
            v[p] = new float[params[p].length];
        }
    }

    /** Optimiser steps taken so far. */
    public int steps() {
        return steps;
    }

    /** Applies one update with the gradients held by {@code gradients} (which must train the same model). */
    public void step(HeadStep gradients, double learningRate) {
        if (gradients.model() != model) {
            throw new IllegalArgumentException("the gradients belong to another model");
        }
        steps++;
        double bias1 = 1 - Math.pow(BETA1, steps);
        double bias2 = 1 - Math.pow(BETA2, steps);
        float stepSize = (float) (learningRate / bias1);
        float bias2Sqrt = (float) Math.sqrt(bias2);
        current = gradients;
        currentStepSize = stepSize;
        currentBias2Sqrt = bias2Sqrt;
        gradients.workers().run(w1Task, model.hidden, FirstLayer.GROUP);
        current = null;
        update(model.b1, gradients.gB1, m[0], v[0], stepSize, bias2Sqrt);
        update(model.gamma, gradients.gGamma, m[1], v[1], stepSize, bias2Sqrt);
        update(model.beta, gradients.gBeta, m[2], v[2], stepSize, bias2Sqrt);
        update(model.w2, gradients.gW2, m[3], v[3], stepSize, bias2Sqrt);
        update(model.b2, gradients.gB2, m[4], v[4], stepSize, bias2Sqrt);
    }

    /** The layer-1 weight's update for hidden units {@code [from, to)}. */
    private void updateW1(int from, int to) {
        for (int j = from; j < to; j++) {
            update(model.w1[j], current.gW1[j], m1[j], v1[j], currentStepSize, currentBias2Sqrt);
        }
    }

    private static void update(float[] p, float[] g, float[] m, float[] v, float stepSize, float bias2Sqrt) {
        final float b1 = (float) BETA1;
        final float b2 = (float) BETA2;
        final float c1 = (float) (1 - BETA1);
        final float c2 = (float) (1 - BETA2);
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = m[i] * b1 + gi * c1;
            float vi = v[i] * b2 + c2 * (gi * gi);
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / bias2Sqrt + EPS;
            p[i] = p[i] - stepSize * (mi / denom);
        }
    }

    private static float[][] params(HeadModel model) {
        return new float[][] {model.b1, model.gamma, model.beta, model.w2, model.b2};
    }
}
