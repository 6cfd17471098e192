package org.auditgate.engine.demo;

import org.auditgate.engine.image.GreyPng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes the demo dataset: synthetic chest-X-ray-like images from four sites with a planted
 * shortcut, so that a model which looks excellent in distribution (ID) fails out of
 * distribution (OOD).
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Disease is low-frequency.</b> {@code pneumonia} images carry 1–3 soft Gaussian
 *       opacities (sigma 12–30 px, +30–50 grey levels) inside the lung fields; {@code normal}
 *       images carry none. Patients also differ in lung size, position, brightness and in broad
 *       density variations (sigma 22–45 px, ±7 levels), so the disease is real but not trivial.
 *   <li><b>Sites are high-frequency.</b> {@code site-north}: anti-scatter-grid lines with a
 *       4-px period; {@code site-south}: sensor grain and hot pixels; {@code site-east}:
 *       horizontal banding with a 6-row period; {@code site-west}: JPEG-like 8×8 blockiness.
 *       Every artifact's strength is drawn per image.
 *   <li><b>ID is fully confounded.</b> All ID pneumonia comes from {@code site-north} and all
 *       ID normal from {@code site-south} (100 %, as in the paper's design where each ID source
 *       supplies one class), so "grid lines versus grain" separates the ID classes perfectly and
 *       far more easily than the opacities do. The OOD sites supply both classes in equal
 *       numbers, and their artifacts are neither grid nor grain: there a model that learned the
 *       site instead of the disease is close to guessing.
 * </ul>
 *
 * <p>Every image is drawn from its own {@link SplittableRandom} split off a master seeded with
 * the given seed, in a fixed sequential order, with {@link StrictMath} only; PNGs use stored
 * deflate blocks ({@link GreyPng}). The same seed therefore gives identical manifest and image
 * bytes on any machine.
 */
public final class SyntheticCxrGenerator {

    /** The positive class. */
    public static final String POSITIVE = "pneumonia";
    /** The negative class. */
    public static final String NEGATIVE = "normal";
    /** Header of the manifest written by {@link #write(Path, long)}. */
    public static final String MANIFEST_HEADER = "path,label,source,patient_id,view";

    private static final double SECOND_IMAGE_PROBABILITY = 0.25;
    private static final double AP_VIEW_PROBABILITY = 0.2;
    private static final double QUANTUM_NOISE_SIGMA = 1.5;

    private SyntheticCxrGenerator() {
    }

    /** As {@link #write(Path, long, DemoDatasetSpec)} with {@link DemoDatasetSpec#DEFAULT} (480 images). */
    public static DemoDatasetSummary write(Path dir, long seed) {
        return write(dir, seed, DemoDatasetSpec.DEFAULT);
    }

