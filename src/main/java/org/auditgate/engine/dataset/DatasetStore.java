package org.auditgate.engine.dataset;

import java.util.Set;

/**
 * Where a dataset's files live: a directory or a zip archive. Paths are relative to the folder that
 * holds {@code manifest.csv}, with {@code /} separators.
 */
interface DatasetStore extends AutoCloseable {

    /** Every regular file of the dataset (relative paths). */
    Set<String> files();

    /** The path as the uploader sees it, e.g. {@code site/manifest.csv} inside a zip with a top folder. */
    String displayPath(String path);

    /** How messages name a file of this store, e.g. {@code "archive entry site/a.png"}. */
    String describe(String path);

    /**
     * The bytes of one file, rejecting it once more than {@code maxBytes} have actually been read.
     *
     * @throws org.auditgate.engine.RejectedInputException when a limit is exceeded
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    byte[] read(String path, long maxBytes);

    @Override
    void close();
}
