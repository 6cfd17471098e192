package org.auditgate.engine.training;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.metrics.Auroc;

import java.util.Arrays;

/**
 * Trains the classification head on frozen features as the paper's code does (DESIGN §4 "Head"):
 * BCE with logits, Adam, batches from a shuffled order, ReduceLROnPlateau and early stopping on
 * validation AUROC, and the best epoch's weights kept.
 *
 * <p>Per epoch e (0-based): the training order is reset to 0…N−1 and shuffled with Fisher–Yates
 * ({@code for i = N−1 … 1: swap(i, rng.nextInt(i + 1))}); consecutive runs of {@code batchSize}
 * images of it form the batches, except that a last batch of one image (which PyTorch's
 * BatchNorm refuses) is merged into the batch before it; for each batch, with dropout on, the
 * keep mask is drawn row by row, H units per row, a unit kept when {@code rng.nextDouble() < 1−p};
 * then one {@link HeadStep} and one {@link Adam} step at the current learning rate. After the
 * epoch the head is evaluated on the validation rows and AUROC is taken on its logits (the same
 * ranking as the sigmoid scores, without float saturation ties). The epoch with the highest
 * validation AUROC, the first on ties, is kept. Then the {@link PlateauSchedule} sets the next
 * epoch's rate and {@link EarlyStopping} decides whether to stop (at most {@code maxEpochs}).
 *
 * <p>All randomness comes from the given {@code rng}: first the initial weights
 * ({@link HeadModel#initialise}), then per epoch the shuffle and the masks, in that order. Same
 * inputs and the same seed give bit-identical results, whatever the number of threads: the
 * threads only split the hidden units of the layer-1 kernels between them (see {@link HeadStep}).
 */
public final class HeadTrainer {

    private final HeadConfig config;
    private final int threads;

    /** A trainer that runs on the calling thread only. */
    public HeadTrainer(HeadConfig config) {
        this(config, 1);
    }

    /**
     * A trainer whose layer-1 kernels run on {@code threads} threads (the caller and
     * {@code threads − 1} workers that each training run starts and stops); the results are the
     * same bits as with one thread.
     *
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public HeadTrainer(HeadConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    /** Threads a training run uses, the caller's included. */
    public int threads() {
        return threads;
    }

    /** The configuration this trainer uses. */
    public HeadConfig config() {
        return config;
    }

    /**
     * Trains one head.
     *
     * @param featureDimension F
     * @param train the feature row of each training image per epoch
     * @param trainLabels one label per training image (true = positive class); its length is N
     * @param valRows validation rows one after another, {@code valCount·F} floats
     * @param valCount validation images
     * @param valLabels their labels
     * @param rng the seeded random stream of this head
     * @throws RejectedInputException (kind DATASET) when the training set has fewer than two
     *         images or either set lacks a class
     */
    public TrainingResult train(int featureDimension, EpochFeatures train, boolean[] trainLabels,
            float[] valRows, int valCount, boolean[] valLabels, UniformRandomProvider rng) {
        if (valRows.length < (long) valCount * featureDimension || valLabels.length != valCount) {
            throw new IllegalArgumentException("validation rows or labels do not match valCount " + valCount);
        }
        requireBothClasses(valLabels, "validation set");
        try (Epochs epochs = start(featureDimension, train, trainLabels, rng)) {
            return train(epochs, valRows, valCount, valLabels);
        }
    }

    private TrainingResult train(Epochs epochs, float[] valRows, int valCount, boolean[] valLabels) {
        EarlyStopping stopping = new EarlyStopping(config.earlyStopPatience(), config.earlyStopMinDelta(), config.stopAt());
        PlateauSchedule schedule = new PlateauSchedule(config.learningRate(), config.plateauPatience(), config.plateauFactor());
        double[] aurocs = new double[config.maxEpochs()];
        double[] losses = new double[config.maxEpochs()];
        double[] logits = new double[valCount];
        HeadModel best = null;
        int bestEpoch = -1;
        int run = 0;
        while (run < config.maxEpochs()) {
            losses[run] = epochs.run(schedule.rate());
            epochs.model().logits(valRows, valCount, logits);
            double auroc = Auroc.of(logits, valLabels);
            aurocs[run] = auroc;
            if (best == null || auroc > aurocs[bestEpoch]) {
                if (best == null) {
                    best = epochs.model().copy();
                } else {
                    best.copyFrom(epochs.model());
                }
                bestEpoch = run;
            }
            run++;
            schedule.step(auroc);
            if (stopping.step(auroc)) {
                break;
            }
        }
        return new TrainingResult(best, bestEpoch, Arrays.copyOf(aurocs, run),
                Arrays.copyOf(losses, run), run);
    }

