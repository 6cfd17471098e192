package org.auditgate.engine.evaluation;

/** Which tensor of the vendor graph served as the feature vector, and how it was found. */
public record FeatureTensorSummary(String tensor, int dimension, String route) {
}
