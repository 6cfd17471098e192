package org.auditgate.engine.stats;

/**
 * DeLong's test of two correlated AUROCs measured on the same cases (see {@link DeLong#compare}).
 *
 * @param aucA the AUROC of scorer A
 * @param aucB the AUROC of scorer B
 * @param difference aucA − aucB
 * @param variance the variance of the difference, Var(A) + Var(B) − 2·Cov(A, B)
 * @param z difference / √variance; NaN when the variance is 0 or undefined
 * @param pValue the two-sided p-value 2·(1 − Φ(|z|)); NaN when z is NaN
 */
public record PairedDeLong(double aucA, double aucB, double difference, double variance, double z, double pValue) {
}