    /**
     * Starts a training run without validation, early stopping or schedule: a freshly initialised
     * head (drawn from {@code rng}) whose epochs the caller runs one by one. Used by
     * {@link #train} and by benchmarks. With more than one thread the caller must
     * {@linkplain Epochs#close close} it to stop its worker threads.
     */
    public Epochs start(int featureDimension, EpochFeatures train, boolean[] trainLabels, UniformRandomProvider rng) {
        if (featureDimension < 1) {
            throw new IllegalArgumentException("feature dimension must be positive");
        }
        if (trainLabels.length < 2) {
            throw new RejectedInputException(RejectedInputException.Kind.DATASET, "training set",
                    "it has " + trainLabels.length + " images, and training needs at least 2",
                    "assign more images to the training split");
        }
        requireBothClasses(trainLabels, "training set");
        HeadModel model = HeadModel.initialise(featureDimension, config.hidden(), rng);
        return new Epochs(model, train, trainLabels, rng);
    }

    /**
     * The size of the next batch when {@code remaining} images of the epoch are left: {@code batch},
     * or all that remain, except that a last batch of one joins this one ({@code batch + 1}).
     */
    static int batchSize(int remaining, int batch) {
        int size = Math.min(batch, remaining);
        return remaining - size == 1 ? size + 1 : size;
    }

    private static void requireBothClasses(boolean[] labels, String where) {
        int positives = 0;
        for (boolean label : labels) {
            if (label) positives++;
        }
        if (positives == 0 || positives == labels.length) {
            throw new RejectedInputException(RejectedInputException.Kind.DATASET, where,
                    "it holds only " + (positives == 0 ? "negative" : "positive") + " images, so AUROC and training are undefined",
                    "assign images of both classes to it (check the split fractions and the class sources)");
        }
    }

    /** A head being trained epoch by epoch; holds all work buffers, so an epoch allocates nothing. */
    public final class Epochs implements AutoCloseable {

        private final HeadModel model;
        private final EpochFeatures features;
        private final boolean[] labels;
        private final UniformRandomProvider rng;
        private final HeadStep step;
        private final Adam adam;
        private final Workers workers;
        private final int[] order;
        private final boolean[] batchLabels;
        private final float[] mask;
        private int epoch;

        private Epochs(HeadModel model, EpochFeatures features, boolean[] labels, UniformRandomProvider rng) {
            this.model = model;
            this.features = features;
            this.labels = labels;
            this.rng = rng;
            int maxBatch = config.batchSize() + 1;
            this.workers = new Workers(threads);
            this.step = new HeadStep(model, config.dropout(), maxBatch, workers);
            this.adam = new Adam(model);
            this.order = new int[labels.length];
            this.batchLabels = new boolean[maxBatch];
            this.mask = new float[maxBatch * model.hiddenUnits()];
        }

        /** The head as trained so far. */
        public HeadModel model() {
            return model;
        }

        /** Runs the next epoch at {@code learningRate}; returns its training loss (batch losses weighted by batch size, over N). */
        public double run(double learningRate) {
            int n = labels.length;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int batch = config.batchSize();
            int hidden = model.hiddenUnits();
            double keep = 1 - config.dropout();
            double lossSum = 0;
            int from = 0;
            while (from < n) {
                int size = batchSize(n - from, batch);
                for (int r = 0; r < size; r++) {
                    int image = order[from + r];
                    features.copy(epoch, image, step.row(r), 0);
                    batchLabels[r] = labels[image];
                }
                if (config.dropout() > 0) {
                    for (int u = 0; u < size * hidden; u++) {
                        mask[u] = rng.nextDouble() < keep ? 1f : 0f;
                    }
                }
                lossSum += step.forwardBackwardInPlace(size, batchLabels, mask) * size;
                adam.step(step, learningRate);
                from += size;
            }
            epoch++;
            return lossSum / n;
        }

        /** Stops the worker threads (none with one thread); the head stays readable. */
        @Override
        public void close() {
            workers.close();
        }
    }
}
