package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.Preprocessor;
import org.auditgate.engine.training.EpochFeatures;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The training rows one head sees in {@link ViewMode#EXACT exact} mode: in epoch e, training image
 * i contributes the backbone's features of the fresh view
 * {@code views.view(resized_i, new StreamKey(auditSeed, arm, seed, e, i))}. The seed index is that
 * of the head (1..S), so these streams never coincide with the bank's (seed index 0) nor with the
 * head's own stream (image index {@code Integer.MAX_VALUE}).
 *
 * <p>On the first {@link #copy} of a new epoch, all N views of that epoch are drawn and embedded in
 * batches of {@code batchSize}, in image order, on the calling (training) thread; later calls of the
 * epoch copy from that buffer. The batches depend only on N and the batch size, so the rows do not
 * depend on the pool size or on which thread trains the head. Unlike {@link EpochFeatures}'
 * general contract, the first call of an epoch allocates (the backbone's output). The backbone
 * session is shared by all heads and must stay open while they train.
 */
final class ExactEpochFeatures implements EpochFeatures {

    private final List<GreyImage> resized;
    private final TrainingViews views;
    private final Preprocessor preprocessor;
    private final ViewBank.Backbone backbone;
    private final Arm arm;
    private final long auditSeed;
    private final int seed;
    private final int batchSize;
    private final int dimension;
    private final float[] rows;
    private final float[] input;
    private int epoch = -1;

    /**
     * @param resized the training images, decoded and resized (shorter side = the views' size), in training order
     * @param seed the head's seed index, at least 1
     * @param dimension F, the backbone's feature width
     */
    ExactEpochFeatures(List<GreyImage> resized, TrainingViews views, Preprocessor preprocessor, ViewBank.Backbone backbone,
                       Arm arm, long auditSeed, int seed, int batchSize, int dimension) {
        if (seed < 1) {
            throw new IllegalArgumentException("exact views use head seed indices 1..S (0 is the bank's), not " + seed);
        }
        if (batchSize < 1 || dimension < 1) {
            throw new IllegalArgumentException("batch size and dimension must be positive");
        }
        this.resized = List.copyOf(resized);
        this.views = Objects.requireNonNull(views, "views");
        this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.arm = Objects.requireNonNull(arm, "arm");
        this.auditSeed = auditSeed;
        this.seed = seed;
        this.batchSize = batchSize;
        this.dimension = dimension;
        this.rows = new float[this.resized.size() * dimension];
        int size = views.size();
        this.input = new float[Math.min(batchSize, Math.max(1, this.resized.size())) * 3 * size * size];
    }

    /** The stream of image {@code image}'s view in epoch {@code epoch}. */
    StreamKey key(int epoch, int image) {
        return new StreamKey(auditSeed, arm, seed, epoch, image);
    }

    @Override
    public synchronized void copy(int epoch, int image, float[] destination, int offset) {
        if (epoch != this.epoch) {
            embed(epoch);
            this.epoch = epoch;
        }
        System.arraycopy(rows, image * dimension, destination, offset, dimension);
    }

    /** Draws and embeds the N views of {@code epoch} into {@link #rows}. */
    private void embed(int epoch) {
        int n = resized.size();
        int size = views.size();
        int stride = 3 * size * size;
        for (int from = 0; from < n; from += batchSize) {
            int count = Math.min(batchSize, n - from);
            for (int r = 0; r < count; r++) {
                GreyImage view = views.view(resized.get(from + r), key(epoch, from + r)).image();
                preprocessor.writeTensor(view, input, r * stride);
            }
            float[] out = backbone.session().run(input, new long[] {count, 3, size, size}, Set.of(backbone.output()))
                    .get(backbone.output());
            if (out.length != count * dimension) {
                throw new IllegalStateException("the backbone gave " + out.length + " values for " + count
                        + " training views, expected " + count + " × " + dimension);
            }
            System.arraycopy(out, 0, rows, from * dimension, count * dimension);
        }
    }
}
