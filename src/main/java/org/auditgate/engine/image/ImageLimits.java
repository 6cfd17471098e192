package org.auditgate.engine.image;

/**
 * Bounds that an image file must respect before auditgate decodes it, so that a small file that
 * declares huge dimensions (a decompression bomb) is refused before any pixel memory is taken.
 *
 * @param maxBytes largest accepted file size in bytes
 * @param maxSide largest accepted width or height in pixels
 * @param maxPixels largest accepted {@code width × height}
 */
public record ImageLimits(long maxBytes, int maxSide, long maxPixels) {

    /** @throws IllegalArgumentException if a bound is not positive */
    public ImageLimits {
        if (maxBytes < 1 || maxSide < 1 || maxPixels < 1) {
            throw new IllegalArgumentException(
                    "image limits must be positive, got maxBytes=" + maxBytes + ", maxSide=" + maxSide
                            + ", maxPixels=" + maxPixels);
        }
    }

    /** 64 MiB per file, 16384 pixels per side, 60 million pixels per image. */
    public static ImageLimits defaults() {
        return new ImageLimits(64L * 1024 * 1024, 16384, 60_000_000L);
    }
}
