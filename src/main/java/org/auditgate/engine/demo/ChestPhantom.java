package org.auditgate.engine.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A chest-radiograph-like phantom: a bright body silhouette, two darker lung fields with a
 * cranio-caudal gradient, a heart shadow and a few broad anatomical density variations, plus the
 * low-frequency opacities that stand for pneumonia.
 *
 * <p>Grey values are floats on the 0–255 scale. Only {@link StrictMath} and plain arithmetic are
 * used, and Gaussians are separable products of per-row and per-column tables, so the same random
 * draws give the same pixels on every JVM.
 */
final class ChestPhantom {

    /** One patient's anatomy (pixels and grey levels); a second image of the patient jitters it. */
    record Anatomy(double cx, double cy, double scale, double body, double lung, double lungSlope,
            double heart, double heartWidth, double asymmetry, List<Blob> textures) {
    }

    /** A separable Gaussian bump of {@code amplitude} grey levels, masked by the lung fields. */
    record Blob(double x, double y, double sigma, double amplitude) {
    }

    private final int width;
    private final int height;

    ChestPhantom(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Draws a patient's anatomy: position, size and brightness vary from patient to patient. */
    Anatomy drawAnatomy(SplittableRandom random) {
        double cx = width / 2.0 + uniform(random, -8, 8);
        double cy = height * 0.5 + uniform(random, -8, 8);
        double scale = uniform(random, 0.88, 1.06);
        List<Blob> textures = new ArrayList<>();
        int count = 3 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            textures.add(new Blob(uniform(random, 0.15, 0.85) * width, uniform(random, 0.2, 0.85) * height,
                    uniform(random, 22, 45), uniform(random, -7, 7)));
        }
        return new Anatomy(cx, cy, scale, uniform(random, 135, 170), uniform(random, 50, 80),
                uniform(random, 15, 35), uniform(random, 15, 30), uniform(random, 0.9, 1.1),
                uniform(random, 0.94, 1.06), List.copyOf(textures));
    }

    /** The same patient on another day or in another view: shifted, slightly brighter or darker. */
    Anatomy jitter(Anatomy a, SplittableRandom random, boolean anteroPosterior) {
        return new Anatomy(a.cx() + uniform(random, -4, 4), a.cy() + uniform(random, -4, 4), a.scale(),
                a.body() + uniform(random, -6, 6), a.lung() + uniform(random, -5, 5), a.lungSlope(),
                a.heart(), a.heartWidth() * (anteroPosterior ? 1.15 : 1.0), a.asymmetry(), a.textures());
    }

    /**
     * Draws 1–3 pneumonia opacities: soft Gaussians (sigma 12–30 px) of raised density centred
     * inside a lung field.
     */
    List<Blob> drawOpacities(Anatomy a, SplittableRandom random) {
        int count = 1 + random.nextInt(3);
        List<Blob> blobs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double side = random.nextBoolean() ? -1 : 1;
            double[] lung = lungEllipse(a, side);
            double angle = uniform(random, 0, 2 * Math.PI);
            double radius = StrictMath.sqrt(random.nextDouble()) * 0.6;
            double x = lung[0] + radius * lung[2] * StrictMath.cos(angle);
            double y = lung[1] + radius * lung[3] * StrictMath.sin(angle);
            blobs.add(new Blob(x, y, uniform(random, 12, 30), uniform(random, 30, 50)));
        }
        return blobs;
    }

    /** Renders the anatomy with the given opacities (possibly none); returns grey values 0–255. */
    float[] render(Anatomy a, List<Blob> opacities) {
        float[] px = new float[width * height];
        double[] body = {a.cx(), a.cy() + 0.04 * height, 0.45 * width * a.scale(), 0.56 * height * a.scale()};
        double[] left = lungEllipse(a, -1);
        double[] right = lungEllipse(a, 1);
        double[] heart = {a.cx() + 0.05 * width * a.scale(), a.cy() + 0.14 * height * a.scale(),
            0.13 * width * a.scale() * a.heartWidth(), 0.11 * height * a.scale()};
        float[] lungMask = new float[width * height];
        for (int y = 0; y < height; y++) {
            double background = 12 + 8.0 * y / height;
            double lungValue = a.lung() + a.lungSlope() * (y - left[1] + left[3]) / (2 * left[3]);
            for (int x = 0; x < width; x++) {
                double mb = ellipseMask(x, y, body, 8);
                double v = background + mb * (a.body() - 10.0 * (x - a.cx()) / width - background);
                double ml = Math.min(1.0, ellipseMask(x, y, left, 6) + ellipseMask(x, y, right, 6));
                v += ml * (lungValue - v);
                v += a.heart() * ellipseMask(x, y, heart, 10);
                lungMask[y * width + x] = (float) ml;
                px[y * width + x] = (float) v;
            }
        }
        addBlobs(px, lungMask, a.textures());
        addBlobs(px, lungMask, opacities);
        return px;
    }

    private double[] lungEllipse(Anatomy a, double side) {
        double sizeFactor = side < 0 ? a.asymmetry() : 1.0;
        return new double[] {a.cx() + side * 0.2 * width * a.scale(), a.cy() - 0.03 * height * a.scale(),
            0.15 * width * a.scale() * sizeFactor, 0.3 * height * a.scale() * sizeFactor};
    }

    private void addBlobs(float[] px, float[] mask, List<Blob> blobs) {
        double[] gx = new double[width];
        double[] gy = new double[height];
        for (Blob b : blobs) {
            double inv = 1.0 / (2 * b.sigma() * b.sigma());
            for (int x = 0; x < width; x++) {
                gx[x] = StrictMath.exp(-(x - b.x()) * (x - b.x()) * inv);
            }
            for (int y = 0; y < height; y++) {
                gy[y] = b.amplitude() * StrictMath.exp(-(y - b.y()) * (y - b.y()) * inv);
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    px[i] += (float) (gy[y] * gx[x] * mask[i]);
                }
            }
        }
    }

    /** 1 inside the ellipse {cx, cy, ax, ay}, 0 outside, with a smooth edge about {@code edge} px wide. */
    private static double ellipseMask(double x, double y, double[] e, double edge) {
        double dx = (x - e[0]) / e[2];
        double dy = (y - e[1]) / e[3];
        double d = StrictMath.sqrt(dx * dx + dy * dy);
        double t = (1 - d) * Math.min(e[2], e[3]) / edge + 0.5;
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** An approximately standard normal deviate (Irwin–Hall sum of four uniforms), cheap and portable. */
    static double normal(SplittableRandom random) {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2.0)
                * 1.7320508075688772;
    }
}
