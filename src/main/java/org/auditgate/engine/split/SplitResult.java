package org.auditgate.engine.split;

import java.util.List;
import java.util.Objects;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * The outcome of a split.
 *
 * @param assignments every ID and OOD image with its partition, in manifest order
 * @param unused images whose (label, source) is neither ID nor OOD, in manifest order
 * @param patientsInIdAndOod patient keys that have images both in ID and in OOD data, sorted; a
 *     finding for the report, since the OOD set is then not fully independent of the ID data
 */
public record SplitResult(List<Assignment> assignments, List<DatasetEntry> unused, List<String> patientsInIdAndOod) {

    /** Copies the lists. */
    public SplitResult {
        assignments = List.copyOf(Objects.requireNonNull(assignments, "assignments"));
        unused = List.copyOf(Objects.requireNonNull(unused, "unused"));
        patientsInIdAndOod = List.copyOf(Objects.requireNonNull(patientsInIdAndOod, "patientsInIdAndOod"));
    }

    /** The images that are scored, ID test and OOD, with their partition, in manifest order. */
    public List<Assignment> tested() {
        return assignments.stream().filter(a -> a.partition() == Partition.TEST || a.partition() == Partition.OOD).toList();
    }

    /** The images of one partition, in manifest order. */
    public List<DatasetEntry> of(Partition partition) {
        return assignments.stream().filter(a -> a.partition() == partition).map(Assignment::entry).toList();
    }
}
