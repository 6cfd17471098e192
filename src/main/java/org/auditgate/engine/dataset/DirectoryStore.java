package org.auditgate.engine.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/** A dataset unpacked in a directory. Symbolic links anywhere below the root are refused. */
final class DirectoryStore implements DatasetStore {

    private final Path root;
    private final Set<String> files;

    private DirectoryStore(Path root, Set<String> files) {
        this.root = root;
        this.files = Collections.unmodifiableSet(files);
    }

    static DirectoryStore open(Path directory, DatasetLimits limits) {
        Path root;
        try {
            root = directory.toRealPath();
        } catch (IOException e) {
            throw new RejectedInputException(Kind.DATASET, directory.toString(), "cannot be opened: " + e.getMessage(),
                    "Check that the folder exists and is readable", e);
        }
        Set<String> files = new TreeSet<>();
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(root, file);
                    if (attrs.isSymbolicLink()) {
                        throw new RejectedInputException(Kind.DATASET, "file " + rel, "is a symbolic link",
                                "Replace links by the files themselves; datasets may not point outside their folder");
                    }
                    if (!attrs.isRegularFile()) {
                        throw new RejectedInputException(Kind.DATASET, "file " + rel,
                                "is neither a regular file nor a folder", "Remove it from the dataset");
                    }
                    if (files.size() >= limits.maxEntries()) {
                        throw new RejectedInputException(Kind.DATASET, directory.getFileName().toString(),
                                "holds more than " + limits.maxEntries() + " files, the limit",
                                "Split the dataset or ask the operator to raise the limit");
                    }
                    if (attrs.size() > limits.maxEntryBytes()) {
                        throw new RejectedInputException(Kind.DATASET, "file " + rel,
                                "holds " + attrs.size() + " bytes, more than the limit of " + limits.maxEntryBytes(),
                                "Remove the file or shrink it below the limit");
                    }
                    total[0] += attrs.size();
                    if (total[0] > limits.maxTotalBytes()) {
                        throw new RejectedInputException(Kind.DATASET, directory.getFileName().toString(),
                                "holds more than " + limits.maxTotalBytes() + " bytes in total, the limit",
                                "Split the dataset or ask the operator to raise the limit");
                    }
                    files.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new RejectedInputException(Kind.DATASET, directory.getFileName().toString(),
                    "cannot be read: " + e.getMessage(), "Check the folder's permissions", e);
        }
        return new DirectoryStore(root, files);
    }

    private static String relative(Path root, Path file) {
        StringBuilder text = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (text.length() > 0) {
                text.append('/');
            }
            text.append(part);
        }
        return text.toString();
    }

    @Override
    public Set<String> files() {
        return files;
    }

    @Override
    public String displayPath(String path) {
        return path;
    }

    @Override
    public String describe(String path) {
        return "file " + path;
    }

    @Override
    public byte[] read(String path, long maxBytes) {
        if (!files.contains(path)) {
            throw new IllegalArgumentException("not a file of this dataset: " + path);
        }
        Path file = root.resolve(path);
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return BoundedReader.readAll(in, maxBytes, Kind.DATASET, describe(path), bytes -> { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + describe(path), e);
        }
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
