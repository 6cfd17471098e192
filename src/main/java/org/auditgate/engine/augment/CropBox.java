package org.auditgate.engine.augment;

/**
 * A crop window: top-left corner at column {@code x}, row {@code y}, and its size. In torchvision's
 * terms {@code (i, j, h, w) = (y, x, height, width)}.
 *
 * @param x left column, at least 0
 * @param y top row, at least 0
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 */
public record CropBox(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException if a corner coordinate is negative or a side not positive */
    public CropBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a crop box needs x, y >= 0 and positive sides, got "
                    + width + "×" + height + " at (" + x + ", " + y + ")");
        }
    }

    /** Whether the box lies inside a {@code imageWidth × imageHeight} image. */
    public boolean fitsIn(int imageWidth, int imageHeight) {
        return (long) x + width <= imageWidth && (long) y + height <= imageHeight;
    }

    @Override
    public String toString() {
        return width + "×" + height + " at (" + x + ", " + y + ")";
    }
}
