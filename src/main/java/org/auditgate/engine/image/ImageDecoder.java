package org.auditgate.engine.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * Decodes PNG and JPEG files into 8-bit grey images the way the paper's Python pipeline saw them.
 *
 * <p>8-bit data is converted exactly as Pillow's {@code convert("L")}: RGB (stored values, no
 * colour management) becomes {@code (R·19595 + G·38470 + B·7471 + 0x8000) >> 16}, alpha is
 * dropped, palette indices are mapped through the palette first, and grey samples of 1, 2 or 4
 * bits are scaled to 0..255. Data of more than 8 bits (16-bit PNG) is min–max normalised to
 * 0..255 as {@code round((v - min) · 255 / (max - min))} (halves up), a constant image giving all
 * zeros; for 16-bit colour the grey formula is applied to the 16-bit values first.
 *
 * <p>Samples are read from the decoded raster, never through {@code BufferedImage.getRGB}, which
 * would colour-convert grey data as if it were linear.
 *
 * <p>Before any pixel memory is taken the file size and the dimensions declared in the header are
 * checked against {@link ImageLimits}, so a decompression bomb is refused cheaply. Instances are
 * immutable and safe to use from several threads at once (each call uses its own reader).
 */
public final class ImageDecoder {

    static {
        // Decode from memory only: no temporary files next to hospital data.
        ImageIO.setUseCache(false);
    }

    private static final String REMEDY_FORMAT = "upload the image as PNG or JPEG";

    private final ImageLimits limits;

    /** @param limits bounds checked before decoding */
    public ImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The bounds this decoder enforces. */
    public ImageLimits limits() {
        return limits;
    }

