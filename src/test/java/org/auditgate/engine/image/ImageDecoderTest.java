package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.junit.jupiter.api.Test;

/** Synthetic files in every supported mode, with grey values computed by hand. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());

    // Pillow's L = (R*19595 + G*38470 + B*7471 + 0x8000) >> 16, by hand:
    // red   (255,0,0):   (4996725 + 32768) >> 16 = 5029493 >> 16 = 76
    // green (0,255,0):   (9809850 + 32768) >> 16 = 9842618 >> 16 = 150
    // blue  (0,0,255):   (1905105 + 32768) >> 16 = 1937873 >> 16 = 29
    // white (255,255,255): (16711680 + 32768) >> 16 = 255
    // (10,20,30): (195950 + 769400 + 224130 + 32768) >> 16 = 1222248 >> 16 = 18
    private static final int[][] RGB = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}, {10, 20, 30}, {0, 0, 0}};
    private static final int[] RGB_GREY = {76, 150, 29, 255, 18, 0};

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).as("a PNG writer for this image type").isTrue();
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1.0f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int[] values(GreyImage image) {
        int[] out = new int[image.width() * image.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = image.get(i % image.width(), i / image.width());
        }
        return out;
    }

    @Test
    void grey8BitKeepsItsValues() throws IOException {
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 1, 2, 50, 128, 200, 254, 255};
        image.getRaster().setSamples(0, 0, 4, 2, 0, values);
        GreyImage grey = decoder.decode(png(image), "grey8.png");
        assertThat(grey.width()).isEqualTo(4);
        assertThat(grey.height()).isEqualTo(2);
        // no sRGB/linear conversion: the stored samples come back unchanged
        assertThat(values(grey)).containsExactly(values);
    }

    @Test
    void grey16BitIsMinMaxNormalised() throws IOException {
        BufferedImage image = new BufferedImage(5, 1, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 5, 1, 0, new int[] {1000, 1200, 1500, 2000, 3000});
        // round((v - 1000) * 255 / 2000): 0, 25.5 -> 26 (half up), 63.75 -> 64, 127.5 -> 128, 255
        assertThat(values(decoder.decode(png(image), "grey16.png"))).containsExactly(0, 26, 64, 128, 255);
    }

    @Test
    void constant16BitImageBecomesBlack() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {4000, 4000, 4000, 4000, 4000, 4000});
        assertThat(values(decoder.decode(png(image), "flat16.png"))).containsOnly(0);
    }

    @Test
    void greyWithAlphaDropsAlpha() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(3, 1);
        raster.setSamples(0, 0, 3, 1, 0, new int[] {10, 128, 250});
        raster.setSamples(0, 0, 3, 1, 1, new int[] {0, 128, 255});
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        assertThat(values(decoder.decode(png(image), "greyalpha.png"))).containsExactly(10, 128, 250);
    }

    private static BufferedImage rgb(int type) {
        BufferedImage image = new BufferedImage(RGB.length, 1, type);
        WritableRaster raster = image.getRaster();
        for (int i = 0; i < RGB.length; i++) {
            raster.setPixel(i, 0, type == BufferedImage.TYPE_4BYTE_ABGR
                    ? new int[] {RGB[i][0], RGB[i][1], RGB[i][2], i % 2 == 0 ? 0 : 255} : RGB[i]);
        }
        return image;
    }

    @Test
    void rgbUsesPillowsLuma() throws IOException {
        assertThat(values(decoder.decode(png(rgb(BufferedImage.TYPE_3BYTE_BGR)), "rgb.png"))).containsExactly(RGB_GREY);
    }

    @Test
    void rgbaIgnoresAlphaEvenWhereTransparent() throws IOException {
        assertThat(values(decoder.decode(png(rgb(BufferedImage.TYPE_4BYTE_ABGR)), "rgba.png"))).containsExactly(RGB_GREY);
    }

    @Test
    void rgb16BitAppliesLumaThenMinMax() throws IOException {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(3, 1);
        raster.setPixel(0, 0, new int[] {0, 0, 0});
        raster.setPixel(1, 0, new int[] {65535, 65535, 65535});
        raster.setPixel(2, 0, new int[] {65535, 0, 0});
        BufferedImage image = new BufferedImage(cm, raster, false, null);
        // 16-bit luma: 0 ; 65535 ; (65535*19595 + 32768) >> 16 = 19594 ; then min-max over 0..65535:
        // round(19594 * 255 / 65535) = round(76.24) = 76
        assertThat(values(decoder.decode(png(image), "rgb16.png"))).containsExactly(0, 255, 76);
    }

    private static IndexColorModel palette(int bits, boolean transparent) {
        int size = 1 << bits;
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        for (int i = 0; i < size; i++) {
            int[] colour = RGB[i % RGB.length];
            r[i] = (byte) colour[0];
            g[i] = (byte) colour[1];
            b[i] = (byte) colour[2];
            a[i] = (byte) (transparent && i == 1 ? 0 : 255);
        }
        return transparent ? new IndexColorModel(bits, size, r, g, b, a) : new IndexColorModel(bits, size, r, g, b);
    }

    private static BufferedImage paletteImage(int bits, boolean transparent, int width) {
        IndexColorModel cm = palette(bits, transparent);
        BufferedImage image = bits == 8
                ? new BufferedImage(width, 1, BufferedImage.TYPE_BYTE_INDEXED, cm)
                : new BufferedImage(width, 1, BufferedImage.TYPE_BYTE_BINARY, cm);
        for (int x = 0; x < width; x++) {
            image.getRaster().setSample(x, 0, 0, x % (1 << bits));
        }
        return image;
    }

    private static int[] expectedPalette(int bits, int width) {
        int[] out = new int[width];
        for (int x = 0; x < width; x++) {
            out[x] = RGB_GREY[(x % (1 << bits)) % RGB.length];
        }
        return out;
    }

    @Test
    void paletteIsMappedThroughItsColours() throws IOException {
        assertThat(values(decoder.decode(png(paletteImage(8, false, 6)), "p8.png"))).containsExactly(expectedPalette(8, 6));
    }

    @Test
    void paletteWithTransparencyIgnoresIt() throws IOException {
        assertThat(values(decoder.decode(png(paletteImage(8, true, 6)), "p8t.png"))).containsExactly(expectedPalette(8, 6));
    }

    @Test
    void lowBitPalettesAreMapped() throws IOException {
        // 1-bit: red, green ; 2-bit: red, green, blue, white ; 4-bit: the six colours repeated
        assertThat(values(decoder.decode(png(paletteImage(1, false, 5)), "p1.png"))).containsExactly(76, 150, 76, 150, 76);
        assertThat(values(decoder.decode(png(paletteImage(2, false, 5)), "p2.png"))).containsExactly(76, 150, 29, 255, 76);
        assertThat(values(decoder.decode(png(paletteImage(4, true, 9)), "p4.png"))).containsExactly(expectedPalette(4, 9));
    }

    @Test
    void lowBitGreyIsScaledTo8Bits() throws IOException {
        // A TYPE_BYTE_BINARY image with a grey ramp is written as a 2-bit grey PNG; Pillow scales
        // its levels 0..3 by 255/3: 0, 85, 170, 255.
        byte[] ramp = {0, (byte) 85, (byte) 170, (byte) 255};
        IndexColorModel cm = new IndexColorModel(2, 4, ramp, ramp, ramp);
        BufferedImage image = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, cm);
        image.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {3, 2, 1, 0});
        assertThat(values(decoder.decode(png(image), "grey2.png"))).containsExactly(255, 170, 85, 0);
    }

    @Test
    void greyJpegDecodesWithinRoundingOfTheSource() throws IOException {
        BufferedImage image = new BufferedImage(32, 16, BufferedImage.TYPE_BYTE_GRAY);
        int[] source = new int[32 * 16];
        for (int i = 0; i < source.length; i++) {
            source[i] = 40 + (i % 32) * 5 + (i / 32);
        }
        image.getRaster().setSamples(0, 0, 32, 16, 0, source);
        int[] decoded = values(decoder.decode(jpeg(image), "grey.jpg"));
        // Quality 1.0 makes every quantisation step 1, so the only losses are the rounding of the
        // DCT coefficients and of the inverse DCT: a smooth ramp comes back within 2 levels.
        for (int i = 0; i < source.length; i++) {
            assertThat(Math.abs(decoded[i] - source[i])).as("pixel %d", i).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void rgbJpegDecodesToLumaWithinRounding() throws IOException {
        // 16×16 blocks of one colour each (whole MCUs, so chroma subsampling does not blur them)
        BufferedImage image = new BufferedImage(16 * RGB.length, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < 16; y++) {
                image.getRaster().setPixel(x, y, RGB[x / 16]);
            }
        }
        GreyImage grey = decoder.decode(jpeg(image), "rgb.jpg");
        // RGB -> YCbCr -> RGB, each rounded to 8 bits, moves a channel by at most ~2 levels and a
        // saturated colour may clip; the luma of such a round trip stays within 3 levels.
        for (int block = 0; block < RGB.length; block++) {
            assertThat(Math.abs(grey.get(block * 16 + 8, 8) - RGB_GREY[block])).as("block %d", block)
                    .isLessThanOrEqualTo(3);
        }
    }

    private static byte[] fourChannelJpeg() throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Asserts an IMAGE rejection that names {@code name} and says {@code problem} in its problem text. */
    private static void assertRejected(ImageDecoder decoder, byte[] file, String name, String problem) {
        assertThatThrownBy(() -> decoder.decode(file, name))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.IMAGE);
                    assertThat(e.where()).isEqualTo(name);
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.remedy()).isNotBlank();
                });
    }

    @Test
    void fourChannelJpegIsRejectedWithAClearMessage() throws IOException {
        assertRejected(decoder, fourChannelJpeg(), "scan.jpg", "CMYK");
    }

    @Test
    void adobeCmykJpegIsRejectedWithAClearMessage() throws IOException {
        // Photoshop's CMYK JPEGs carry an Adobe APP14 segment (transform 0 = CMYK) after SOI,
        // which makes the JDK reader refuse the image type.
        byte[] plain = fourChannelJpeg();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(adobe);
        out.write(plain, 2, plain.length - 2);
        assertRejected(decoder, out.toByteArray(), "scan.jpg", "CMYK");
    }

    /** A PNG whose IHDR declares the given size, with a tiny IDAT: a decompression bomb's header. */
    static byte[] pngHeaderDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[128];
        int idatLength = deflater.deflate(idat);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", Arrays.copyOf(idat, idatLength));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void bombIsRejectedFromItsHeader() {
        byte[] bomb = pngHeaderDeclaring(100_000, 100_000);
        assertThat(bomb.length).isLessThan(200);
        assertRejected(decoder, bomb, "bomb.png", "100000×100000");
    }

    @Test
    void jpegBombIsRejectedFromItsFrameHeader() throws IOException {
        // a real 16×16 JPEG whose baseline frame header (SOF0) is patched to declare 65000×65000
        byte[] bomb = jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY));
        int sof = 2;
        while (!((bomb[sof] & 0xFF) == 0xFF && (bomb[sof + 1] & 0xFF) == 0xC0)) {
            sof++;
        }
        // FF C0, length (2), precision (1), then height and width, big-endian
        ByteBuffer.wrap(bomb, sof + 5, 4).putShort((short) 65000).putShort((short) 65000);
        assertRejected(decoder, bomb, "bomb.jpg", "65000×65000");
    }

    @Test
    void tooManyPixelsAreRejectedEvenWithSidesInLimits() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(1 << 20, 1000, 10_000));
        assertRejected(small, pngHeaderDeclaring(200, 51), "wide.png", "200×51");
        // the same header within limits is read, and its (all-zero, short) data then fails to decode
        assertRejected(small, pngHeaderDeclaring(200, 50), "ok-header.png", "not a PNG or JPEG, or damaged");
    }

    @Test
    void nonImageIsRejectedWithItsName() {
        byte[] text = "patient_id,label\n1,covid\n".getBytes(StandardCharsets.UTF_8);
        assertRejected(decoder, text, "images/notes.csv", "not a PNG or JPEG, or damaged");
    }

    @Test
    void truncatedPngIsRejected() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 64; i++) {
            image.getRaster().setSample(i, i, 0, 200);
        }
        byte[] whole = png(image);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertRejected(decoder, cut, "cut.png", "damaged");
    }

    @Test
    void truncatedJpegIsRejectedRatherThanFilledWithGrey() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 64; i++) {
            image.getRaster().setSample(i, 63 - i, 0, 200);
        }
        byte[] whole = jpeg(image);
        assertThat(decoder.decode(whole, "whole.jpg").get(0, 63)).isGreaterThan(150);
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        assertRejected(decoder, cut, "cut.jpg", "truncated");
    }

    @Test
    void oversizedFileIsRejectedBeforeReading() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        byte[] bytes = png(image);
        ImageDecoder tiny = new ImageDecoder(new ImageLimits(bytes.length - 1, 16384, 60_000_000));
        assertRejected(tiny, bytes, "big.png", bytes.length + " bytes");
        assertThat(new ImageDecoder(new ImageLimits(bytes.length, 64, 4096)).decode(bytes, "fits.png").width())
                .isEqualTo(64);
    }

    @Test
    void decodesInParallelWithTheSameResults() throws Exception {
        List<byte[]> files = List.of(png(rgb(BufferedImage.TYPE_3BYTE_BGR)), png(paletteImage(8, true, 6)),
                png(rgb(BufferedImage.TYPE_4BYTE_ABGR)));
        List<int[]> expected = List.of(RGB_GREY, expectedPalette(8, 6), RGB_GREY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                byte[] file = files.get(i % 3);
                results.add(pool.submit(() -> values(decoder.decode(file, "parallel.png"))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).containsExactly(expected.get(i % 3));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
