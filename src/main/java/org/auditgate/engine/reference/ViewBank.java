package org.auditgate.engine.reference;

import org.auditgate.engine.Futures;
import org.auditgate.engine.Sha256;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.ImageBatches;
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

    /**
     * The backbone the views run through.
     *
     * @param session the session on the graph with the feature tensor exposed
     * @param output the name of the feature output
     * @param modelSha256 the vendor model's hash, for the cache
     * @param description the view settings, input spec and feature tensor, for the cache
     */
    record Backbone(InferenceSession session, String output, String modelSha256, String description) {
    }

    /**
     * Builds the bank: every (image, arm) block of K rows is taken from the cache when there, else
     * embedded and stored in it.
     */
    static ViewBank build(SiteDataset dataset, List<DatasetEntry> train, TrainingViews views, Preprocessor preprocessor,
                          Backbone backbone, long auditSeed, int k, int batchSize, ExecutorService pool, FeatureCache cache,
                          Progress progress) {
        int n = train.size();
        List<Future<byte[]>> reads = new ArrayList<>(n);
        for (DatasetEntry e : train) {
            reads.add(pool.submit(() -> dataset.read(e)));
        }
        List<String> hashes = reads.stream().map(f -> Sha256.hex(Futures.await(f, "reading training images"))).toList();
        List<FeatureCache.Key> keys = new ArrayList<>(2 * n);
        for (Arm arm : Arm.values()) {
            for (int i = 0; i < n; i++) {
                keys.add(new FeatureCache.Key(backbone.modelSha256(), hashes.get(i),
                        description(backbone.description(), auditSeed, arm, i, k)));
            }
        }
        float[][] blocks = new float[keys.size()][];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Arm arm : Arm.values()) {
                int block = arm.ordinal() * n + i;
                blocks[block] = cache.get(keys.get(block)).orElse(null);
                if (blocks[block] == null) {
                    for (int v = 0; v < k; v++) {
                        items.add(new Item(i, arm, v));
                    }
                }
            }
        }
        new Embedder(dataset, train, views, preprocessor, auditSeed, pool)
                .embed(items, backbone, k, batchSize, n, blocks, keys, cache, progress);
        return assemble(blocks, n, k);
    }

    private static ViewBank assemble(float[][] blocks, int n, int k) {
        if (n == 0) {
            throw new IllegalArgumentException("no training images to build views from");
        }
        int dimension = blocks[0].length / k;
        float[][] rows = new float[Arm.values().length][n * k * dimension];
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b].length != k * dimension) {
                throw new IllegalStateException("bank blocks of different sizes: " + blocks[b].length + " and " + k * dimension);
            }
            System.arraycopy(blocks[b], 0, rows[b / n], (b % n) * k * dimension, k * dimension);
        }
        return new ViewBank(rows, n, k, dimension);
    }

    /** Draws views on the pool, one batch ahead of the backbone, decoding each image once. */
    private static final class Embedder {

        private final SiteDataset dataset;
        private final List<DatasetEntry> train;
        private final TrainingViews views;
        private final Preprocessor preprocessor;
        private final long auditSeed;
        private final ExecutorService pool;
        private final ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        private final ConcurrentHashMap<Integer, GreyImage> resized = new ConcurrentHashMap<>();

        Embedder(SiteDataset dataset, List<DatasetEntry> train, TrainingViews views, Preprocessor preprocessor, long auditSeed,
                 ExecutorService pool) {
            this.dataset = dataset;
            this.train = train;
            this.views = views;
            this.preprocessor = preprocessor;
            this.auditSeed = auditSeed;
            this.pool = pool;
        }

        /** Embeds the items (ordered by image) into {@code blocks[arm · n + image]} and caches each finished block. */
        void embed(List<Item> items, Backbone backbone, int k, int batchSize, int n, float[][] blocks,
                   List<FeatureCache.Key> keys, FeatureCache cache, Progress progress) {
            int size = views.size();
            int stride = 3 * size * size;
            float[][] buffers = {new float[batchSize * stride], new float[batchSize * stride]};
            int batches = (items.size() + batchSize - 1) / batchSize;
            List<Future<?>> pending = batches == 0 ? List.of() : submit(items, 0, batchSize, buffers[0], stride);
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int count = Math.min(batchSize, items.size() - from);
                pending.forEach(f -> Futures.await(f, "computing training views"));
                pending = b + 1 < batches ? submit(items, from + batchSize, batchSize, buffers[(b + 1) % 2], stride) : List.of();
                float[] out = backbone.session().run(buffers[b % 2], new long[] {count, 3, size, size},
                        Set.of(backbone.output())).get(backbone.output());
                int dimension = out.length / count;
                for (int r = 0; r < count; r++) {
                    Item item = items.get(from + r);
                    int block = item.arm().ordinal() * n + item.image();
                    if (blocks[block] == null) {
                        blocks[block] = new float[k * dimension];
                    }
                    System.arraycopy(out, r * dimension, blocks[block], item.view() * dimension, dimension);
                    if (from + r + 1 == items.size() || items.get(from + r + 1).image() != item.image()) {
                        resized.remove(item.image());
                    }
                    if (item.view() == k - 1) {
                        cache.put(keys.get(block), blocks[block]);
                    }
                }
                progress.update("computing training views", from + count, items.size());
            }
        }

        private List<Future<?>> submit(List<Item> items, int from, int batchSize, float[] buffer, int stride) {
            int count = Math.min(batchSize, items.size() - from);
            List<Future<?>> futures = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                Item item = items.get(from + r);
                int offset = r * stride;
                futures.add(pool.submit(() -> {
                    GreyImage image = resized.computeIfAbsent(item.image(),
                            i -> views.resize(ImageBatches.decode(decoder, dataset.read(train.get(i)), train.get(i))));
                    GreyImage view = views.view(image, new StreamKey(auditSeed, item.arm(), 0, item.view(), item.image())).image();
                    preprocessor.writeTensor(view, buffer, offset);
                }));
            }
            return futures;
        }
    }

}
