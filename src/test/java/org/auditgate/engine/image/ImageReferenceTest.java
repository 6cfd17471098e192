package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with Pillow 9.4: values from {@code src/test/python/image_reference.py}, stored in
 * {@code pil_reference.json} next to this class.
 */
class ImageReferenceTest {

    /**
     * Largest difference allowed between our JPEG decoding and Pillow's, in grey levels. Pillow
     * decodes with libjpeg-turbo; the JDK with the libjpeg it links (Debian's OpenJDK 17: the
     * system libjpeg-turbo) or bundles (Temurin 25: its own IJG 6b copy). Both use the same
     * integer inverse DCT and fancy chroma upsampling, and on 2026-12-04 all 328 JPEGs (110 grey,
     * 218 RGB) of the shared chest X-ray set decoded bit-identically to Pillow's
     * {@code convert("L")} on both JDKs, whole images compared (max |difference| = 0, as were the
     * 224×224 prepared images). One level of slack is left for a JDK whose libjpeg rounds its
     * inverse DCT or upsampling differently (libjpeg 9, SIMD float IDCT); more would hide a real
     * conversion error such as a colour-managed or linear-light decode.
     */
    private static final int JPEG_TOLERANCE = 1;
    /** The mean grey level of a whole JPEG must agree much more closely than single pixels. */
    private static final double JPEG_MEAN_TOLERANCE = 0.05;

    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ImageReferenceTest.class.getResourceAsStream("pil_reference.json")) {
            assertThat(in).as("pil_reference.json on the test class path").isNotNull();
            reference = new ObjectMapper().readTree(in);
        }
    }

    private static Path imagesFolder() {
        String shared = System.getProperty("auditgate.sharedData", "../shared/data");
        Path images = Path.of(shared, "cxr-covid-pneumonia", "images");
        Assumptions.assumeTrue(Files.isDirectory(images),
                "shared data not found at " + images + ": real-image parity with Pillow is skipped");
        return images;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double mean(GreyImage image) {
        long sum = 0;
        for (byte b : image.pixels()) {
            sum += b & 0xFF;
        }
        return (double) sum / ((long) image.width() * image.height());
    }

    /** Largest |ours - Pillow's| over the sampled pixels. */
    private static int maxSampleDifference(GreyImage image, JsonNode described) {
        int worst = 0;
        for (JsonNode sample : described.get("samples")) {
            int x = sample.get(0).asInt();
            int y = sample.get(1).asInt();
            worst = Math.max(worst, Math.abs(image.get(x, y) - sample.get(2).asInt()));
        }
        return worst;
    }

    private static void assertSize(GreyImage image, JsonNode described) {
        assertThat(image.width()).isEqualTo(described.get("width").asInt());
        assertThat(image.height()).isEqualTo(described.get("height").asInt());
    }

    @Test
    void realImagesDecodeAsPillowConvertL() throws IOException {
        Path images = imagesFolder();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        assertThat(reference.get("real").size()).isGreaterThanOrEqualTo(12);
        for (JsonNode entry : reference.get("real")) {
            String file = entry.get("file").asText();
            GreyImage grey = decoder.decode(Files.readAllBytes(images.resolve(file)), file);
            JsonNode expected = entry.get("grey");
            assertSize(grey, expected);
            if ("PNG".equals(entry.get("format").asText())) {
                assertThat(sha256(grey.pixels())).as("%s (%s) grey pixels", file, entry.get("mode").asText())
                        .isEqualTo(expected.get("sha256").asText());
            } else {
                assertThat(maxSampleDifference(grey, expected)).as("%s sampled pixels", file)
                        .isLessThanOrEqualTo(JPEG_TOLERANCE);
                assertThat(Math.abs(mean(grey) - expected.get("mean").asDouble())).as("%s mean", file)
                        .isLessThanOrEqualTo(JPEG_MEAN_TOLERANCE);
            }
        }
    }

    @Test
    void realImagesPrepareAsTorchvisionResizeAndCentreCrop() throws IOException {
        Path images = imagesFolder();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        Preprocessor pre = new Preprocessor(InputSpec.imagenet());
        for (JsonNode entry : reference.get("real")) {
            String file = entry.get("file").asText();
            GreyImage prepared = pre.prepare(decoder.decode(Files.readAllBytes(images.resolve(file)), file));
            JsonNode expected = entry.get("prepared");
            assertSize(prepared, expected);
            if ("PNG".equals(entry.get("format").asText())) {
                // the whole 224×224 image equals Pillow's, byte for byte
                assertThat(sha256(prepared.pixels())).as("%s prepared pixels", file)
                        .isEqualTo(expected.get("sha256").asText());
            } else {
                // resampling averages the decoder's differences (weights sum to 1); they do not widen
                assertThat(maxSampleDifference(prepared, expected)).as("%s prepared samples", file)
                        .isLessThanOrEqualTo(JPEG_TOLERANCE);
            }
        }
    }

    /** The generators of image_reference.py, written again here. */
    static GreyImage synthetic(String name, int width, int height) {
        byte[] pixels = new byte[width * height];
        long v = 42;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = switch (name) {
                    case "gradient" -> ((x * 255) / (width - 1) + (y * 255) / (height - 1)) / 2;
                    case "checkerboard3" -> ((x / 3) + (y / 3)) % 2 == 1 ? 255 : 0;
                    case "noise" -> {
                        v = (v * 1103515245L + 12345L) & 0x7FFFFFFFL;
                        yield (int) ((v >> 16) & 0xFF);
                    }
                    default -> throw new IllegalArgumentException(name);
                };
                pixels[y * width + x] = (byte) value;
            }
        }
        return new GreyImage(width, height, pixels);
    }

    @Test
    void syntheticResizesEqualPillowExactly() {
        JsonNode cases = reference.get("synthetic");
        assertThat(cases.size()).isGreaterThanOrEqualTo(18);
        for (JsonNode c : cases) {
            String source = c.get("source").asText();
            int width = c.get("width").asInt();
            int height = c.get("height").asInt();
            GreyImage out = Resize.resize(synthetic(source, 97, 61), width, height);
            byte[] expected = Base64.getDecoder().decode(c.get("pixels").asText());
            assertThat(out.pixels()).as("%s 97×61 -> %d×%d", source, width, height).isEqualTo(expected);
        }
    }
}
