package org.auditgate.engine.noise;

import org.auditgate.engine.RejectedInputException;

/**
 * The parameters of the noise types, named as scikit-image's {@code random_noise} keywords.
 *
 * @param gaussianMean mean of the additive Gaussian noise ({@code mean}), finite
 * @param gaussianVar variance of the additive Gaussian noise ({@code var}), finite and at least 0
 * @param speckleMean mean of the multiplicative speckle noise ({@code mean}), finite
 * @param speckleVar variance of the multiplicative speckle noise ({@code var}), finite and at least 0
 * @param amount fraction of pixels salt-and-pepper flips ({@code amount}), in [0, 1]
 * @param saltVsPepper probability that a flipped pixel becomes white ({@code salt_vs_pepper}), in [0, 1]
 */
public record NoiseParameters(double gaussianMean, double gaussianVar, double speckleMean, double speckleVar,
                              double amount, double saltVsPepper) {

    /**
     * @throws RejectedInputException ({@code CONFIG}) naming the first parameter out of range
     */
    public NoiseParameters {
        requireFinite("gaussianMean", gaussianMean, "Give a finite mean, such as 0");
        requireVariance("gaussianVar", gaussianVar);
        requireFinite("speckleMean", speckleMean, "Give a finite mean, such as 0");
        requireVariance("speckleVar", speckleVar);
        requireProbability("amount", amount, "Give the fraction of pixels to flip, between 0 and 1, such as 0.05");
        requireProbability("saltVsPepper", saltVsPepper,
                "Give the probability that a flipped pixel is white, between 0 and 1, such as 0.5");
    }

    /** scikit-image's defaults, which the paper used: mean 0, var 0.01, amount 0.05, salt_vs_pepper 0.5. */
    public static NoiseParameters paper() {
        return new NoiseParameters(0, 0.01, 0, 0.01, 0.05, 0.5);
    }

    private static void requireFinite(String name, double value, String remedy) {
        if (!Double.isFinite(value)) {
            throw reject(name, value + " is not a finite number", remedy);
        }
    }

    private static void requireVariance(String name, double value) {
        String remedy = "Give a finite variance of 0 or more, such as 0.01";
        requireFinite(name, value, remedy);
        if (value < 0) {
            throw reject(name, value + " is negative, and a variance cannot be", remedy);
        }
    }

    private static void requireProbability(String name, double value, String remedy) {
        if (!(value >= 0 && value <= 1)) {
            throw reject(name, value + " is not between 0 and 1", remedy);
        }
    }

    private static RejectedInputException reject(String name, String problem, String remedy) {
        return new RejectedInputException(RejectedInputException.Kind.CONFIG, "noise parameter " + name, problem, remedy);
    }
}
