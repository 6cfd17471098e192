package org.auditgate.engine.split;

import java.util.Objects;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * An image and the partition it was given.
 *
 * @param entry the manifest row
 * @param partition where it goes
 */
public record Assignment(DatasetEntry entry, Partition partition) {

    /** Checks for nulls. */
    public Assignment {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(partition, "partition");
    }
}
