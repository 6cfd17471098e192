package org.auditgate.engine.demo;

import org.auditgate.engine.image.GreyPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCxrGeneratorTest {

    private static final DemoDatasetSpec SMALL = new DemoDatasetSpec(96, 112, 6, 3);

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot(@TempDir Path tmp) throws Exception {
        SyntheticCxrGenerator.write(tmp.resolve("a"), 11, SMALL);
        SyntheticCxrGenerator.write(tmp.resolve("b"), 11, SMALL);
        SyntheticCxrGenerator.write(tmp.resolve("c"), 12, SMALL);
        List<String> rows = Files.readAllLines(tmp.resolve("a/manifest.csv"));
        assertThat(Files.readAllLines(tmp.resolve("b/manifest.csv"))).isEqualTo(rows);
        int differing = 0;
        for (String row : rows.subList(1, rows.size())) {
            String path = row.substring(0, row.indexOf(','));
            byte[] a = Files.readAllBytes(tmp.resolve("a").resolve(path));
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(path))).as(path).isEqualTo(a);
            Path other = tmp.resolve("c").resolve(path);
            if (!Files.exists(other) || !java.util.Arrays.equals(Files.readAllBytes(other), a)) {
                differing++;
            }
        }
        assertThat(differing).isEqualTo(rows.size() - 1);
    }

    @Test
    void countsPerSourceAndLabelAndPatientsKeepTheirLabel(@TempDir Path tmp) throws Exception {
        DemoDatasetSummary summary = SyntheticCxrGenerator.write(tmp, 42);
        assertThat(summary.images()).isEqualTo(480);
        assertThat(summary.count("site-north", "pneumonia")).isEqualTo(120);
        assertThat(summary.count("site-north", "normal")).isZero();
        assertThat(summary.count("site-south", "normal")).isEqualTo(120);
        assertThat(summary.count("site-south", "pneumonia")).isZero();
        for (String ood : List.of("site-east", "site-west")) {
            assertThat(summary.count(ood, "pneumonia")).isEqualTo(60);
            assertThat(summary.count(ood, "normal")).isEqualTo(60);
        }
        List<String> rows = Files.readAllLines(summary.manifest());
        assertThat(rows.get(0)).isEqualTo("path,label,source,patient_id,view");
        assertThat(rows).hasSize(481);
        Map<String, String> patientLabel = new HashMap<>();
        Map<String, Integer> patientImages = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            assertThat(cells).hasSize(5);
            assertThat(cells[4]).isIn("PA", "AP");
            String labelAndSource = cells[1] + "/" + cells[2];
            assertThat(patientLabel.putIfAbsent(cells[3], labelAndSource)).isIn(null, labelAndSource);
            patientImages.merge(cells[3], 1, Integer::sum);
            assertThat(tmp.resolve(cells[0])).isRegularFile();
        }
        assertThat(patientLabel).hasSize(summary.patients());
        assertThat(patientImages.values()).contains(2).allMatch(k -> k <= 2);

        BufferedImage first = ImageIO.read(tmp.resolve(rows.get(1).split(",")[0]).toFile());
        assertThat(first.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(first.getWidth()).isEqualTo(256);
        assertThat(first.getHeight()).isEqualTo(288);
    }

    /**
     * The written PNGs carry their site's artifact: the x-high-pass of the column means has a
     * period-4 autocorrelation peak only for site-north, and grain raises site-south's per-pixel
     * high-pass energy well above the other sites'.
     */
    @Test
    void artifactsArePresentInTheWrittenImages(@TempDir Path tmp) throws Exception {
        DemoDatasetSummary summary = SyntheticCxrGenerator.write(tmp, 5, new DemoDatasetSpec(256, 288, 8, 4));
        Map<String, double[]> perSite = new HashMap<>();
        for (String row : Files.readAllLines(summary.manifest()).subList(1, summary.images() + 1)) {
            String[] cells = row.split(",");
            int[] size = new int[2];
            int[] px = DemoTensors.readGrey(tmp.resolve(cells[0]), size);
            double lag4 = lag4Autocorrelation(px, size[0], size[1]);
            double[] acc = perSite.computeIfAbsent(cells[2], s -> new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 0, 0});
            acc[0] = Math.min(acc[0], lag4);
            acc[1] = Math.max(acc[1], lag4);
            acc[2] += meanAbsLaplacian(px, size[0], size[1]);
            acc[3]++;
        }
        perSite.forEach((site, acc) -> System.out.printf(
                "%s: lag-4 autocorrelation %.3f..%.3f, mean |Laplacian| %.2f%n", site, acc[0], acc[1], acc[2] / acc[3]));
        assertThat(perSite.get("site-north")[0]).isGreaterThan(0.8);
        double southEnergy = perSite.get("site-south")[2] / perSite.get("site-south")[3];
        for (String site : List.of("site-south", "site-east", "site-west")) {
            assertThat(perSite.get(site)[1]).as(site).isLessThan(0.5);
        }
        for (String site : List.of("site-north", "site-east", "site-west")) {
            assertThat(southEnergy).as(site).isGreaterThan(2 * perSite.get(site)[2] / perSite.get(site)[3]);
        }
    }

    /**
     * Rendering the same case with and without opacities isolates the disease: raised, present
     * only in pneumonia, and low-frequency. "Low-frequency" is measured as the energy of the
     * difference's discrete Laplacian over its own energy: below 0.05 for every opacity (the
     * lung-mask edge contributes most of it), above 0.5 for every site artifact isolated the same
     * way (1.0 for a period-6 sinusoid, by hand).
     */
    @Test
    void diseaseIsALowFrequencyOpacityOnlyInPneumonia() {
        ChestPhantom phantom = new ChestPhantom(256, 288);
        int checked = 0;
        for (long seed = 1; seed <= 6; seed++) {
            ChestPhantom.Anatomy anatomy = phantom.drawAnatomy(new SplittableRandom(seed));
            for (DemoSite site : DemoSite.values()) {
                for (boolean pneumonia : new boolean[] {true, false}) {
                    float[] full = SyntheticCxrGenerator.renderImage(phantom, site, pneumonia, anatomy, seed * 31, true, true);
                    float[] healthy = SyntheticCxrGenerator.renderImage(phantom, site, pneumonia, anatomy, seed * 31, false, true);
                    float[] clean = SyntheticCxrGenerator.renderImage(phantom, site, pneumonia, anatomy, seed * 31, true, false);
                    double[] disease = difference(full, healthy);
                    double[] artifact = difference(full, clean);
                    assertThat(highFrequencyShare(artifact)).as(site + " artifact").isGreaterThan(0.5);
                    if (!pneumonia) {
                        assertThat(disease).containsOnly(0.0);
                        continue;
                    }
                    checked++;
                    assertThat(java.util.Arrays.stream(disease).max().orElseThrow()).isGreaterThan(15);
                    assertThat(java.util.Arrays.stream(disease).min().orElseThrow()).isGreaterThan(-1e-3);
                    assertThat(highFrequencyShare(disease)).as("opacity").isLessThan(0.05);
                }
            }
        }
        assertThat(checked).isEqualTo(24);
    }

    private static double[] difference(float[] a, float[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** Energy of the 4-neighbour Laplacian of a 256×288 image over the image's energy (interior pixels). */
    private static double highFrequencyShare(double[] d) {
        double energy = 0;
        double laplacianEnergy = 0;
        for (int y = 1; y < 287; y++) {
            for (int x = 1; x < 255; x++) {
                int i = y * 256 + x;
                double l = d[i - 1] + d[i + 1] + d[i - 256] + d[i + 256] - 4 * d[i];
                laplacianEnergy += l * l;
                energy += d[i] * d[i];
            }
        }
        return laplacianEnergy / energy;
    }

    @Test
    void northArtifactIsExactlyOneColumnInFour() {
        ChestPhantom phantom = new ChestPhantom(256, 288);
        ChestPhantom.Anatomy anatomy = phantom.drawAnatomy(new SplittableRandom(3));
        float[] with = SyntheticCxrGenerator.renderImage(phantom, DemoSite.NORTH, true, anatomy, 9, true, true);
        float[] without = SyntheticCxrGenerator.renderImage(phantom, DemoSite.NORTH, true, anatomy, 9, true, false);
        int phase = -1;
        for (int x = 0; x < 256; x++) {
            float d = with[100 * 256 + x] - without[100 * 256 + x];
            if (d != 0) {
                assertThat(d).isBetween(-7f, -4f);
                phase = phase < 0 ? x % 4 : phase;
                assertThat(x % 4).isEqualTo(phase);
            }
        }
        assertThat(phase).isNotNegative();
    }

    @Test
    void auditYamlHasTheAgreedShape() {
        assertThat(SyntheticCxrGenerator.auditYaml()).startsWith("task:\n  positive: pneumonia\n  negative: normal\n")
                .contains("  pneumonia:\n    id: [site-north]\n    ood: [site-east, site-west]\n")
                .contains("  normal:\n    id: [site-south]\n    ood: [site-east, site-west]\n")
                .contains("split:\n  method: patient\n  train: 0.6\n  val: 0.15\n  test: 0.25\n  seed: 7\n")
                .endsWith("threshold: 0.5\n");
    }

    @Test
    void pngEncoderRoundTripsThroughImageIo() throws Exception {
        byte[] pixels = new byte[70 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(GreyPng.encode(pixels, 70, 3)));
        int[] back = image.getRaster().getSamples(0, 0, 70, 3, 0, (int[]) null);
        for (int i = 0; i < pixels.length; i++) {
            assertThat(back[i]).isEqualTo(pixels[i] & 0xff);
        }
        assertThat(SyntheticCxrGenerator.quantise(new float[] {-3f, 2.5f, 3.5f, 254.6f, 300f}))
                .containsExactly(0, 2, 4, (byte) 255, (byte) 255);
    }

    /** Normalised autocorrelation at lag 4 of the x-high-pass of the column means. */
    private static double lag4Autocorrelation(int[] px, int w, int h) {
        double[] column = new double[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                column[x] += px[y * w + x] / (double) h;
            }
        }
        double[] hp = new double[w - 2];
        for (int x = 1; x < w - 1; x++) {
            hp[x - 1] = column[x] - (column[x - 1] + column[x + 1]) / 2;
        }
        double zero = 0;
        double four = 0;
        for (int i = 0; i < hp.length; i++) {
            zero += hp[i] * hp[i];
            if (i + 4 < hp.length) {
                four += hp[i] * hp[i + 4];
            }
        }
        return four / zero;
    }

    private static double meanAbsLaplacian(int[] px, int w, int h) {
        double sum = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                sum += Math.abs(px[i - 1] + px[i + 1] + px[i - w] + px[i + w] - 4 * px[i]);
            }
        }
        return sum / ((w - 2) * (h - 2));
    }
}
