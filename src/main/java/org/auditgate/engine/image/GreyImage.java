package org.auditgate.engine.image;

import java.util.Objects;

/**
 * An immutable 8-bit grey image: {@code width × height} unsigned samples in row-major order.
 *
 * <p>The constructor and {@link #pixels()} copy the array, so an instance never changes after it
 * is made and can be shared between threads.
 */
public final class GreyImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    /**
     * @param width width in pixels, at least 1
     * @param height height in pixels, at least 1
     * @param pixels {@code width * height} unsigned grey levels, row-major; copied
     * @throws IllegalArgumentException if a side is not positive or the array length does not fit
     */
    public GreyImage(int width, int height, byte[] pixels) {
        this(Objects.requireNonNull(pixels, "pixels").clone(), width, height);
    }

    /** Takes {@code pixels} as it is (no copy); the public constructor copies first. */
    private GreyImage(byte[] pixels, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image sides must be positive, got " + width + "×" + height);
        }
        if ((long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "a " + width + "×" + height + " image needs " + (long) width * height
                            + " pixels, got " + pixels.length);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** Wraps an array this package has just filled and hands over, without copying it. */
    static GreyImage wrap(int width, int height, byte[] pixels) {
        return new GreyImage(pixels, width, height);
    }

    /** Width in pixels. */
    public int width() {
        return width;
    }

    /** Height in pixels. */
    public int height() {
        return height;
    }

    /** A copy of the pixels, row-major, unsigned. */
    public byte[] pixels() {
        return pixels.clone();
    }

    /** The pixel array itself, for this package's loops; callers must not change it. */
    byte[] raw() {
        return pixels;
    }

    /**
     * The grey level at column {@code x}, row {@code y}.
     *
     * @return 0..255
     * @throws IndexOutOfBoundsException if the point lies outside the image
     */
    public int get(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return pixels[y * width + x] & 0xFF;
    }

    @Override
    public String toString() {
        return "GreyImage[" + width + "×" + height + "]";
    }
}
