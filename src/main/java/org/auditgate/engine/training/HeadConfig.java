package org.auditgate.engine.training;

import org.auditgate.engine.RejectedInputException;

/**
 * Settings of the classification head and its training (DESIGN §4 "Head").
 *
 * @param hidden width of the hidden layer (the paper: 64)
 * @param dropout dropout probability in training mode, in [0, 1) (the paper: 0.5)
 * @param batchSize images per optimiser step (the paper: 32); at least 2, see {@link HeadTrainer}
 * @param learningRate Adam's initial learning rate (the paper: 1e-4)
 * @param maxEpochs most epochs to train (the paper: 50)
 * @param plateauPatience ReduceLROnPlateau patience in epochs (the paper: 5)
 * @param plateauFactor ReduceLROnPlateau factor (the paper: 0.1)
 * @param earlyStopPatience early-stopping patience in epochs (the paper: 5)
 * @param earlyStopMinDelta early-stopping least improvement of validation AUROC (the paper: 0.01)
 * @param stopAt stop as soon as validation AUROC reaches this (the paper: 0.98)
 */
public record HeadConfig(int hidden, double dropout, int batchSize, double learningRate, int maxEpochs,
        int plateauPatience, double plateauFactor, int earlyStopPatience, double earlyStopMinDelta,
        double stopAt) {

    /** @throws RejectedInputException (kind CONFIG) when a setting is out of range */
    public HeadConfig {
        check(hidden >= 1, "hidden", hidden, "use a positive width such as 64");
        check(dropout >= 0 && dropout < 1, "dropout", dropout, "use a probability in [0, 1) such as 0.5");
        check(batchSize >= 2, "batchSize", batchSize, "use at least 2 (BatchNorm needs two images); the paper uses 32");
        check(learningRate > 0 && Double.isFinite(learningRate), "learningRate", learningRate, "use a positive rate such as 1e-4");
        check(maxEpochs >= 1, "maxEpochs", maxEpochs, "use at least 1 epoch; the paper uses 50");
        check(plateauPatience >= 0, "plateauPatience", plateauPatience, "use 0 or more epochs; the paper uses 5");
        check(plateauFactor > 0 && plateauFactor < 1, "plateauFactor", plateauFactor, "use a factor in (0, 1) such as 0.1");
        check(earlyStopPatience >= 1, "earlyStopPatience", earlyStopPatience, "use at least 1 epoch; the paper uses 5");
        check(earlyStopMinDelta >= 0, "earlyStopMinDelta", earlyStopMinDelta, "use 0 or more; the paper uses 0.01");
        check(stopAt > 0, "stopAt", stopAt, "use an AUROC such as 0.98, or above 1 to never stop early on it");
    }

    /** The settings of the paper's code: 64 hidden, dropout 0.5, batch 32, lr 1e-4, 50 epochs, plateau 5 × 0.1, early stop 5 / 0.01 / 0.98. */
    public static HeadConfig paper() {
        return new HeadConfig(64, 0.5, 32, 1e-4, 50, 5, 0.1, 5, 0.01, 0.98);
    }

    private static void check(boolean ok, String field, Object value, String remedy) {
        if (!ok) {
            throw new RejectedInputException(RejectedInputException.Kind.CONFIG, "head configuration, field " + field,
                    "the value " + value + " is out of range", remedy);
        }
    }
}
