package org.auditgate.engine.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RandomResizedCrop#params} against torchvision 0.14's {@code RandomResizedCrop.get_params}
 * in distribution, from the summaries that {@code src/test/python/crop_reference.py} wrote
 * (200,000 torch draws per image size).
 *
 * <p>Each comparison is a two-sample test at α = 1e-4 (a correct implementation fails one with
 * probability at most 1e-4; with 7 comparisons per size and 3 sizes, at most 2.1e-3 for a random
 * seed, and the seed here is fixed):
 * <ul>
 *   <li>CDFs of the accepted scale {@code w·h/area} and of {@code log(w/h)}: the largest difference
 *       on the fixture's grid (at most the Kolmogorov–Smirnov statistic, so the test is conservative)
 *       must not exceed {@code c(α)·√((n+m)/(n·m))} with {@code c(α) = √(−ln(α/2)/2) = 2.2252};
 *       for n = m ≈ 200,000 that is about 0.0070.
 *   <li>Fallback frequency: |p̂₁ − p̂₂| ≤ z·√(p̄(1−p̄)(1/n+1/m)) with the pooled p̄ and
 *       z = 3.8906 (two-sided 1e-4); for 224×700 (p ≈ 0.044) about 0.0025.
 *   <li>Mean relative position i/(H−h) and j/(W−w) where H−h (W−w) is positive: |mean₁ − mean₂| ≤
 *       z·√(var₁/n₁ + var₂/n₂); with variances near 1/12 about 0.0036.
 * </ul>
 */
class RandomResizedCropReferenceTest {

    private static final double ALPHA = 1e-4;
    private static final double KS_C = Math.sqrt(-Math.log(ALPHA / 2) / 2);
    private static final double Z = 3.8906;
    private static final int DRAWS = 200_000;

    private static JsonNode reference;

    private static JsonNode reference() throws IOException {
        if (reference == null) {
            try (InputStream in = RandomResizedCropReferenceTest.class.getResourceAsStream("torchvision_crop_reference.json")) {
                reference = new ObjectMapper().readTree(in);
            }
        }
        return reference;
    }

    @ParameterizedTest
    @ValueSource(strings = {"224x224", "224x300", "224x700"})
    void matchesTorchvisionInDistribution(String size) throws IOException {
        JsonNode ref = reference();
        JsonNode sized = null;
        for (JsonNode s : ref.get("sizes")) {
            if ((s.get("width").asInt() + "x" + s.get("height").asInt()).equals(size)) {
                sized = s;
            }
        }
        assertThat(sized).as("fixture has %s", size).isNotNull();
        int width = sized.get("width").asInt();
        int height = sized.get("height").asInt();
        assertThat(KS_C).isCloseTo(2.2252, org.assertj.core.api.Assertions.within(1e-4));

        double[] scaleEdges = doubles(ref.get("scale_edges"));
        double[] aspectEdges = doubles(ref.get("log_aspect_edges"));
        long[] scaleCounts = new long[scaleEdges.length];
        long[] aspectCounts = new long[aspectEdges.length];
        Moments y = new Moments();
        Moments x = new Moments();
        int fallbacks = 0;
        RandomResizedCrop crop = RandomResizedCrop.paper();
        UniformRandomProvider rng = new StreamKey(20240611L, Arm.CLEAN, 0, 0, width * 1000 + height).rng();
        for (int k = 0; k < DRAWS; k++) {
            CropBox box = crop.attempts(width, height, rng);
            if (box == null) {
                fallbacks++;
                continue;
            }
            double scale = (double) box.width() * box.height() / ((double) width * height);
            double logAspect = StrictMath.log((double) box.width() / box.height());
            count(scaleEdges, scaleCounts, scale);
            count(aspectEdges, aspectCounts, logAspect);
            if (height > box.height()) {
                y.add((double) box.y() / (height - box.height()));
            }
            if (width > box.width()) {
                x.add((double) box.x() / (width - box.width()));
            }
        }
        int accepted = DRAWS - fallbacks;
        int refAccepted = sized.get("accepted").asInt();
        int refN = sized.get("n").asInt();

        double ksBound = KS_C * Math.sqrt((double) (accepted + refAccepted) / ((double) accepted * refAccepted));
        assertThat(maxDifference(doubles(sized.get("scale_cdf")), scaleCounts, accepted))
                .as("scale CDF distance, %s", size).isLessThanOrEqualTo(ksBound);
        assertThat(maxDifference(doubles(sized.get("log_aspect_cdf")), aspectCounts, accepted))
                .as("log aspect CDF distance, %s", size).isLessThanOrEqualTo(ksBound);

        int refFallbacks = sized.get("fallback").asInt();
        double pooled = (double) (fallbacks + refFallbacks) / (DRAWS + refN);
        double fallbackBound = Z * Math.sqrt(pooled * (1 - pooled) * (1.0 / DRAWS + 1.0 / refN));
        assertThat(Math.abs((double) fallbacks / DRAWS - (double) refFallbacks / refN))
                .as("fallback frequency, %s", size).isLessThanOrEqualTo(fallbackBound);

        comparePositions("i/(H-h)", size, y, sized.get("y_pos"));
        comparePositions("j/(W-w)", size, x, sized.get("x_pos"));
    }

    private static void comparePositions(String what, String size, Moments ours, JsonNode theirs) {
        long n = theirs.get("count").asLong();
        assertThat(ours.count > 0).isEqualTo(n > 0);
        if (n == 0) {
            return;
        }
        double bound = Z * Math.sqrt(ours.variance() / ours.count + theirs.get("variance").asDouble() / n);
        assertThat(Math.abs(ours.mean() - theirs.get("mean").asDouble()))
                .as("mean %s, %s", what, size).isLessThanOrEqualTo(bound);
    }

    private static void count(double[] edges, long[] counts, double value) {
        for (int e = 0; e < edges.length; e++) {
            if (value <= edges[e]) {
                counts[e]++;
            }
        }
    }

    private static double maxDifference(double[] refCdf, long[] counts, int n) {
        double max = 0;
        for (int e = 0; e < refCdf.length; e++) {
            max = Math.max(max, Math.abs(refCdf[e] - (double) counts[e] / n));
        }
        return max;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asDouble();
        }
        return out;
    }

    /** Count, mean and population variance (Welford). */
    private static final class Moments {
        long count;
        double mean;
        double m2;

        void add(double v) {
            count++;
            double d = v - mean;
            mean += d / count;
            m2 += d * (v - mean);
        }

        double mean() {
            return mean;
        }

        double variance() {
            return m2 / count;
        }
    }
}