    /**
     * Decodes one image file.
     *
     * @param bytes the file's content
     * @param name the file's name or archive entry, used in every rejection message
     * @return the grey image
     * @throws RejectedInputException (kind IMAGE) if the file is too large, declares dimensions
     *     over the limits, is not a PNG or JPEG, is damaged, or uses a colour model auditgate cannot
     *     turn into grey (CMYK or YCCK JPEG)
     */
    public GreyImage decode(byte[] bytes, String name) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        if (bytes.length > limits.maxBytes()) {
            throw new RejectedInputException(Kind.IMAGE, name,
                    "the file has " + bytes.length + " bytes, more than the limit of " + limits.maxBytes(),
                    "downscale or recompress the image, or ask the operator to raise the image size limit");
        }
        String format = sniffFormat(bytes);
        if (format == null) {
            throw notAnImage(name, null);
        }
        ImageReader reader = readerFor(format, name);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            checkDimensions(reader, name);
            BufferedImage image = readImage(reader, format, name);
            return toGrey(image, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RejectedInputException rejected) {
                throw rejected;
            }
            throw notAnImage(name, e);
        } finally {
            reader.dispose();
        }
    }

    private static String sniffFormat(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    private static ImageReader readerFor(String format, String name) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no ImageIO reader for " + format
                    + " (needed for " + name + ")");
        }
        return readers.next();
    }

    private void checkDimensions(ImageReader reader, String name) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > limits.maxSide() || height > limits.maxSide()
                || (long) width * height > limits.maxPixels()) {
            throw new RejectedInputException(Kind.IMAGE, name,
                    "the header declares " + width + "×" + height + " pixels, over the limit of "
                            + limits.maxSide() + " per side and " + limits.maxPixels() + " in total",
                    "downscale the image before uploading it, or ask the operator to raise the image limits");
        }
    }

    private static BufferedImage readImage(ImageReader reader, String format, String name) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try {
            BufferedImage image = reader.read(0, reader.getDefaultReadParam());
            // libjpeg fills a truncated file with grey and only warns; Pillow refuses it, so do we.
            for (String warning : warnings) {
                if (warning.contains("Premature end") || warning.contains("Truncated")) {
                    throw new RejectedInputException(Kind.IMAGE, name,
                            "the file ends before the image data does: it is truncated or damaged",
                            "upload the complete file again");
                }
            }
            return image;
        } catch (IOException e) {
            if ("jpeg".equals(format) && String.valueOf(e.getMessage()).contains("Unsupported Image Type")) {
                throw new RejectedInputException(Kind.IMAGE, name,
                        "the JPEG uses a colour model other than grey or RGB/YCbCr (such as CMYK)",
                        "save the image as grey or RGB (PNG or JPEG)", e);
            }
            throw e;
        }
    }

    private static GreyImage toGrey(BufferedImage image, String name) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bits = raster.getSampleModel().getSampleSize(0);
        if (cm instanceof IndexColorModel palette) {
            return GreyImage.wrap(width, height, paletteToGrey(raster, palette));
        }
        int colours = cm.getNumColorComponents();
        int space = cm.getColorSpace().getType();
        boolean grey = colours == 1 && space == ColorSpace.TYPE_GRAY;
        boolean rgb = colours == 3 && space == ColorSpace.TYPE_RGB;
        if (!(grey || rgb) || bits > 16) {
            throw new RejectedInputException(Kind.IMAGE, name,
                    "the image has " + colours + " colour channels of " + bits
                            + " bits in a colour model that is neither grey nor RGB (such as CMYK)",
                    "save the image as grey or RGB, 8 or 16 bits per channel");
        }
        return GreyImage.wrap(width, height, bits > 8 ? minMax(raster, rgb) : to8Bits(raster, rgb, bits));
    }

    private static byte[] paletteToGrey(Raster raster, IndexColorModel palette) {
        int[] lut = new int[palette.getMapSize()];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = pillowLuma(palette.getRed(i), palette.getGreen(i), palette.getBlue(i));
        }
        int width = raster.getWidth();
        int[] indices = new int[width];
        byte[] out = new byte[width * raster.getHeight()];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, width, 1, 0, indices);
            for (int x = 0; x < width; x++) {
                int index = indices[x];
                out[y * width + x] = (byte) (index < lut.length ? lut[index] : 0);
            }
        }
        return out;
    }

    /**
     * Reads row {@code y} as grey values into {@code grey}: band 0 of a grey raster, or the luma
     * of bands 0..2 (R, G, B) of a colour raster, using {@code green} and {@code blue} as scratch.
     * One row at a time keeps the extra memory per image to a few rows.
     */
    private static void greyRow(Raster raster, int y, boolean rgb, int[] grey, int[] green, int[] blue) {
        int width = raster.getWidth();
        raster.getSamples(0, y, width, 1, 0, grey);
        if (rgb) {
            raster.getSamples(0, y, width, 1, 1, green);
            raster.getSamples(0, y, width, 1, 2, blue);
            for (int x = 0; x < width; x++) {
                grey[x] = pillowLuma(grey[x], green[x], blue[x]);
            }
        }
    }

    /** Pillow's ITU-R 601-2 luma in 16.16 fixed point; exact for 8-bit and 16-bit channels. */
    static int pillowLuma(int red, int green, int blue) {
        return (int) ((red * 19595L + green * 38470L + blue * 7471L + 0x8000L) >> 16);
    }

    /** 8-bit data as it is; 1-, 2- and 4-bit grey scaled by {@code 255 / (2^bits - 1)} as Pillow does. */
    private static byte[] to8Bits(Raster raster, boolean rgb, int bits) {
        int width = raster.getWidth();
        int top = (1 << bits) - 1;
        int[] grey = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        byte[] out = new byte[width * raster.getHeight()];
        for (int y = 0; y < raster.getHeight(); y++) {
            greyRow(raster, y, rgb, grey, green, blue);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) (bits == 8 ? grey[x] : grey[x] * 255 / top);
            }
        }
        return out;
    }

    /**
     * {@code round((v - min) · 255 / (max - min))} with halves rounded up, in exact integer
     * arithmetic; all zeros for a constant image. Two passes over the raster, a row at a time.
     */
    private static byte[] minMax(Raster raster, boolean rgb) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] grey = new int[width];
        int[] green = new int[width];
        int[] blue = new int[width];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int y = 0; y < height; y++) {
            greyRow(raster, y, rgb, grey, green, blue);
            for (int x = 0; x < width; x++) {
                min = Math.min(min, grey[x]);
                max = Math.max(max, grey[x]);
            }
        }
        byte[] out = new byte[width * height];
        long range = max - min;
        if (range == 0) {
            return out;
        }
        for (int y = 0; y < height; y++) {
            greyRow(raster, y, rgb, grey, green, blue);
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) (((grey[x] - min) * 255 * 2 + range) / (2 * range));
            }
        }
        return out;
    }

    private static RejectedInputException notAnImage(String name, Exception cause) {
        return new RejectedInputException(Kind.IMAGE, name,
                "the file does not decode as an image: not a PNG or JPEG, or damaged", REMEDY_FORMAT, cause);
    }
}
