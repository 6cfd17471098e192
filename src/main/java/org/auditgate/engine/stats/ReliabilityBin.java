package org.auditgate.engine.stats;

/**
 * One bin of a reliability diagram (see {@link Calibration#reliability}).
 *
 * @param lower the lower edge of the bin (inclusive)
 * @param upper the upper edge of the bin (exclusive, except 1.0 for the last bin)
 * @param count the number of cases whose score falls in the bin
 * @param meanScore the mean score in the bin; NaN when the bin is empty
 * @param observedRate the fraction of positives in the bin; NaN when the bin is empty
 */
public record ReliabilityBin(double lower, double upper, int count, double meanScore, double observedRate) {
}
