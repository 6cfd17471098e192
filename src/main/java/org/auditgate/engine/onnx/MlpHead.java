package org.auditgate.engine.onnx;

/**
 * The weights of the reference head, Linear(F→H) → ReLU → Dropout → BatchNorm1d(H) → Linear(H→1),
 * in PyTorch's layout, as grafted onto a backbone by {@link GraphSurgery#graftMlpHead}. Dropout
 * is the identity at inference and has no weights.
 *
 * @param w1 first layer weight, H × F row-major
 * @param b1 first layer bias, H
 * @param gamma batch-norm scale, H
 * @param beta batch-norm shift, H
 * @param runningMean batch-norm running mean, H
 * @param runningVar batch-norm running variance, H
 * @param epsilon batch-norm epsilon
 * @param w2 second layer weight, H
 * @param b2 second layer bias
 */
public record MlpHead(float[] w1, float[] b1, float[] gamma, float[] beta, float[] runningMean, float[] runningVar,
                      float epsilon, float[] w2, float b2) {

    public MlpHead {
        int h = b1.length;
        if (h == 0 || w1.length % h != 0 || gamma.length != h || beta.length != h || runningMean.length != h
                || runningVar.length != h || w2.length != h) {
            throw new IllegalArgumentException("inconsistent head shapes: w1 " + w1.length + ", hidden " + h);
        }
        w1 = w1.clone();
        b1 = b1.clone();
        gamma = gamma.clone();
        beta = beta.clone();
        runningMean = runningMean.clone();
        runningVar = runningVar.clone();
        w2 = w2.clone();
    }

    public int hidden() {
        return b1.length;
    }

    public int featureDimension() {
        return w1.length / b1.length;
    }
}
