package org.auditgate.engine.noise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.rng.simple.RandomSource;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.Resize;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parity of {@link NoiseInjector} with scikit-image 0.19.3 {@code random_noise} (+ {@code img_as_ubyte}),
 * against the per-input-level statistics that {@code src/test/python/noise_reference.py} recorded in
 * {@code skimage_reference.json}.
 *
 * <p>For every recorded (parameters, type, image, input level) and each of mean, variance, fraction
 * at 0 and fraction at 255 of the output level, two comparisons: the scikit-image sample against
 * the exact distribution ({@link NoiseInjector#distribution}), and the scikit-image sample against
 * a Java sample drawn from the same image. Standard errors come from the exact distribution (the
 * null hypothesis is that both samples follow it): σ²/n for a mean, (μ4 − σ⁴(n−3)/(n−1))/n for a
 * sample variance, p(1−p)/n for a fraction, summed over both samples in the two-sample case. A
 * statistic passes when its deviation is at most z·se, plus, for fractions, the Bernstein slack
 * z²/(3·min n) that keeps the bound valid for rare events (a level clipped with probability 1e-7).
 * z is chosen so that M comparisons have a family-wise false-alarm rate of at most α = 1e-4:
 * M·2·exp(−z²/2) = α, which bounds the two-sided normal tail and, with the slack, Bernstein's
 * inequality. Where the exact variance is 0 the statistics must agree to 1e-9.
 */
class SkimageParityTest {

    private static final double ALPHA = 1e-4;
    private static final int JAVA_REPEATS_FACTOR = 4;

    private static JsonNode reference;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SkimageParityTest.class.getResourceAsStream("skimage_reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void syntheticImagesMatchScikitImage() {
        Map<String, byte[]> images = new HashMap<>();
        reference.get("images").fieldNames().forEachRemaining(name -> {
            if (!name.startsWith("real-")) {
                JsonNode info = reference.get("images").get(name);
                byte[] pixels = synthetic(name, info.get("width").asInt(), info.get("height").asInt());
                assertThat(NoiseInjector.distinctValues(pixels, pixels.length)).as(name).isEqualTo(info.get("distinct").asInt());
                images.put(name, pixels);
            }
        });
        compare(images);
    }

    @Test
    void realImagesMatchScikitImage() throws IOException {
        Path folder = Path.of(System.getProperty("auditgate.sharedData", "../shared/data"), "cxr-covid-pneumonia", "images");
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "real-data noise parity skipped: no shared data at " + folder.toAbsolutePath() + " (set -Dauditgate.sharedData)");
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        Map<String, byte[]> images = new HashMap<>();
        for (var it = reference.get("images").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("real-")) {
                String file = name.substring("real-".length());
                GreyImage image = Resize.resizeShorterSide(decoder.decode(Files.readAllBytes(folder.resolve(file)), file), 224);
                JsonNode info = reference.get("images").get(name);
                assertThat(image.width()).as(name).isEqualTo(info.get("width").asInt());
                assertThat(image.height()).as(name).isEqualTo(info.get("height").asInt());
                byte[] pixels = image.pixels();
                // poisson's v depends on the count; per-level statistics do not need identical pixels
                assertThat(NoiseInjector.scaleExponent(NoiseInjector.distinctValues(pixels, pixels.length)))
                        .as(name).isEqualTo(NoiseInjector.scaleExponent(info.get("distinct").asInt()));
                images.put(name, pixels);
            }
        }
        assertThat(images).hasSize(3);
        compare(images);
    }

    /** The generators of noise_reference.py. */
    static byte[] synthetic(String name, int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int level;
                if (name.startsWith("const-")) {
                    level = Integer.parseInt(name.substring("const-".length()));
                } else if (name.equals("gradient")) {
                    level = x;
                } else if (name.equals("two-level")) {
                    level = (x + y) % 2 == 0 ? 60 : 180;
                } else if (name.equals("five-level")) {
                    level = new int[] {20, 70, 128, 190, 240}[(x / 40) % 5];
                } else {
                    throw new IllegalArgumentException("unknown synthetic image " + name);
                }
                pixels[y * width + x] = (byte) level;
            }
        }
        return pixels;
    }

    private record Deviation(String what, double deviation, double se, double slack) {
        double standardised() {
            return se == 0 ? (deviation == 0 ? 0 : Double.POSITIVE_INFINITY) : deviation / se;
        }
    }

    private static void compare(Map<String, byte[]> images) {
        Map<String, NoiseInjector> injectors = new HashMap<>();
        reference.get("parameters").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            injectors.put(e.getKey(), new NoiseInjector(new NoiseParameters(p.get("mean").asDouble(), p.get("var").asDouble(),
                    p.get("mean").asDouble(), p.get("var").asDouble(), p.get("amount").asDouble(), p.get("salt_vs_pepper").asDouble())));
        });
        List<Deviation> deviations = new ArrayList<>();
        int entry = 0;
        for (JsonNode stats : reference.get("stats")) {
            entry++;
            String image = stats.get("image").asText();
            byte[] pixels = images.get(image);
            if (pixels == null) {
                continue;
            }
            NoiseInjector injector = injectors.get(stats.get("parameters").asText());
            NoiseType type = NoiseType.parse(stats.get("type").asText());
            int distinct = NoiseInjector.distinctValues(pixels, pixels.length);
            int repeats = reference.get("images").get(image).get("repeats").asInt() * JAVA_REPEATS_FACTOR;
            long[] count = new long[256];
            long[] sum = new long[256];
            long[] sumSquares = new long[256];
            long[] zeros = new long[256];
            long[] whites = new long[256];
            byte[] out = new byte[pixels.length];
            for (int r = 0; r < repeats; r++) {
                injector.apply(type, pixels, out, pixels.length, RandomSource.XO_RO_SHI_RO_128_PP.create(entry * 1_000_003L + r));
                for (int i = 0; i < pixels.length; i++) {
                    int in = pixels[i] & 0xFF;
                    int o = out[i] & 0xFF;
                    count[in]++;
                    sum[in] += o;
                    sumSquares[in] += (long) o * o;
                    zeros[in] += o == 0 ? 1 : 0;
                    whites[in] += o == 255 ? 1 : 0;
                }
            }
            JsonNode levels = stats.get("level");
            for (int i = 0; i < levels.size(); i++) {
                int level = levels.get(i).asInt();
                String where = stats.get("parameters").asText() + " " + type.cliName() + " " + image + " level " + level;
                double[] p = injector.distribution(type, level, distinct);
                double mu = 0;
                for (int j = 0; j < 256; j++) {
                    mu += j * p[j];
                }
                double m2 = 0;
                double m4 = 0;
                for (int j = 0; j < 256; j++) {
                    double d = j - mu;
                    m2 += p[j] * d * d;
                    m4 += p[j] * d * d * d * d;
                }
                double nS = stats.get("n").get(i).asDouble();
                double nJ = count[level];
                double meanJ = (double) sum[level] / nJ;
                double varJ = (sumSquares[level] - nJ * meanJ * meanJ) / (nJ - 1);
                double meanS = stats.get("mean").get(i).asDouble();
                double varS = stats.get("var").get(i).asDouble();
                double f0S = stats.get("f0").get(i).asDouble();
                double f255S = stats.get("f255").get(i).asDouble();
                double f0J = zeros[level] / nJ;
                double f255J = whites[level] / nJ;
                double varOfMean = m2;
                double seMeanS = Math.sqrt(varOfMean / nS);
                double seVarS = Math.sqrt(varianceOfSampleVariance(m2, m4, nS));
                deviations.add(new Deviation(where + " mean vs exact", Math.abs(meanS - mu), seMeanS, 0));
                deviations.add(new Deviation(where + " variance vs exact", Math.abs(varS - m2), seVarS, 0));
                deviations.add(fraction(where + " fraction at 0 vs exact", f0S, p[0], nS));
                deviations.add(fraction(where + " fraction at 255 vs exact", f255S, p[255], nS));
                deviations.add(new Deviation(where + " mean vs Java", Math.abs(meanS - meanJ),
                        Math.sqrt(varOfMean / nS + varOfMean / nJ), 0));
                deviations.add(new Deviation(where + " variance vs Java", Math.abs(varS - varJ),
                        Math.sqrt(varianceOfSampleVariance(m2, m4, nS) + varianceOfSampleVariance(m2, m4, nJ)), 0));
                deviations.add(fraction(where + " fraction at 0 vs Java", f0S, f0J, nS, nJ, p[0]));
                deviations.add(fraction(where + " fraction at 255 vs Java", f255S, f255J, nS, nJ, p[255]));
            }
        }
        int m = deviations.size();
        double z = Math.sqrt(2 * Math.log(2 * m / ALPHA));
        Deviation largest = null;
        double largestShare = 0;
        Deviation nearest = null;
        List<String> failures = new ArrayList<>();
        for (Deviation d : deviations) {
            boolean degenerate = d.se() == 0;
            double bound = degenerate ? 1e-9 : z * d.se() + z * z * d.slack();
            if (d.deviation() > bound) {
                failures.add(String.format("%s: deviation %.4g > bound %.4g (se %.3g)", d.what(), d.deviation(), bound, d.se()));
            }
            if (!degenerate && d.slack() == 0 && (largest == null || d.standardised() > largest.standardised())) {
                largest = d;
            }
            if (!degenerate && d.deviation() / bound > largestShare) {
                largestShare = d.deviation() / bound;
                nearest = d;
            }
        }
        System.out.printf("scikit-image parity: %d comparisons, z = %.3f (family-wise alpha %.0e);"
                        + " largest standardised deviation of a mean or variance %.3f (tolerance %.3f: %s);"
                        + " closest to its bound of all: %.0f%% (%s)%n", m, z, ALPHA,
                largest == null ? 0 : largest.standardised(), z, largest == null ? "-" : largest.what(),
                100 * largestShare, nearest == null ? "-" : nearest.what());
        assertThat(m).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    private static double varianceOfSampleVariance(double m2, double m4, double n) {
        return Math.max(0, (m4 - m2 * m2 * (n - 3) / (n - 1)) / n);
    }

    /** A scikit-image fraction against the exact probability. */
    private static Deviation fraction(String what, double observed, double p, double n) {
        return new Deviation(what, Math.abs(observed - p), Math.sqrt(p * (1 - p) / n), 1 / (3 * n));
    }

    /** Two sample fractions, under the null that both have the exact probability p. */
    private static Deviation fraction(String what, double a, double b, double nA, double nB, double p) {
        return new Deviation(what, Math.abs(a - b), Math.sqrt(p * (1 - p) * (1 / nA + 1 / nB)), 1 / (3 * Math.min(nA, nB)));
    }
}
