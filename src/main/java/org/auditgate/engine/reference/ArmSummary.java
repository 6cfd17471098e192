package org.auditgate.engine.reference;

import org.auditgate.engine.augment.Arm;

/**
 * A simple summary of one arm over its seeds; the statistics of DESIGN §6 come later.
 *
 * @param arm the arm
 * @param idAuroc AUROC on the ID test set
 * @param oodAuroc AUROC on the pooled OOD set
 * @param aurocGap |ID − OOD| AUROC per seed
 */
public record ArmSummary(Arm arm, MeanSd idAuroc, MeanSd oodAuroc, MeanSd aurocGap) {
}
