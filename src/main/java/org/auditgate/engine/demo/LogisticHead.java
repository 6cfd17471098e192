package org.auditgate.engine.demo;

import java.util.Arrays;
import org.auditgate.engine.RejectedInputException;

/**
 * A logistic-regression classification head: {@code p = sigmoid(bias + weights · x)}.
 *
 * <p>{@link #fit} standardises each feature (population mean and standard deviation; a constant
 * feature keeps scale 1 and ends with weight 0), then minimises the summed log-loss plus
 * {@code l2 / 2 · |w|²} on the standardised weights (the bias is not penalised) by Newton's method
 * with step halving, from zero. The objective is strictly convex, so the result is unique and
 * does not depend on any random draw; the seed is kept only as provenance. The L2 term keeps the
 * weights finite when the classes are separable, which the demo's confounded data always are.
 * {@link #weights()} and {@link #bias()} are expressed on the raw features, so the head is one
 * {@code Gemm}.
 */
public final class LogisticHead {

    /** The default L2 strength on standardised weights. */
    public static final double DEFAULT_L2 = 1.0;

    private static final int MAX_ITERATIONS = 100;
    private static final double TOLERANCE = 1e-10;

    private final double[] weights;
    private final double bias;
    private final long seed;
    private final int iterations;

    private LogisticHead(double[] weights, double bias, long seed, int iterations) {
        this.weights = weights;
        this.bias = bias;
        this.seed = seed;
        this.iterations = iterations;
    }

    /** As {@link #fit(float[], int, int, boolean[], long, double)} with {@link #DEFAULT_L2}. */
    public static LogisticHead fit(float[] features, int n, int f, boolean[] positive, long seed) {
        return fit(features, n, f, positive, seed, DEFAULT_L2);
    }

