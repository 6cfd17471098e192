package org.auditgate.engine.dataset;

/**
 * Bounds that keep a hostile or broken upload from exhausting memory or disk.
 *
 * @param maxEntries most files (directory) or archive entries (zip) a dataset may hold
 * @param maxEntryBytes most bytes one file may hold once inflated; also bounds {@code manifest.csv}
 * @param maxTotalBytes most bytes all files together may hold once inflated
 * @param maxCompressionRatio highest inflated-to-compressed size ratio of a zip entry; checked for
 *     entries that inflate beyond {@link SiteDataset#RATIO_CHECK_MIN_BYTES}, where small files of
 *     repeated text would otherwise trip it
 */
public record DatasetLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxCompressionRatio) {

    /** Rejects limits that are not positive. */
    public DatasetLimits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || !(maxCompressionRatio > 0)) {
            throw new IllegalArgumentException("dataset limits must be positive: " + maxEntries + ", "
                    + maxEntryBytes + ", " + maxTotalBytes + ", " + maxCompressionRatio);
        }
    }

    /** 200,000 entries, 256 MiB per entry, 32 GiB in total, compression ratio 100. */
    public static DatasetLimits defaults() {
        return new DatasetLimits(200_000, 256L << 20, 32L << 30, 100.0);
    }
}
