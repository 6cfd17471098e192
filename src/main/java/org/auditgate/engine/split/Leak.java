package org.auditgate.engine.split;

import java.util.List;
import java.util.Objects;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * One image (by content hash) that appears on the training side and on the test side.
 *
 * @param sha256 the image's hash
 * @param trainSide its rows in TRAIN or VAL
 * @param testSide its rows in TEST or OOD
 */
public record Leak(String sha256, List<DatasetEntry> trainSide, List<DatasetEntry> testSide) {

    /** Copies the lists. */
    public Leak {
        Objects.requireNonNull(sha256, "sha256");
        trainSide = List.copyOf(trainSide);
        testSide = List.copyOf(testSide);
    }
}
