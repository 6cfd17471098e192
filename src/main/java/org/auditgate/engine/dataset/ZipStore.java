package org.auditgate.engine.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * A dataset in a zip archive, read in place with random access. The central directory is checked
 * when the archive is opened (names, links, counts, declared sizes and ratios); every read counts the
 * bytes actually inflated and rejects an entry that inflates beyond its header, its limit or the
 * compression ratio. Entries under {@code __MACOSX/} (resource forks that macOS adds) are ignored.
 */
final class ZipStore implements DatasetStore {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final String MAC_FORKS = "__MACOSX/";

    private final ZipFile zip;
    private final String prefix;
    private final Map<String, ZipArchiveEntry> entries;
    private final DatasetLimits limits;

    private ZipStore(ZipFile zip, String prefix, Map<String, ZipArchiveEntry> entries, DatasetLimits limits) {
        this.zip = zip;
        this.prefix = prefix;
        this.entries = entries;
        this.limits = limits;
    }

    static ZipStore open(Path file, DatasetLimits limits) {
        String archive = file.getFileName().toString();
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException e) {
            throw new RejectedInputException(Kind.ARCHIVE, archive, "is not a valid zip archive (" + e.getMessage() + ")",
                    "Upload a folder of images with its manifest.csv packed as a .zip file", e);
        }
        try {
            Map<String, ZipArchiveEntry> byName = checkEntries(archive, Collections.list(zip.getEntries()), limits);
            String prefix = rootPrefix(byName.keySet());
            Map<String, ZipArchiveEntry> files = new HashMap<>();
            byName.forEach((name, entry) -> files.put(name.substring(prefix.length()), entry));
            return new ZipStore(zip, prefix, files, limits);
        } catch (RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    private static Map<String, ZipArchiveEntry> checkEntries(String archive, List<ZipArchiveEntry> all,
            DatasetLimits limits) {
        if (all.size() > limits.maxEntries()) {
            throw new RejectedInputException(Kind.ARCHIVE, archive,
                    "holds " + all.size() + " entries, more than the limit of " + limits.maxEntries(),
                    "Split the dataset or ask the operator to raise the limit");
        }
        Map<String, ZipArchiveEntry> files = new TreeMap<>();
        Set<String> seen = new TreeSet<>();
        long total = 0;
        for (ZipArchiveEntry entry : all) {
            String name = entry.getName();
            String where = archive + " entry " + name;
            checkName(where, name);
            if (!seen.add(name)) {
                throw new RejectedInputException(Kind.ARCHIVE, where, "appears twice in the archive",
                        "Pack each file once");
            }
            if (entry.isUnixSymlink()) {
                throw new RejectedInputException(Kind.ARCHIVE, where, "is a symbolic link",
                        "Pack the files themselves, not links to them");
            }
            if (entry.isDirectory() || name.startsWith(MAC_FORKS)) {
                continue;
            }
            int fileType = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & 0170000 : 0;
            if (fileType != 0 && fileType != 0100000) {
                throw new RejectedInputException(Kind.ARCHIVE, where, "is not a regular file",
                        "Pack only regular files and folders");
            }
            long size = entry.getSize();
            if (size > limits.maxEntryBytes()) {
                throw new RejectedInputException(Kind.ARCHIVE, where,
                        "declares " + size + " bytes, more than the limit of " + limits.maxEntryBytes(),
                        "Remove the file or shrink it below the limit");
            }
            checkRatio(where, size, entry.getCompressedSize(), limits);
            total += Math.max(size, 0);
            if (total > limits.maxTotalBytes()) {
                throw new RejectedInputException(Kind.ARCHIVE, archive,
                        "inflates to more than " + limits.maxTotalBytes() + " bytes in total, the limit",
                        "Split the dataset or ask the operator to raise the limit");
            }
            files.put(name, entry);
        }
        return files;
    }

    private static void checkName(String where, String name) {
        String problem = null;
        if (name.indexOf('\\') >= 0) {
            problem = "has a backslash in its path";
        } else if (name.startsWith("/")) {
            problem = "has an absolute path";
        } else if (DRIVE.matcher(name).matches()) {
            problem = "has a drive letter in its path";
        } else if (name.indexOf('\0') >= 0) {
            problem = "has a NUL character in its path";
        } else {
            for (String segment : name.split("/", -1)) {
                if (segment.equals("..")) {
                    problem = "climbs out of the archive with '..'";
                    break;
                }
            }
        }
        if (problem != null) {
            throw new RejectedInputException(Kind.ARCHIVE, where, problem,
                    "Pack the dataset with relative paths that use '/' and stay inside the archive");
        }
    }

    private static void checkRatio(String where, long inflated, long compressed, DatasetLimits limits) {
        if (inflated > SiteDataset.RATIO_CHECK_MIN_BYTES && compressed > 0
                && inflated > compressed * limits.maxCompressionRatio()) {
            throw new RejectedInputException(Kind.ARCHIVE, where,
                    String.format(Locale.ROOT,
                            "inflates %d compressed bytes to at least %d bytes, a ratio above the limit of %.0f",
                            compressed, inflated, limits.maxCompressionRatio()),
                    "Remove the entry; images do not compress that well, so this looks like a decompression bomb");
        }
    }

    /** The folder holding manifest.csv: the root, or a single top-level folder that holds it. */
    private static String rootPrefix(Set<String> names) {
        if (names.contains("manifest.csv")) {
            return "";
        }
        Set<String> tops = new TreeSet<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            tops.add(slash < 0 ? name : name.substring(0, slash + 1));
        }
        if (tops.size() == 1) {
            String top = tops.iterator().next();
            if (top.endsWith("/") && names.contains(top + "manifest.csv")) {
                return top;
            }
        }
        return "";
    }

    private static void closeQuietly(ZipFile zip, RuntimeException failure) {
        try {
            zip.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public Set<String> files() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    @Override
    public String displayPath(String path) {
        return prefix + path;
    }

    @Override
    public String describe(String path) {
        return "archive entry " + prefix + path;
    }

    @Override
    public byte[] read(String path, long maxBytes) {
        ZipArchiveEntry entry = entries.get(path);
        if (entry == null) {
            throw new IllegalArgumentException("not a file of this dataset: " + path);
        }
        String where = describe(path);
        long declared = entry.getSize();
        long compressed = entry.getCompressedSize();
        synchronized (zip) {
            try (InputStream in = zip.getInputStream(entry)) {
                return BoundedReader.readAll(in, maxBytes, Kind.ARCHIVE, where, bytes -> {
                    if (declared >= 0 && bytes > declared) {
                        throw new RejectedInputException(Kind.ARCHIVE, where,
                                "inflates to more than the " + declared + " bytes its header declares",
                                "Remove the entry; a header that lies about its size is a sign of a decompression bomb");
                    }
                    checkRatio(where, bytes, compressed, limits);
                });
            } catch (IOException e) {
                throw new RejectedInputException(Kind.ARCHIVE, where, "cannot be inflated (" + e.getMessage() + ")",
                        "Pack the dataset again; the archive is damaged", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the archive", e);
        }
    }
}
