package org.auditgate.engine.split;

import org.auditgate.engine.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * The audit configuration, {@code audit.yaml}: the task, which sources are in- and
 * out-of-distribution for each class, how the in-distribution images are split, and the threshold.
 *
 * <pre>{@code
 * task:
 *   positive: pneumonia        # required: the class called positive (recall = sensitivity for it)
 *   negative: covid            # required: the other class
 * sources:                     # required: per task label, in- and out-of-distribution sources
 *   covid:
 *     id: [github.com]                   # required, at least one source
 *     ood: [sirm.org, radiopaedia.org]   # optional; "*" (alone) = every source of the class not under id
 *   pneumonia:
 *     id: [eurorad.org]
 *     ood: [radiopaedia.org]
 * split:                       # optional
 *   method: patient            # patient (default): split ID images by patient, stratified by label;
 *                              # manifest: take ID images' partitions from the manifest's split column
 *   train: 0.6                 # default 0.77; each fraction > 0, the three sum to 1 (within 1e-9)
 *   val: 0.15                  # default 0.085
 *   test: 0.25                 # default 0.145
 *   seed: 20251105             # default 42
 * threshold: 0.5               # default 0.5, in [0, 1]; a case is positive when score > threshold
 * model:                       # optional overrides of what the vendor model declares
 *   featureTensor: "472_quantized"   # the classifier's input tensor
 *   output: "probability"            # the score output's name
 *   scoreKind: auto                  # auto | probability | logit
 *   positiveIndex: 1                 # 0 or 1, for two-column outputs
 *   input:
 *     size: 224                      # 1..4096
 *     mean: [0.485, 0.456, 0.406]    # one or three values
 *     std: [0.229, 0.224, 0.225]     # one or three positive values
 * }</pre>
 *
 * <p>Images whose (label, source) is neither an ID nor an OOD pair are not used. Unknown keys,
 * repeated keys and values of the wrong type are rejected with the file, line and field, so a typo
 * is never silently ignored. Instances are immutable.
 */
public final class AuditConfig {

    /** The seed used when {@code split.seed} is not given. */
    public static final long DEFAULT_SEED = 42L;

    /** The threshold used when {@code threshold} is not given. */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /** The per-class sources with the audit.yaml line of every listed source. */
    record Sources(Map<String, ClassSources> byLabel, Map<String, Map<String, Integer>> lines) {
        Sources {
            byLabel = Map.copyOf(byLabel);
            lines = Map.copyOf(lines);
        }
    }

    private final String fileName;
    private final String sha256;
    private final String positive;
    private final String negative;
    private final Sources sources;
    private final SplitMethod splitMethod;
    private final int splitMethodLine;
    private final SplitFractions fractions;
    private final long seed;
    private final double threshold;
    private final ModelSettings model;

    AuditConfig(String fileName, String sha256, String positive, String negative, Sources sources,
            SplitMethod splitMethod, int splitMethodLine, SplitFractions fractions, long seed, double threshold,
            ModelSettings model) {
        this.fileName = fileName;
        this.sha256 = sha256;
        this.positive = positive;
        this.negative = negative;
        this.sources = sources;
        this.splitMethod = splitMethod;
        this.splitMethodLine = splitMethodLine;
        this.fractions = fractions;
        this.seed = seed;
        this.threshold = threshold;
        this.model = model;
    }

