package org.auditgate.engine.evaluation;

import org.auditgate.engine.Futures;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.Sha256;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.image.Preprocessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads, decodes and preprocesses dataset images into model input batches (NCHW floats), on a
 * small pool of threads, one batch ahead of the consumer: while the model runs on batch b, the
 * pool prepares batch b + 1. Only two batches of tensors exist at any time, so memory is bounded
 * by the batch size, not the dataset. The tensors do not depend on the number of threads.
 */
public final class ImageBatches implements AutoCloseable {

    /** Receives one prepared batch; {@code input} is reused after the call returns. */
    @FunctionalInterface
    public interface Consumer {
        /**
         * @param from index of the batch's first entry in the list given to {@link #forEach}
         * @param n number of images in this batch
         * @param input n × 3 × size × size floats
         * @param sha256 the SHA-256 of each image file, in batch order
         */
        void accept(int from, int n, float[] input, List<String> sha256);
    }

    private final SiteDataset dataset;
    private final ImageDecoder decoder;
    private final Preprocessor preprocessor;
    private final int size;
    private final int batchSize;
    private final ExecutorService pool;

    public ImageBatches(SiteDataset dataset, InputSpec spec, ImageLimits limits, int batchSize, int threads) {
        this.dataset = dataset;
        this.decoder = new ImageDecoder(limits);
        this.preprocessor = new Preprocessor(spec);
        this.size = spec.size();
        this.batchSize = batchSize;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "auditgate-images");
            t.setDaemon(true);
            return t;
        });
    }

    /** The side of the square input. */
    public int size() {
        return size;
    }

    /** Prepares every entry, in order, batch by batch, and hands each batch to the consumer. */
    public void forEach(List<DatasetEntry> entries, Progress progress, String stage, Consumer consumer) {
        int stride = 3 * size * size;
        float[][] buffers = {new float[batchSize * stride], new float[batchSize * stride]};
        int batches = (entries.size() + batchSize - 1) / batchSize;
        List<Future<String>> pending = batches == 0 ? List.of() : submit(entries, 0, buffers[0], stride);
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int n = Math.min(batchSize, entries.size() - from);
            List<String> hashes = pending.stream().map(f -> Futures.await(f, "preparing images")).toList();
            pending = b + 1 < batches ? submit(entries, from + batchSize, buffers[(b + 1) % 2], stride) : List.of();
            consumer.accept(from, n, buffers[b % 2], hashes);
            progress.update(stage, from + n, entries.size());
        }
    }

    /** SHA-256 of each entry's file, computed on the pool, in the order of the entries. */
    public List<String> hashes(List<DatasetEntry> entries, Progress progress, String stage) {
        List<Future<String>> futures = new ArrayList<>(entries.size());
        for (DatasetEntry e : entries) {
            futures.add(pool.submit(() -> Sha256.hex(dataset.read(e))));
        }
        List<String> hashes = new ArrayList<>(entries.size());
        for (Future<String> f : futures) {
            hashes.add(Futures.await(f, "hashing images"));
            progress.update(stage, hashes.size(), entries.size());
        }
        return hashes;
    }

    private List<Future<String>> submit(List<DatasetEntry> entries, int from, float[] buffer, int stride) {
        int n = Math.min(batchSize, entries.size() - from);
        List<Future<String>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DatasetEntry entry = entries.get(from + i);
            int offset = i * stride;
            futures.add(pool.submit(() -> {
                byte[] bytes = dataset.read(entry);
                preprocessor.writeTensor(preprocessor.prepare(decode(decoder, bytes, entry)), buffer, offset);
                return Sha256.hex(bytes);
            }));
        }
        return futures;
    }

    /**
     * Decodes one dataset image; a rejection names the manifest line as well as the file, so the
     * uploader finds the row to fix.
     */
    public static GreyImage decode(ImageDecoder decoder, byte[] bytes, DatasetEntry entry) {
        try {
            return decoder.decode(bytes, entry.path());
        } catch (RejectedInputException e) {
            throw new RejectedInputException(e.kind(), e.where() + " (manifest.csv line " + entry.line() + ")",
                    e.problem(), e.remedy(), e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
