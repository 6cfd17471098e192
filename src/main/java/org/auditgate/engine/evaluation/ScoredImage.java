package org.auditgate.engine.evaluation;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.split.Partition;

/** The vendor model's score for one test image. */
public record ScoredImage(DatasetEntry entry, Partition partition, String sha256, double score) {
}