    /**
     * Writes {@code dir/images/*.png} (8-bit grey) and {@code dir/manifest.csv} (columns
     * {@value #MANIFEST_HEADER}); {@link #auditYaml()} is the audit configuration that fits it.
     * Existing files of the same names are replaced.
     *
     * @throws UncheckedIOException if the directory cannot be written
     */
    public static DemoDatasetSummary write(Path dir, long seed, DemoDatasetSpec spec) {
        ChestPhantom phantom = new ChestPhantom(spec.width(), spec.height());
        SplittableRandom master = new SplittableRandom(seed);
        StringBuilder manifest = new StringBuilder(MANIFEST_HEADER).append('\n');
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        int images = 0;
        int patients = 0;
        try {
            Files.createDirectories(dir.resolve("images"));
            for (Group group : groups(spec)) {
                int remaining = group.images();
                while (remaining > 0) {
                    SplittableRandom patientRandom = master.split();
                    int k = remaining >= 2 && patientRandom.nextDouble() < SECOND_IMAGE_PROBABILITY ? 2 : 1;
                    patients++;
                    String patient = String.format("p%04d", patients);
                    ChestPhantom.Anatomy anatomy = phantom.drawAnatomy(patientRandom);
                    for (int j = 0; j < k; j++) {
                        boolean ap = patientRandom.nextDouble() < AP_VIEW_PROBABILITY;
                        ChestPhantom.Anatomy a = j == 0 && !ap ? anatomy : phantom.jitter(anatomy, patientRandom, ap);
                        long imageSeed = patientRandom.nextLong();
                        byte[] pixels = quantise(renderImage(phantom, group.site(), group.pneumonia(), a, imageSeed,
                                true, true));
                        String path = "images/" + patient + "-" + (j + 1) + ".png";
                        Files.write(dir.resolve(path), GreyPng.encode(pixels, spec.width(), spec.height()));
                        String label = group.pneumonia() ? POSITIVE : NEGATIVE;
                        manifest.append(path).append(',').append(label).append(',').append(group.site().id())
                                .append(',').append(patient).append(',').append(ap ? "AP" : "PA").append('\n');
                        counts.computeIfAbsent(group.site().id(), s -> new TreeMap<>()).merge(label, 1, Integer::sum);
                        images++;
                    }
                    remaining -= k;
                }
            }
            Path manifestFile = dir.resolve("manifest.csv");
            Files.writeString(manifestFile, manifest, StandardCharsets.UTF_8);
            Map<String, Map<String, Integer>> frozen = new TreeMap<>();
            counts.forEach((source, byLabel) -> frozen.put(source, Collections.unmodifiableMap(byLabel)));
            return new DemoDatasetSummary(manifestFile, seed, images, patients,
                    Collections.unmodifiableMap(frozen));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo dataset to " + dir, e);
        }
    }

    /**
     * The audit configuration for the demo dataset: pneumonia ID from {@code site-north}, normal
     * ID from {@code site-south}, both classes OOD from {@code site-east} and {@code site-west};
     * patient split 0.6/0.15/0.25 with seed 7; threshold 0.5.
     */
    public static String auditYaml() {
        return """
                task:
                  positive: pneumonia
                  negative: normal
                sources:
                  pneumonia:
                    id: [site-north]
                    ood: [site-east, site-west]
                  normal:
                    id: [site-south]
                    ood: [site-east, site-west]
                split:
                  method: patient
                  train: 0.6
                  val: 0.15
                  test: 0.25
                  seed: 7
                threshold: 0.5
                """;
    }

    /**
     * Renders one image as grey values on the 0–255 scale (not yet rounded). The switches exist
     * so tests can isolate the opacities and the artifact: with the same arguments otherwise, the
     * other components are identical.
     */
    static float[] renderImage(ChestPhantom phantom, DemoSite site, boolean pneumonia, ChestPhantom.Anatomy anatomy,
            long imageSeed, boolean withOpacities, boolean withArtifact) {
        SplittableRandom random = new SplittableRandom(imageSeed);
        SplittableRandom lesionRandom = random.split();
        SplittableRandom noiseRandom = random.split();
        SplittableRandom artifactRandom = random.split();
        List<ChestPhantom.Blob> opacities = pneumonia ? phantom.drawOpacities(anatomy, lesionRandom) : List.of();
        float[] px = phantom.render(anatomy, withOpacities ? opacities : List.of());
        for (int i = 0; i < px.length; i++) {
            px[i] += (float) (QUANTUM_NOISE_SIGMA * ChestPhantom.normal(noiseRandom));
        }
        if (withArtifact) {
            site.addArtifact(px, phantom.width(), phantom.height(), artifactRandom);
        }
        return px;
    }

    /** Rounds half to even and clips to 0–255. */
    static byte[] quantise(float[] px) {
        byte[] out = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            out[i] = (byte) (int) Math.max(0, Math.min(255, Math.rint(px[i])));
        }
        return out;
    }

    private record Group(DemoSite site, boolean pneumonia, int images) {
    }

    private static List<Group> groups(DemoDatasetSpec spec) {
        int id = spec.idImagesPerClass();
        int ood = spec.oodImagesPerClassPerSite();
        return List.of(new Group(DemoSite.NORTH, true, id), new Group(DemoSite.SOUTH, false, id),
                new Group(DemoSite.EAST, true, ood), new Group(DemoSite.EAST, false, ood),
                new Group(DemoSite.WEST, true, ood), new Group(DemoSite.WEST, false, ood));
    }
}