    /**
     * Fits the head.
     *
     * @param features row-major {@code n × f} matrix
     * @param positive the label of each row
     * @param seed recorded as provenance (the fit is deterministic)
     * @param l2 L2 strength on standardised weights, at least 0 (0 only for non-separable data)
     * @throws RejectedInputException if the shapes disagree, a value is not finite, or a class is missing
     */
    public static LogisticHead fit(float[] features, int n, int f, boolean[] positive, long seed, double l2) {
        check(features, n, f, positive, l2);
        double[] mean = new double[f];
        double[] scale = new double[f];
        standardisation(features, n, f, mean, scale);
        double[][] z = new double[n][f + 1];
        for (int i = 0; i < n; i++) {
            z[i][0] = 1;
            for (int j = 0; j < f; j++) {
                z[i][j + 1] = (features[i * f + j] - mean[j]) / scale[j];
            }
        }
        double[] theta = new double[f + 1];
        double loss = loss(z, positive, theta, l2);
        int iteration = 0;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            double[] step = newtonStep(z, positive, theta, l2);
            double t = 1;
            double[] next = new double[f + 1];
            double nextLoss;
            do {
                for (int j = 0; j <= f; j++) {
                    next[j] = theta[j] - t * step[j];
                }
                nextLoss = loss(z, positive, next, l2);
                t /= 2;
            } while (nextLoss > loss && t > 1e-12);
            double change = 0;
            for (int j = 0; j <= f; j++) {
                change = Math.max(change, Math.abs(next[j] - theta[j]));
            }
            theta = next;
            loss = nextLoss;
            if (change < TOLERANCE) {
                break;
            }
        }
        double[] raw = new double[f];
        double b = theta[0];
        for (int j = 0; j < f; j++) {
            raw[j] = theta[j + 1] / scale[j];
            b -= raw[j] * mean[j];
        }
        return new LogisticHead(raw, b, seed, iteration);
    }

    /** Weights on the raw (unstandardised) features, one per feature. */
    public float[] weights() {
        float[] out = new float[weights.length];
        for (int j = 0; j < weights.length; j++) {
            out[j] = (float) weights[j];
        }
        return out;
    }

    /** Bias on the raw features. */
    public float bias() {
        return (float) bias;
    }

    /** Number of features the head expects. */
    public int features() {
        return weights.length;
    }

    /** The seed passed to {@link #fit}, for provenance. */
    public long seed() {
        return seed;
    }

    /** Newton iterations the fit took. */
    public int iterations() {
        return iterations;
    }

    /** The probability of the positive class for the feature row {@code x[offset .. offset + features())}. */
    public double score(float[] x, int offset) {
        double eta = bias;
        for (int j = 0; j < weights.length; j++) {
            eta += weights[j] * x[offset + j];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    @Override
    public String toString() {
        return "LogisticHead[bias=" + bias + ", weights=" + Arrays.toString(weights) + "]";
    }

    private static void check(float[] features, int n, int f, boolean[] positive, double l2) {
        if (n < 2 || f < 1 || features.length != (long) n * f || positive.length != n) {
            throw new RejectedInputException(RejectedInputException.Kind.DATASET, "feature matrix",
                    "expected " + n + " rows of " + f + " features and " + n + " labels, got " + features.length
                            + " values and " + positive.length + " labels",
                    "pass one feature row and one label per training image");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and at least 0, got " + l2);
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new RejectedInputException(RejectedInputException.Kind.DATASET,
                        "feature matrix row " + (i / f) + ", column " + (i % f), "the value is " + features[i],
                        "check the backbone's output for that image; features must be finite numbers");
            }
        }
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new RejectedInputException(RejectedInputException.Kind.DATASET, "training labels",
                    "all " + n + " rows are " + (positives == 0 ? "negative" : "positive"),
                    "train on rows of both classes");
        }
    }

    private static void standardisation(float[] features, int n, int f, double[] mean, double[] scale) {
        for (int j = 0; j < f; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += features[i * f + j];
            }
            mean[j] = sum / n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double d = features[i * f + j] - mean[j];
                squares += d * d;
            }
            double sd = Math.sqrt(squares / n);
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1;
        }
    }

    private static double loss(double[][] z, boolean[] positive, double[] theta, double l2) {
        double total = 0;
        for (int i = 0; i < z.length; i++) {
            double eta = dot(z[i], theta);
            double margin = positive[i] ? eta : -eta;
            total += margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
        }
        for (int j = 1; j < theta.length; j++) {
            total += 0.5 * l2 * theta[j] * theta[j];
        }
        return total;
    }

    /** Solves H · step = gradient by Cholesky. */
    private static double[] newtonStep(double[][] z, boolean[] positive, double[] theta, double l2) {
        int m = theta.length;
        double[] gradient = new double[m];
        double[][] hessian = new double[m][m];
        for (int i = 0; i < z.length; i++) {
            double p = 1 / (1 + Math.exp(-dot(z[i], theta)));
            double residual = p - (positive[i] ? 1 : 0);
            double w = p * (1 - p);
            for (int a = 0; a < m; a++) {
                gradient[a] += residual * z[i][a];
                double wa = w * z[i][a];
                for (int b = 0; b <= a; b++) {
                    hessian[a][b] += wa * z[i][b];
                }
            }
        }
        for (int a = 0; a < m; a++) {
            gradient[a] += a == 0 ? 0 : l2 * theta[a];
            hessian[a][a] += a == 0 ? 1e-9 : l2 + 1e-9;
        }
        return choleskySolve(hessian, gradient);
    }

    private static double[] choleskySolve(double[][] h, double[] g) {
        int m = g.length;
        double[][] l = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b <= a; b++) {
                double s = h[a][b];
                for (int k = 0; k < b; k++) {
                    s -= l[a][k] * l[b][k];
                }
                l[a][b] = a == b ? Math.sqrt(Math.max(s, 1e-300)) : s / l[b][b];
            }
        }
        double[] y = new double[m];
        for (int a = 0; a < m; a++) {
            double s = g[a];
            for (int k = 0; k < a; k++) {
                s -= l[a][k] * y[k];
            }
            y[a] = s / l[a][a];
        }
        double[] x = new double[m];
        for (int a = m - 1; a >= 0; a--) {
            double s = y[a];
            for (int k = a + 1; k < m; k++) {
                s -= l[k][a] * x[k];
            }
            x[a] = s / l[a][a];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
