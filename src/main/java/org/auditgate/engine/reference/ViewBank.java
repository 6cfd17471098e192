package org.auditgate.engine.reference;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.Sha256;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.ImageDecoder;
import org.auditgate.engine.image.ImageLimits;
import org.auditgate.engine.image.Preprocessor;
import org.auditgate.engine.onnx.InferenceSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The bank of DESIGN §4 "Views": for every training image i, arm a and view v in 0..K−1, the
 * backbone features of {@code views.view(resized_i, new StreamKey(auditSeed, a, 0, v, i))}. Seed
 * index 0 is reserved for the bank; the heads use seed indices 1..S, so no head stream ever
 * coincides with a view stream.
 *
 * <p>Each image is decoded and resized once; views are drawn and turned into tensors on the pool,
 * one batch ahead of the backbone. Rows are laid out {@code [image][view][F]} per arm. The views
 * depend only on the images, the audit seed and K; the order of the backbone's batches is fixed,
 * so the rows never depend on the pool size.
 */
final class ViewBank {

    private final float[][] rows;
    private final int images;
    private final int views;
    private final int dimension;

    ViewBank(float[][] rows, int images, int views, int dimension) {
        this.rows = rows;
        this.images = images;
        this.views = views;
        this.dimension = dimension;
    }

    /** The per-arm rows {@code [image][view][F]}; not copied, do not modify. */
    float[] rows(Arm arm) {
        return rows[arm.ordinal()];
    }

    int images() {
        return images;
    }

    int views() {
        return views;
    }

    int dimension() {
        return dimension;
    }

    /**
     * What one bank block depends on besides the model and the image, for the {@link FeatureCache};
     * {@code backbone} describes the view settings, input spec and feature tensor.
     */
    static String description(String backbone, long auditSeed, Arm arm, int image, int views) {
        return "bank views 0.." + (views - 1) + ", stream (auditSeed " + auditSeed + ", arm "
                + arm.cliName() + ", seed index 0, view v, image " + image + "); " + backbone;
    }

    /** One (image, arm, view) to embed. */
    private record Item(int image, Arm arm, int view) {
    }

    static ViewBank build(SiteDataset dataset, List<DatasetEntry> train, TrainingViews views, Preprocessor preprocessor,
                          InferenceSession session, String output, String backbone, String modelSha256, long auditSeed,
                          int k, int batchSize, ExecutorService pool, FeatureCache cache, Progress progress) {
        int n = train.size();
        List<Future<byte[]>> reads = new ArrayList<>(n);
        for (DatasetEntry e : train) {
            reads.add(pool.submit(() -> dataset.read(e)));
        }
        List<String> hashes = new ArrayList<>(n);
        for (Future<byte[]> f : reads) {
            hashes.add(Sha256.hex(await(f)));
        }
        float[][] cached = new float[Arm.values().length * n][];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Arm arm : Arm.values()) {
                FeatureCache.Key key = new FeatureCache.Key(modelSha256, hashes.get(i), description(backbone, auditSeed, arm, i, k));
                float[] hit = cache.get(key).orElse(null);
                cached[arm.ordinal() * n + i] = hit;
                if (hit == null) {
                    for (int v = 0; v < k; v++) {
                        items.add(new Item(i, arm, v));
                    }
                }
            }
        }
        int size = views.size();
        int stride = 3 * size * size;
        ConcurrentHashMap<Integer, GreyImage> resized = new ConcurrentHashMap<>();
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        float[][] buffers = {new float[batchSize * stride], new float[batchSize * stride]};
        int batches = (items.size() + batchSize - 1) / batchSize;
        float[][] bank = null;
        int dimension = -1;
        List<Future<?>> pending = batches == 0 ? List.of()
                : submit(items, 0, batchSize, buffers[0], stride, pool, resized, dataset, train, decoder, views, preprocessor, auditSeed);
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int count = Math.min(batchSize, items.size() - from);
            pending.forEach(ViewBank::await);
            pending = b + 1 < batches
                    ? submit(items, from + batchSize, batchSize, buffers[(b + 1) % 2], stride, pool, resized, dataset, train,
                            decoder, views, preprocessor, auditSeed)
                    : List.of();
            float[] out = session.run(buffers[b % 2], new long[] {count, 3, size, size}, Set.of(output)).get(output);
            if (bank == null) {
                dimension = out.length / count;
                bank = new float[Arm.values().length][n * k * dimension];
            }
            for (int r = 0; r < count; r++) {
                Item item = items.get(from + r);
                System.arraycopy(out, r * dimension, bank[item.arm().ordinal()], (item.image() * k + item.view()) * dimension, dimension);
                boolean lastOfImage = from + r + 1 == items.size() || items.get(from + r + 1).image() != item.image();
                if (lastOfImage) {
                    resized.remove(item.image());
                }
                if (item.view() == k - 1) {
                    float[] block = java.util.Arrays.copyOfRange(bank[item.arm().ordinal()], item.image() * k * dimension,
                            (item.image() + 1) * k * dimension);
                    cache.put(new FeatureCache.Key(modelSha256, hashes.get(item.image()),
                            description(backbone, auditSeed, item.arm(), item.image(), k)), block);
                }
            }
            progress.update("computing training views", from + count, items.size());
        }
        for (int c = 0; c < cached.length; c++) {
            if (cached[c] == null) {
                continue;
            }
            if (bank == null) {
                dimension = cached[c].length / k;
                bank = new float[Arm.values().length][n * k * dimension];
            }
            if (cached[c].length != k * dimension) {
                throw new IllegalStateException("cached bank features have " + cached[c].length + " values, expected " + k * dimension);
            }
            System.arraycopy(cached[c], 0, bank[c / n], (c % n) * k * dimension, k * dimension);
        }
        if (bank == null) {
            throw new IllegalArgumentException("no training images to build views from");
        }
        return new ViewBank(bank, n, k, dimension);
    }

    private static List<Future<?>> submit(List<Item> items, int from, int batchSize, float[] buffer, int stride,
                                          ExecutorService pool, ConcurrentHashMap<Integer, GreyImage> resized,
                                          SiteDataset dataset, List<DatasetEntry> train, ImageDecoder decoder,
                                          TrainingViews views, Preprocessor preprocessor, long auditSeed) {
        int count = Math.min(batchSize, items.size() - from);
        List<Future<?>> futures = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Item item = items.get(from + r);
            int offset = r * stride;
            futures.add(pool.submit(() -> {
                GreyImage image = resized.computeIfAbsent(item.image(),
                        i -> views.resize(decode(decoder, dataset, train.get(i))));
                GreyImage view = views.view(image, new StreamKey(auditSeed, item.arm(), 0, item.view(), item.image())).image();
                preprocessor.writeTensor(view, buffer, offset);
            }));
        }
        return futures;
    }

    private static GreyImage decode(ImageDecoder decoder, SiteDataset dataset, DatasetEntry entry) {
        try {
            return decoder.decode(dataset.read(entry), entry.path());
        } catch (RejectedInputException e) {
            throw new RejectedInputException(e.kind(), e.where() + " (manifest.csv line " + entry.line() + ")",
                    e.problem(), e.remedy(), e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the reference comparison", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
