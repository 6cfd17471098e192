package org.auditgate.engine.training;

/**
 * What one head training produced.
 *
 * @param best the head of the best epoch (highest validation AUROC, the first on ties), in its state after that epoch
 * @param bestEpoch that epoch, 0-based
 * @param valAurocCurve validation AUROC after each epoch run
 * @param trainLossCurve each epoch's training loss: the batch losses weighted by batch size, divided by the images
 * @param epochsRun epochs run before stopping
 */
public record TrainingResult(HeadModel best, int bestEpoch, double[] valAurocCurve, double[] trainLossCurve, int epochsRun) {
}
