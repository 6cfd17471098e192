package org.auditgate.engine.image;

import java.util.Objects;

/**
 * Geometric steps of the evaluation preprocessing, each matching the Python tool the paper's
 * pipeline used, so that auditgate feeds a vendor model the same pixels torchvision would.
 *
 * <ul>
 *   <li>{@link #resize} is Pillow's {@code Image.resize(size, Image.BILINEAR)} for mode {@code L}
 *       (Pillow's {@code ImagingResample}: a triangle filter whose support widens with the
 *       downscale factor, a horizontal pass then a vertical pass, 8-bit fixed-point weights with
 *       22 fraction bits). It reproduces Pillow's integer arithmetic step by step.
 *   <li>{@link #resizeShorterSide} is torchvision's {@code Resize(size)} on a PIL image.
 *   <li>{@link #centreCrop} is torchvision's {@code CenterCrop(size)}, including its zero padding
 *       of images smaller than the crop and Python's round-half-to-even for the offsets.
 * </ul>
 */
public final class Resize {

    /** Pillow's {@code PRECISION_BITS}: fraction bits of the fixed-point weights. */
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private Resize() {
    }

    /**
     * Resamples to {@code newWidth × newHeight} exactly as Pillow's bilinear (antialiased) resize.
     *
     * @throws IllegalArgumentException if a new side is not positive
     */
    public static GreyImage resize(GreyImage image, int newWidth, int newHeight) {
        Objects.requireNonNull(image, "image");
        if (newWidth < 1 || newHeight < 1) {
            throw new IllegalArgumentException("new size must be positive, got " + newWidth + "×" + newHeight);
        }
        int width = image.width();
        int height = image.height();
        if (newWidth == width && newHeight == height) {
            return image;
        }
        Coefficients horizontal = Coefficients.of(width, newWidth);
        Coefficients vertical = Coefficients.of(height, newHeight);
        byte[] src = image.raw();
        int rows = height;
        int firstRow = 0;
        if (newWidth != width) {
            // Like Pillow, filter only the source rows the vertical pass will read.
            firstRow = vertical.bounds[0];
            int lastRow = vertical.bounds[2 * newHeight - 2] + vertical.bounds[2 * newHeight - 1];
            rows = lastRow - firstRow;
            src = horizontalPass(src, width, firstRow, rows, horizontal);
            width = newWidth;
        }
        if (newHeight != height) {
            src = verticalPass(src, width, firstRow, newHeight, vertical);
        }
        return GreyImage.wrap(newWidth, newHeight, src);
    }

