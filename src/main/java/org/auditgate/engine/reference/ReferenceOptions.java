package org.auditgate.engine.reference;

import org.auditgate.engine.onnx.RuntimeOptions;

import java.util.Objects;

/**
 * How to run the reference comparison (DESIGN §4).
 *
 * @param seeds paired seeds per arm (seed indices 1..seeds; index 0 is reserved for the view bank)
 * @param bankViews K, the training views drawn once per training image and arm in {@link ViewMode#BANK bank}
 *     mode (validated but unused in {@link ViewMode#EXACT exact} mode)
 * @param batchSize images per backbone pass, 1..4096
 * @param threads worker threads for decoding, building views and training heads; results do not depend on it
 * @param runtime device and threads of ONNX Runtime
 * @param viewMode how training views reach the heads (DESIGN §4 "Views")
 */
public record ReferenceOptions(int seeds, int bankViews, int batchSize, int threads, RuntimeOptions runtime,
        ViewMode viewMode) {

    /** @throws IllegalArgumentException when a count is out of range */
    public ReferenceOptions {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(viewMode, "viewMode");
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, not " + seeds);
        }
        if (bankViews < 1) {
            throw new IllegalArgumentException("bankViews must be at least 1, not " + bankViews);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batch size must be between 1 and 4096, not " + batchSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    /** Options in {@link ViewMode#BANK bank} mode. */
    public ReferenceOptions(int seeds, int bankViews, int batchSize, int threads, RuntimeOptions runtime) {
        this(seeds, bankViews, batchSize, threads, runtime, ViewMode.BANK);
    }

    /** 31 seeds, K = 16, batches of 32, one thread per core, CPU inference, bank mode (the paper's seed count, DESIGN §4). */
    public static ReferenceOptions defaults() {
        return new ReferenceOptions(31, 16, 32, Runtime.getRuntime().availableProcessors(), RuntimeOptions.cpu());
    }

    /** These options with another number of seeds. */
    public ReferenceOptions withSeeds(int seeds) {
        return new ReferenceOptions(seeds, bankViews, batchSize, threads, runtime, viewMode);
    }

    /** These options with another K. */
    public ReferenceOptions withBankViews(int bankViews) {
        return new ReferenceOptions(seeds, bankViews, batchSize, threads, runtime, viewMode);
    }

    /** These options with another pool size. */
    public ReferenceOptions withThreads(int threads) {
        return new ReferenceOptions(seeds, bankViews, batchSize, threads, runtime, viewMode);
    }

    /** These options with another view mode. */
    public ReferenceOptions withViewMode(ViewMode viewMode) {
        return new ReferenceOptions(seeds, bankViews, batchSize, threads, runtime, viewMode);
    }
}
