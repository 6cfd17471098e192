package org.auditgate.engine.noise;

/**
 * The exact output distribution over the 256 grey levels of each noise type for one input level,
 * with scikit-image 0.19.3 semantics: the input level {@code k} becomes {@code x = k·(1/255)}
 * ({@code img_as_float}), noise is added, the result is clipped to [0, 1] and quantised back with
 * {@code rint(y·255)} ({@code img_as_ubyte}, round half to even; exact halves have probability zero
 * except in the Poisson case, where they are computed with the same rounding).
 *
 * <p>All arithmetic is strict ({@link StrictNormal}, {@link StrictPoisson}, {@link StrictMath}), so
 * the same parameters give the same bits everywhere.
 */
final class NoiseDistributions {

    private static final int LEVELS = AliasTable.LEVELS;
    private static final double INV_255 = 1.0 / 255.0;

    private NoiseDistributions() {
    }

    /** {@code img_as_float}: level k as numpy computes it, {@code k * (1/255)}. */
    static double toFloat(int level) {
        return level * INV_255;
    }

    /** {@code img_as_ubyte} after clipping: {@code rint(clip(y, 0, 1)·255)}. */
    static int quantise(double y) {
        double clipped = y < 0 ? 0 : (y > 1 ? 1 : y);
        return (int) StrictMath.rint(clipped * 255.0);
    }

    /** gaussian: {@code x + N(mean, var)}. */
    static double[] gaussian(int level, double mean, double variance) {
        double x = toFloat(level);
        return normal(x + mean, StrictMath.sqrt(variance));
    }

    /** speckle: {@code x + x·N(mean, var)}; a black pixel stays black. */
    static double[] speckle(int level, double mean, double variance) {
        double x = toFloat(level);
        if (x == 0) {
            return pointMass(0);
        }
        return normal(x + x * mean, x * StrictMath.sqrt(variance));
    }

    /**
     * poisson: {@code Poisson(x·v)/v}; every count of at least {@code v} clips to white. The
     * probabilities are divided by their sum, which log-space rounding leaves up to ~1e-13 from 1.
     */
    static double[] poisson(int level, int v) {
        double lambda = toFloat(level) * v;
        double[] p = new double[LEVELS];
        for (int m = 0; m <= StrictPoisson.MAX_COUNT; m++) {
            int out = m >= v ? LEVELS - 1 : (int) StrictMath.rint(((double) m / v) * 255.0);
            p[out] += StrictPoisson.pmf(lambda, m);
        }
        double sum = 0;
        for (double q : p) {
            sum += q;
        }
        for (int j = 0; j < LEVELS; j++) {
            p[j] /= sum;
        }
        return p;
    }

    /** salt-and-pepper: flipped with probability {@code amount}, then white with probability {@code saltVsPepper}. */
    static double[] saltPepper(int level, double amount, double saltVsPepper) {
        double[] p = new double[LEVELS];
        p[level] += 1 - amount;
        p[0] += amount * (1 - saltVsPepper);
        p[LEVELS - 1] += amount * saltVsPepper;
        return p;
    }

    /** All mass on one level. */
    static double[] pointMass(int level) {
        double[] p = new double[LEVELS];
        p[level] = 1;
        return p;
    }

    /** Output levels of {@code y ~ N(mu, sigma)} clipped and quantised. */
    private static double[] normal(double mu, double sigma) {
        if (sigma == 0) {
            return pointMass(quantise(mu));
        }
        double[] z = new double[LEVELS];
        for (int j = 1; j < LEVELS; j++) {
            z[j] = ((j - 0.5) / 255.0 - mu) / sigma;
        }
        double[] p = new double[LEVELS];
        p[0] = StrictNormal.cdf(z[1]);
        for (int j = 1; j < LEVELS - 1; j++) {
            p[j] = StrictNormal.interval(z[j], z[j + 1]);
        }
        p[LEVELS - 1] = StrictNormal.sf(z[LEVELS - 1]);
        return p;
    }
}
