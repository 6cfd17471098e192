package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.augment.StreamKey;
import org.auditgate.engine.training.EpochFeatures;

/**
 * The training rows one head sees in bank mode: in epoch e, training image i contributes view
 * {@code new StreamKey(auditSeed, arm, seed, e, i).rng().nextInt(K)} of its bank. The choices are
 * drawn up front for every epoch the trainer may run, so {@link #copy} allocates nothing.
 */
final class BankEpochFeatures implements EpochFeatures {

    private final float[] rows;
    private final int dimension;
    private final int views;
    private final int images;
    private final int[] choice;

    BankEpochFeatures(ViewBank bank, Arm arm, long auditSeed, int seed, int maxEpochs) {
        this.rows = bank.rows(arm);
        this.dimension = bank.dimension();
        this.views = bank.views();
        this.images = bank.images();
        this.choice = new int[maxEpochs * images];
        for (int e = 0; e < maxEpochs; e++) {
            for (int i = 0; i < images; i++) {
                choice[e * images + i] = new StreamKey(auditSeed, arm, seed, e, i).rng().nextInt(views);
            }
        }
    }

    /** The view of {@code image} used in {@code epoch}. */
    int view(int epoch, int image) {
        return choice[epoch * images + image];
    }

    @Override
    public void copy(int epoch, int image, float[] destination, int offset) {
        int view = choice[epoch * images + image];
        System.arraycopy(rows, (image * views + view) * dimension, destination, offset, dimension);
    }
}
