package org.auditgate.engine.onnx;

/**
 * The vendor model's scores and the backbone features for one batch.
 *
 * @param scores the probability of the positive class per image
 * @param features n × F features, row-major
 */
public record ScoredBatch(double[] scores, float[] features) {

    /** The feature dimension F. */
    public int featureDimension() {
        return scores.length == 0 ? 0 : features.length / scores.length;
    }
}
