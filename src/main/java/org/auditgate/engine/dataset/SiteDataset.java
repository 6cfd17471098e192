package org.auditgate.engine.dataset;

import org.auditgate.engine.Sha256;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * A hospital's labelled images with their {@code manifest.csv}, in a directory or a {@code .zip}.
 *
 * <p>{@link #open(Path, DatasetLimits)} checks the container (links, path traversal, counts, sizes,
 * compression ratios), the manifest (header, rows, paths, labels, splits) and that the manifest and
 * the images agree (nothing missing, no image unlisted). It rejects the whole dataset at the first
 * problem with a {@link RejectedInputException} that names the file, line or archive entry. Images
 * are read on demand by {@link #read(DatasetEntry)}, which counts the bytes it actually inflates.
 * Nothing is written to disk.
 *
 * <p>The manifest sits at the root; in a zip it may also sit in a single top-level folder. Paths in
 * the manifest are relative to the manifest's folder. The same image may be listed on two rows only
 * for two different patients with the same label (public collections do this); the leakage check
 * reports it when it ends up on both sides of the split.
 *
 * <p>{@link #read(DatasetEntry)} is safe to call from several threads.
 */
public final class SiteDataset implements AutoCloseable {

    /** Zip entries that inflate to at most this many bytes are not held to the compression ratio. */
    public static final long RATIO_CHECK_MIN_BYTES = 64 * 1024;

    /** Names of the manifest file. */
    public static final String MANIFEST = "manifest.csv";

    private static final int LISTED = 5;

    private final Path origin;
    private final DatasetStore store;
    private final DatasetLimits limits;
    private final List<DatasetEntry> entries;
    private final Set<String> paths;
    private final String manifestSha256;
    private final SortedSet<String> labels;
    private final SortedSet<String> sources;
    private volatile boolean closed;

    private SiteDataset(Path origin, DatasetStore store, DatasetLimits limits, List<DatasetEntry> entries,
            String manifestSha256) {
        this.origin = origin;
        this.store = store;
        this.limits = limits;
        this.entries = List.copyOf(entries);
        this.paths = entries.stream().map(DatasetEntry::path).collect(Collectors.toUnmodifiableSet());
        this.manifestSha256 = manifestSha256;
        this.labels = Collections.unmodifiableSortedSet(
                entries.stream().map(DatasetEntry::label).collect(Collectors.toCollection(TreeSet::new)));
        this.sources = Collections.unmodifiableSortedSet(
                entries.stream().map(DatasetEntry::source).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Opens a dataset with {@link DatasetLimits#defaults()}. */
    public static SiteDataset open(Path dirOrZip) {
        return open(dirOrZip, DatasetLimits.defaults());
    }

    /**
     * Opens and checks a dataset.
     *
     * @param dirOrZip a directory holding {@code manifest.csv}, or a zip archive of one
     * @param limits bounds on entries and sizes
     * @throws RejectedInputException when the dataset cannot be used as it is
     */
    public static SiteDataset open(Path dirOrZip, DatasetLimits limits) {
        Objects.requireNonNull(dirOrZip, "dirOrZip");
        Objects.requireNonNull(limits, "limits");
        String name = String.valueOf(dirOrZip.getFileName());
        DatasetStore store;
        if (Files.isDirectory(dirOrZip)) {
            store = DirectoryStore.open(dirOrZip, limits);
        } else if (Files.isRegularFile(dirOrZip)) {
            store = ZipStore.open(dirOrZip, limits);
        } else if (Files.exists(dirOrZip, LinkOption.NOFOLLOW_LINKS)) {
            throw new RejectedInputException(Kind.DATASET, name, "is neither a directory nor a zip file",
                    "Give a folder of images with its manifest.csv, or a .zip of one");
        } else {
            throw new RejectedInputException(Kind.DATASET, name, "does not exist",
                    "Check the path of the dataset");
        }
        try {
            return load(dirOrZip, store, limits);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static SiteDataset load(Path origin, DatasetStore store, DatasetLimits limits) {
        String manifestName = store.displayPath(MANIFEST);
        if (!store.files().contains(MANIFEST)) {
            throw new RejectedInputException(Kind.MANIFEST, String.valueOf(origin.getFileName()),
                    "has no manifest.csv at its root" + (store instanceof ZipStore ? " or in its single top-level folder" : ""),
                    "Add manifest.csv with the columns path,label,source and one row per image");
        }
        byte[] manifest = store.read(MANIFEST, limits.maxEntryBytes());
        List<DatasetEntry> entries = new ManifestParser(manifestName, limits.maxEntries()).parse(manifest);
        checkLabels(manifestName, entries);
        checkMissing(manifestName, store, entries);
        checkUnlisted(store, entries);
        return new SiteDataset(origin, store, limits, entries, Sha256.hex(manifest));
    }

    private static void checkLabels(String manifestName, List<DatasetEntry> entries) {
        SortedSet<String> labels = entries.stream().map(DatasetEntry::label)
                .collect(Collectors.toCollection(TreeSet::new));
        if (labels.size() > 2) {
            throw new RejectedInputException(Kind.MANIFEST, manifestName + ", column label",
                    "has " + labels.size() + " distinct labels (" + String.join(", ", labels)
                            + ") but an audit compares two classes",
                    "Keep the two classes of the task and remove or relabel the other rows");
        }
    }

    private static void checkMissing(String manifestName, DatasetStore store, List<DatasetEntry> entries) {
        List<DatasetEntry> missing = entries.stream().filter(e -> !store.files().contains(e.path())).toList();
        if (!missing.isEmpty()) {
            DatasetEntry first = missing.get(0);
            throw new RejectedInputException(Kind.DATASET, manifestName + " line " + first.line(),
                    "lists " + missing.size() + " image" + (missing.size() > 1 ? "s" : "")
                            + " missing from the dataset: " + sample(missing.stream().map(DatasetEntry::path).toList()),
                    "Add the images or remove their rows");
        }
    }

    private static void checkUnlisted(DatasetStore store, List<DatasetEntry> entries) {
        Set<String> listed = new HashSet<>();
        entries.forEach(e -> listed.add(e.path()));
        List<String> unlisted = store.files().stream()
                .filter(SiteDataset::isImageName)
                .filter(path -> !listed.contains(path))
                .sorted()
                .toList();
        if (!unlisted.isEmpty()) {
            throw new RejectedInputException(Kind.DATASET, store.describe(unlisted.get(0)),
                    unlisted.size() + " image file" + (unlisted.size() > 1 ? "s are" : " is")
                            + " not listed in manifest.csv: " + sample(unlisted),
                    "List every image in manifest.csv or remove the unlisted files");
        }
    }

    private static boolean isImageName(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    private static String sample(List<String> items) {
        String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
    }


    /** The manifest's rows in file order (unmodifiable). */
    public List<DatasetEntry> entries() {
        return entries;
    }

    /**
     * The bytes of an entry's image, counting the bytes actually read (not the size a header
     * declares) against {@link DatasetLimits#maxEntryBytes()} and, for zips, the compression ratio.
     *
     * @throws IllegalArgumentException when the entry is not one of this dataset's
     * @throws IllegalStateException after {@link #close()}
     * @throws RejectedInputException when the file exceeds a limit or a zip entry is damaged
     * @throws java.io.UncheckedIOException when a file of a directory cannot be read
     */
    public byte[] read(DatasetEntry entry) {
        if (closed) {
            throw new IllegalStateException("the dataset " + origin.getFileName() + " is closed");
        }
        if (!paths.contains(entry.path())) {
            throw new IllegalArgumentException("not an entry of " + origin.getFileName() + ": " + entry.path());
        }
        return store.read(entry.path(), limits.maxEntryBytes());
    }

    /** SHA-256 of the manifest's bytes as uploaded, lower-case hex. */
    public String manifestSha256() {
        return manifestSha256;
    }

    /** The distinct labels (at most two). */
    public SortedSet<String> labels() {
        return labels;
    }

    /** The distinct sources. */
    public SortedSet<String> sources() {
        return sources;
    }

    /** The directory or zip the dataset was opened from. */
    public Path origin() {
        return origin;
    }

    /** Releases the archive, if any. */
    @Override
    public void close() {
        closed = true;
        store.close();
    }
}