    /**
     * Reads and checks an audit configuration file (UTF-8).
     *
     * @throws RejectedInputException (kind CONFIG) naming the line and field of the first problem
     * @throws UncheckedIOException when the file cannot be read
     */
    public static AuditConfig load(Path file) {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedInputException(Kind.CONFIG, name, "is not valid UTF-8", "Save the file as UTF-8", e);
        }
        return AuditConfigParser.parse(stripBom(text), name, Sha256.hex(bytes));
    }

    /**
     * Parses and checks an audit configuration given as text.
     *
     * @param yaml the file's content
     * @param fileName how messages name the file, e.g. {@code audit.yaml}
     * @throws RejectedInputException (kind CONFIG) naming the line and field of the first problem
     */
    public static AuditConfig parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        return AuditConfigParser.parse(stripBom(yaml), fileName, Sha256.hex(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }


    /**
     * Checks the configuration against a dataset's rows: every label is one of the task's two, and
     * every source named for a class has images of that class.
     *
     * @throws RejectedInputException kind MANIFEST for an unknown label (naming the manifest line),
     *     kind CONFIG for a source without images (naming the audit.yaml line and the sources that do
     *     exist for that class)
     */
    public void validateAgainst(Collection<DatasetEntry> entries) {
        Map<String, SortedSet<String>> present = new TreeMap<>();
        for (DatasetEntry entry : entries) {
            if (!entry.label().equals(positive) && !entry.label().equals(negative)) {
                throw new RejectedInputException(Kind.MANIFEST, "manifest.csv line " + entry.line() + ", column label",
                        "has the unknown label '" + entry.label() + "'; " + fileName + " names the task's labels "
                                + positive + " (positive) and " + negative + " (negative)",
                        "Relabel or remove the row, or correct the task in " + fileName);
            }
            present.computeIfAbsent(entry.label(), label -> new TreeSet<>()).add(entry.source());
        }
        for (String label : labels()) {
            SortedSet<String> existing = present.getOrDefault(label, new TreeSet<>());
            ClassSources listed = sources.byLabel().get(label);
            checkExist(label, "id", listed.id(), existing);
            checkExist(label, "ood", listed.ood(), existing);
        }
    }

    private void checkExist(String label, String kind, List<String> listed, SortedSet<String> existing) {
        for (String source : listed) {
            if (!source.equals(ClassSources.EVERY_OTHER) && !existing.contains(source)) {
                throw new RejectedInputException(Kind.CONFIG,
                        fileName + " line " + sourceLine(label, source) + ", sources." + label + "." + kind,
                        "names the source '" + source + "', which has no " + label + " images in the dataset; "
                                + (existing.isEmpty() ? "the dataset has no " + label + " images at all"
                                        : label + " images come from " + String.join(", ", existing)),
                        "Name a source that exists for " + label + ", or correct the manifest");
            }
        }
    }

    /** The line of audit.yaml on which a source of a class is listed; 0 when it is not listed. */
    int sourceLine(String label, String source) {
        return sources.lines().getOrDefault(label, Map.of()).getOrDefault(source, 0);
    }

    /** The line of {@code split.method}; 0 when it is not given. */
    int splitMethodLine() {
        return splitMethodLine;
    }

    /** The two task labels: positive first. */
    public List<String> labels() {
        return List.of(positive, negative);
    }

    /** Whether images of {@code label} from {@code source} are in-distribution. */
    public boolean isId(String label, String source) {
        ClassSources listed = sources.byLabel().get(label);
        return listed != null && listed.isId(source);
    }

    /** Whether images of {@code label} from {@code source} are out-of-distribution. */
    public boolean isOod(String label, String source) {
        ClassSources listed = sources.byLabel().get(label);
        return listed != null && listed.isOod(source);
    }

    /** How {@link #load} and messages name the file. */
    public String fileName() {
        return fileName;
    }

    /** The class called positive. */
    public String positive() {
        return positive;
    }

    /** The other class. */
    public String negative() {
        return negative;
    }

    /**
     * The sources of a task label.
     *
     * @throws IllegalArgumentException when {@code label} is not one of the task's labels
     */
    public ClassSources sourcesFor(String label) {
        ClassSources listed = sources.byLabel().get(label);
        if (listed == null) {
            throw new IllegalArgumentException("not a task label: " + label);
        }
        return listed;
    }

    /** How ID images are split (default {@link SplitMethod#PATIENT}). */
    public SplitMethod splitMethod() {
        return splitMethod;
    }

    /** The train/val/test fractions (default {@link SplitFractions#DEFAULT}). */
    public SplitFractions fractions() {
        return fractions;
    }

    /** The split's seed (default {@value #DEFAULT_SEED}). */
    public long seed() {
        return seed;
    }

    /** A case is called positive when its score is strictly greater than this (default 0.5). */
    public double threshold() {
        return threshold;
    }

    /** Overrides of what the model declares. */
    public ModelSettings model() {
        return model;
    }

    /** SHA-256 of the file's bytes (of the UTF-8 text for {@link #parse}), lower-case hex. */
    public String sha256() {
        return sha256;
    }
}
