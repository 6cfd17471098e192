package org.auditgate.engine.reference;

import org.auditgate.engine.stats.SeedSummary;
import org.auditgate.engine.augment.Arm;

/**
 * The AUROC summary of one arm over its seeds: mean, SD and 95% t-interval (DESIGN §6).
 *
 * @param arm the arm
 * @param idAuroc AUROC on the ID test set
 * @param oodAuroc AUROC on the pooled OOD set
 * @param aurocGap |ID − OOD| AUROC per seed
 */
public record ArmSummary(Arm arm, SeedSummary idAuroc, SeedSummary oodAuroc, SeedSummary aurocGap) {
}
