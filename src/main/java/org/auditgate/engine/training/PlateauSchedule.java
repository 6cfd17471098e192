package org.auditgate.engine.training;

/**
 * PyTorch's {@code ReduceLROnPlateau(mode='max', threshold_mode='rel', cooldown=0, min_lr=0)},
 * stepped once per epoch with the validation AUROC.
 *
 * <p>Rule: a metric is better when {@code metric > best·(1 + threshold)} (best starts at −∞); a
 * better metric becomes best and clears the bad-epoch count, anything else adds one; when the
 * count exceeds {@code patience}, the rate becomes {@code rate·factor} (only if that lowers it by
 * more than 1e-8, PyTorch's {@code eps}) and the count is cleared.
 */
public final class PlateauSchedule {

    /** PyTorch's default threshold. */
    public static final double THRESHOLD = 1e-4;
    private static final double EPS = 1e-8;

    private final int patience;
    private final double factor;
    private double rate;
    private double best = Double.NEGATIVE_INFINITY;
    private int badEpochs;

    /** @param initialRate the optimiser's starting learning rate */
    public PlateauSchedule(double initialRate, int patience, double factor) {
        this.rate = initialRate;
        this.patience = patience;
        this.factor = factor;
    }

    /** Records one epoch's metric and returns the learning rate for the next epoch. */
    public double step(double metric) {
        if (metric > best * (1 + THRESHOLD)) {
            best = metric;
            badEpochs = 0;
        } else {
            badEpochs++;
        }
        if (badEpochs > patience) {
            double lowered = rate * factor;
            if (rate - lowered > EPS) {
                rate = lowered;
            }
            badEpochs = 0;
        }
        return rate;
    }

    /** The current learning rate. */
    public double rate() {
        return rate;
    }
}