    /**
     * torchvision {@code Resize(size)}: the shorter side becomes {@code size} and the longer side
     * {@code (int) (size * longer / shorter)}, resampled with {@link #resize}.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static GreyImage resizeShorterSide(GreyImage image, int size) {
        Objects.requireNonNull(image, "image");
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        int w = image.width();
        int h = image.height();
        int shorter = Math.min(w, h);
        int longer = Math.max(w, h);
        int newLonger = (int) ((double) ((long) size * longer) / shorter);
        return w <= h ? resize(image, size, newLonger) : resize(image, newLonger, size);
    }

    /**
     * torchvision {@code CenterCrop(size)}: a {@code size × size} window whose offsets are
     * {@code round((side - size) / 2.0)} with round-half-to-even; a side shorter than {@code size}
     * is first padded with zeros, {@code (size - side) / 2} before and the rest after.
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public static GreyImage centreCrop(GreyImage image, int size) {
        Objects.requireNonNull(image, "image");
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, got " + size);
        }
        GreyImage padded = image;
        if (size > image.width() || size > image.height()) {
            padded = padWithZeros(image, Math.max(size, image.width()), Math.max(size, image.height()));
        }
        int top = (int) Math.rint((padded.height() - size) / 2.0);
        int left = (int) Math.rint((padded.width() - size) / 2.0);
        return crop(padded, left, top, size, size);
    }

    /**
     * The {@code w × h} window whose top-left corner is column {@code x}, row {@code y}.
     *
     * @throws IllegalArgumentException if the window is empty or reaches outside the image
     */
    public static GreyImage crop(GreyImage image, int x, int y, int w, int h) {
        Objects.requireNonNull(image, "image");
        if (w < 1 || h < 1 || x < 0 || y < 0 || (long) x + w > image.width() || (long) y + h > image.height()) {
            throw new IllegalArgumentException("crop " + w + "×" + h + " at (" + x + ", " + y
                    + ") does not lie inside a " + image.width() + "×" + image.height() + " image");
        }
        if (x == 0 && y == 0 && w == image.width() && h == image.height()) {
            return image;
        }
        byte[] src = image.raw();
        byte[] out = new byte[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, (y + row) * image.width() + x, out, row * w, w);
        }
        return GreyImage.wrap(w, h, out);
    }

    private static GreyImage padWithZeros(GreyImage image, int width, int height) {
        int left = (width - image.width()) / 2;
        int top = (height - image.height()) / 2;
        byte[] out = new byte[width * height];
        byte[] src = image.raw();
        for (int row = 0; row < image.height(); row++) {
            System.arraycopy(src, row * image.width(), out, (top + row) * width + left, image.width());
        }
        return GreyImage.wrap(width, height, out);
    }

    private static byte[] horizontalPass(byte[] src, int inWidth, int firstRow, int rows, Coefficients c) {
        int outWidth = c.outSize;
        byte[] out = new byte[outWidth * rows];
        for (int yy = 0; yy < rows; yy++) {
            int rowStart = (yy + firstRow) * inWidth;
            for (int xx = 0; xx < outWidth; xx++) {
                int xmin = c.bounds[2 * xx];
                int count = c.bounds[2 * xx + 1];
                int k = xx * c.ksize;
                int sum = 1 << (PRECISION_BITS - 1);
                for (int x = 0; x < count; x++) {
                    sum += (src[rowStart + xmin + x] & 0xFF) * c.weights[k + x];
                }
                out[yy * outWidth + xx] = clip8(sum);
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] src, int width, int firstRow, int outHeight, Coefficients c) {
        byte[] out = new byte[width * outHeight];
        for (int yy = 0; yy < outHeight; yy++) {
            int ymin = c.bounds[2 * yy] - firstRow;
            int count = c.bounds[2 * yy + 1];
            int k = yy * c.ksize;
            for (int xx = 0; xx < width; xx++) {
                int sum = 1 << (PRECISION_BITS - 1);
                for (int y = 0; y < count; y++) {
                    sum += (src[(ymin + y) * width + xx] & 0xFF) * c.weights[k + y];
                }
                out[yy * width + xx] = clip8(sum);
            }
        }
        return out;
    }

    private static byte clip8(int value) {
        if (value >= (1 << PRECISION_BITS << 8)) {
            return (byte) 255;
        }
        if (value <= 0) {
            return 0;
        }
        return (byte) (value >> PRECISION_BITS);
    }

    /** Pillow's {@code precompute_coeffs} and {@code normalize_coeffs_8bpc} for the bilinear filter. */
    private static final class Coefficients {
        final int outSize;
        final int ksize;
        /** Per output pixel: first source index and number of source pixels used. */
        final int[] bounds;
        /** Per output pixel: {@code ksize} fixed-point weights. */
        final int[] weights;

        private Coefficients(int outSize, int ksize, int[] bounds, int[] weights) {
            this.outSize = outSize;
            this.ksize = ksize;
            this.bounds = bounds;
            this.weights = weights;
        }

        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale; // the bilinear filter's support is 1.0
            int ksize = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[2 * outSize];
            int[] weights = new int[outSize * ksize];
            double[] k = new double[ksize];
            for (int xx = 0; xx < outSize; xx++) {
                double centre = (xx + 0.5) * scale;
                double ss = 1.0 / filterScale;
                int xmin = Math.max((int) (centre - support + 0.5), 0);
                int xmax = Math.min((int) (centre + support + 0.5), inSize) - xmin;
                double total = 0.0;
                for (int x = 0; x < xmax; x++) {
                    double w = triangle((x + xmin - centre + 0.5) * ss);
                    k[x] = w;
                    total += w;
                }
                for (int x = 0; x < xmax; x++) {
                    double w = total != 0.0 ? k[x] / total : k[x];
                    weights[xx * ksize + x] = w < 0 ? (int) (-0.5 + w * (1 << PRECISION_BITS))
                            : (int) (0.5 + w * (1 << PRECISION_BITS));
                }
                bounds[2 * xx] = xmin;
                bounds[2 * xx + 1] = xmax;
            }
            return new Coefficients(outSize, ksize, bounds, weights);
        }

        private static double triangle(double x) {
            double a = Math.abs(x);
            return a < 1.0 ? 1.0 - a : 0.0;
        }
    }
}
