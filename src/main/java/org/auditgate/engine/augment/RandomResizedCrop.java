package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.Resize;

import java.util.Objects;

/**
 * torchvision 0.14's {@code RandomResizedCrop(size, scale, ratio)} on a PIL image: a random window
 * drawn by {@link #params} (the logic of its {@code get_params}), cut out and resized to
 * {@code size × size} with Pillow's bilinear filter by {@link #apply} (its {@code F.resized_crop}).
 *
 * <p>{@link #params} reproduces {@code get_params} step by step, with its generator calls replaced
 * by draws from the given provider: for up to 10 attempts,
 * {@code target = area · U(scale)}, {@code aspect = exp(U(log ratio₀, log ratio₁))},
 * {@code w = round(√(target · aspect))}, {@code h = round(√(target / aspect))} (Python's
 * {@code round}: half to even), accepted when {@code 0 < w ≤ W} and {@code 0 < h ≤ H}, then
 * {@code i = randint(0, H − h)} and {@code j = randint(0, W − w)}, both inclusive; otherwise the
 * centre-crop fallback. Logarithm and exponential use {@link StrictMath}, so the boxes are the same
 * bit for bit on every JVM. The draws per attempt are, in order: {@code nextDouble()} for the scale,
 * {@code nextDouble()} for the aspect, then on acceptance {@code nextInt(H − h + 1)} and
 * {@code nextInt(W − w + 1)}. Parity with torchvision is in distribution (tested against its
 * {@code get_params}), not draw by draw: torch's generator is not reproduced.
 *
 * <p>Immutable and thread-safe.
 */
public final class RandomResizedCrop {

    private static final int ATTEMPTS = 10;

    private final int size;
    private final double minScale;
    private final double maxScale;
    private final double minRatio;
    private final double maxRatio;
    private final double logMinRatio;
    private final double logMaxRatio;

    /**
     * @param size side of the square output, at least 1
     * @param minScale smallest fraction of the image area a crop covers, in (0, 1]
     * @param maxScale largest fraction, in [minScale, 1]
     * @param minRatio smallest width/height of a crop, positive
     * @param maxRatio largest width/height, at least minRatio
     * @throws RejectedInputException of kind {@code CONFIG} naming the field when a value is out of range
     */
    public RandomResizedCrop(int size, double minScale, double maxScale, double minRatio, double maxRatio) {
        if (size < 1) {
            throw new RejectedInputException(Kind.CONFIG, "augmentation.crop.size",
                    "the crop size must be a positive number of pixels, got " + size, "Set it to 224 as in the paper");
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new RejectedInputException(Kind.CONFIG, "augmentation.crop.scale",
                    "the scale range must satisfy 0 < min <= max <= 1, got [" + minScale + ", " + maxScale + "]",
                    "Use the paper's [0.08, 1.0] or another range inside (0, 1]");
        }
        if (!(minRatio > 0 && minRatio <= maxRatio && Double.isFinite(maxRatio))) {
            throw new RejectedInputException(Kind.CONFIG, "augmentation.crop.ratio",
                    "the aspect ratio range must satisfy 0 < min <= max < infinity, got ["
                            + minRatio + ", " + maxRatio + "]",
                    "Use the paper's [3/4, 4/3] or another finite positive range");
        }
        this.size = size;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
        this.logMinRatio = StrictMath.log(minRatio);
        this.logMaxRatio = StrictMath.log(maxRatio);
    }

    /** The paper's (and torchvision's default) {@code RandomResizedCrop(224, scale=(0.08, 1.0), ratio=(3/4, 4/3))}. */
    public static RandomResizedCrop paper() {
        return new RandomResizedCrop(224, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0);
    }

    /** Side of the square output. */
    public int size() {
        return size;
    }

    /**
     * Draws a crop window for a {@code width × height} image as torchvision's {@code get_params}.
     *
     * @throws IllegalArgumentException if a side is not positive
     */
    public CropBox params(int width, int height, UniformRandomProvider rng) {
        CropBox drawn = attempts(width, height, rng);
        return drawn != null ? drawn : fallback(width, height);
    }

    /** The random part of {@link #params}: the accepted box, or null when all 10 attempts failed. */
    CropBox attempts(int width, int height, UniformRandomProvider rng) {
        Objects.requireNonNull(rng, "rng");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image sides must be positive, got " + width + "×" + height);
        }
        double area = (double) width * height;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * uniform(rng, minScale, maxScale);
            double aspect = StrictMath.exp(uniform(rng, logMinRatio, logMaxRatio));
            long w = roundHalfEven(Math.sqrt(targetArea * aspect));
            long h = roundHalfEven(Math.sqrt(targetArea / aspect));
            if (w > 0 && w <= width && h > 0 && h <= height) {
                int i = rng.nextInt(height - (int) h + 1);
                int j = rng.nextInt(width - (int) w + 1);
                return new CropBox(j, i, (int) w, (int) h);
            }
        }
        return null;
    }

    /**
     * torchvision's fallback after 10 rejected attempts: the largest centred window whose aspect
     * ratio is clamped into the ratio range ({@code (H − h) // 2}, {@code (W − w) // 2}).
     */
    CropBox fallback(int width, int height) {
        double inRatio = (double) width / height;
        int w;
        int h;
        if (inRatio < minRatio) {
            w = width;
            h = (int) roundHalfEven(w / minRatio);
        } else if (inRatio > maxRatio) {
            h = height;
            w = (int) roundHalfEven(h * maxRatio);
        } else {
            w = width;
            h = height;
        }
        return new CropBox((width - w) / 2, (height - h) / 2, w, h);
    }

    /**
     * torchvision's {@code F.resized_crop} on a PIL image: cut {@code box} out of {@code image}, then
     * resize it to {@code size × size} with Pillow's bilinear filter.
     *
     * @throws IllegalArgumentException if the box does not lie inside the image or size is not positive
     */
    public static GreyImage apply(GreyImage image, CropBox box, int size) {
        Objects.requireNonNull(box, "box");
        GreyImage window = Resize.crop(image, box.x(), box.y(), box.width(), box.height());
        return Resize.resize(window, size, size);
    }

    /** {@code torch.empty(1).uniform_(a, b)}: {@code a + (b − a) · U[0, 1)}. */
    private static double uniform(UniformRandomProvider rng, double a, double b) {
        return a + (b - a) * rng.nextDouble();
    }

    /** Python's {@code int(round(v))} for the non-negative finite values met here. */
    private static long roundHalfEven(double v) {
        return (long) Math.rint(v);
    }
}
