package org.auditgate.engine.evaluation;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.ScoredCase;
import org.auditgate.engine.split.Partition;

import java.util.List;

/** The vendor model's score for one test image. */
public record ScoredImage(DatasetEntry entry, Partition partition, String sha256, double score) {

    /** This image as a case for the metrics: ID test images are cohort ID, every other tested image OOD. */
    public ScoredCase toCase() {
        return new ScoredCase(entry.label(), score, entry.source(), partition == Partition.TEST ? Cohort.ID : Cohort.OOD);
    }

    /** The images as cases, in order. */
    public static List<ScoredCase> cases(List<ScoredImage> images) {
        return images.stream().map(ScoredImage::toCase).toList();
    }
}
