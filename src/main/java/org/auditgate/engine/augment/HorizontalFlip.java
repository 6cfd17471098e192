package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.image.GreyImage;

import java.util.Objects;

/**
 * torchvision's {@code RandomHorizontalFlip(p)}: mirror the image left to right when one uniform
 * draw in [0, 1) is below {@code p}. Immutable and thread-safe.
 */
public final class HorizontalFlip {

    private final double probability;

    /**
     * @param probability chance of a flip, in [0, 1]
     * @throws IllegalArgumentException if it lies outside [0, 1]
     */
    public HorizontalFlip(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("flip probability must lie in [0, 1], got " + probability);
        }
        this.probability = probability;
    }

    /** The paper's (and torchvision's default) {@code p = 0.5}. */
    public static HorizontalFlip paper() {
        return new HorizontalFlip(0.5);
    }

    /** Chance of a flip. */
    public double probability() {
        return probability;
    }

    /** Whether to flip: one {@code nextDouble()} compared with {@code p} as {@code torch.rand(1) < p}. */
    public boolean draw(UniformRandomProvider rng) {
        return rng.nextDouble() < probability;
    }

    /** The image mirrored left to right (Pillow's {@code FLIP_LEFT_RIGHT}). */
    public static GreyImage mirror(GreyImage image) {
        Objects.requireNonNull(image, "image");
        int width = image.width();
        byte[] pixels = image.pixels();
        for (int rowStart = 0; rowStart < pixels.length; rowStart += width) {
            for (int a = rowStart, b = rowStart + width - 1; a < b; a++, b--) {
                byte t = pixels[a];
                pixels[a] = pixels[b];
                pixels[b] = t;
            }
        }
        return new GreyImage(width, image.height(), pixels);
    }
}
