package org.auditgate.engine.training;

/**
 * Early stopping on validation AUROC, as the paper's code (patience 5, min_delta 0.01, stop at
 * ≥ 0.98).
 *
 * <p>Exact rule, per epoch with validation AUROC {@code a}: the reference {@code best} starts at
 * −∞; if {@code a > best + minDelta} then {@code best = a} and the counter resets to 0, else the
 * counter increments. Training stops after this epoch when the counter is ≥ {@code patience}, or
 * when {@code a ≥ stopAt}. (Which epoch's weights are kept is a separate rule: the highest AUROC,
 * first on ties; see {@link HeadTrainer}.)
 */
public final class EarlyStopping {

    private final int patience;
    private final double minDelta;
    private final double stopAt;
    private double best = Double.NEGATIVE_INFINITY;
    private int counter;

    public EarlyStopping(int patience, double minDelta, double stopAt) {
        this.patience = patience;
        this.minDelta = minDelta;
        this.stopAt = stopAt;
    }

    /** Records one epoch's validation AUROC; true when training should stop after this epoch. */
    public boolean step(double auroc) {
        if (auroc > best + minDelta) {
            best = auroc;
            counter = 0;
        } else {
            counter++;
        }
        return counter >= patience || auroc >= stopAt;
    }
}
