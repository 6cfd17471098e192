package org.auditgate.engine.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * Splits a dataset's images into ID train/val/test and OOD (DESIGN §4).
 *
 * <p>An image is ID when its (label, source) is an ID pair of the configuration, OOD when it is an
 * OOD pair (all OOD images are test data), and unused otherwise. With {@link SplitMethod#PATIENT},
 * ID images are split by patient ({@link DatasetEntry#patientKey()}), stratified by label: a
 * patient's stratum is the sorted set of its ID labels; strata are taken in sorted order, each
 * stratum's patient keys are sorted and then shuffled (Fisher–Yates) with one
 * {@code SplittableRandom(seed)} shared across strata in that order, and the counts are allocated by
 * {@link #allocate(int, SplitFractions)}. The result therefore depends only on the set of rows and
 * the seed, never on the order of the rows. With {@link SplitMethod#MANIFEST}, ID images take the
 * manifest's {@code split} column.
 */
public final class PatientSplitter {

    private static final Partition[] ID_PARTITIONS = {Partition.TRAIN, Partition.VAL, Partition.TEST};

    private PatientSplitter() {
    }

    /**
     * Splits the rows.
     *
     * @throws RejectedInputException when the configuration does not fit the rows (see
     *     {@link AuditConfig#validateAgainst}), or, with the manifest method, when an ID row has no
     *     split value or a patient's ID images sit in two partitions
     */
    public static SplitResult split(List<DatasetEntry> entries, AuditConfig config) {
        config.validateAgainst(entries);
        List<DatasetEntry> id = new ArrayList<>();
        List<DatasetEntry> ood = new ArrayList<>();
        List<DatasetEntry> unused = new ArrayList<>();
        for (DatasetEntry entry : entries) {
            if (config.isId(entry.label(), entry.source())) {
                id.add(entry);
            } else if (config.isOod(entry.label(), entry.source())) {
                ood.add(entry);
            } else {
                unused.add(entry);
            }
        }
        Map<String, Partition> byPatient = config.splitMethod() == SplitMethod.PATIENT
                ? byPatient(id, config)
                : fromManifest(id, config);
        List<Assignment> assignments = new ArrayList<>();
        SortedSet<String> oodPatients = new TreeSet<>();
        for (DatasetEntry entry : entries) {
            Partition partition = byPatient.get(entry.patientKey());
            if (config.isId(entry.label(), entry.source())) {
                assignments.add(new Assignment(entry, partition));
            } else if (config.isOod(entry.label(), entry.source())) {
                assignments.add(new Assignment(entry, Partition.OOD));
                oodPatients.add(entry.patientKey());
            }
        }
        oodPatients.retainAll(byPatient.keySet());
        return new SplitResult(assignments, unused, new ArrayList<>(oodPatients));
    }

    private static Map<String, Partition> byPatient(List<DatasetEntry> id, AuditConfig config) {
        Map<String, SortedSet<String>> labelsByPatient = new TreeMap<>();
        for (DatasetEntry entry : id) {
            labelsByPatient.computeIfAbsent(entry.patientKey(), key -> new TreeSet<>()).add(entry.label());
        }
        Map<String, List<String>> strata = new TreeMap<>();
        labelsByPatient.forEach((patient, labels) ->
                strata.computeIfAbsent(String.join("+", labels), key -> new ArrayList<>()).add(patient));
        SplittableRandom random = new SplittableRandom(config.seed());
        Map<String, Partition> partitions = new HashMap<>();
        for (List<String> patients : strata.values()) {
            Collections.sort(patients);
            shuffle(patients, random);
            int[] counts = allocate(patients.size(), config.fractions());
            int next = 0;
            for (int k = 0; k < ID_PARTITIONS.length; k++) {
                for (int i = 0; i < counts[k]; i++) {
                    partitions.put(patients.get(next++), ID_PARTITIONS[k]);
                }
            }
        }
        return partitions;
    }

    private static void shuffle(List<String> items, SplittableRandom random) {
        for (int i = items.size() - 1; i > 0; i--) {
            Collections.swap(items, i, random.nextInt(i + 1));
        }
    }

    /**
     * How many of {@code n} patients go to train, val and test: the largest-remainder method on
     * {@code n × fraction} (ties to the earlier partition), then, when {@code n ≥ 3}, an empty test
     * and then an empty val partition each take one patient from the largest partition (the earlier
     * one on ties).
     *
     * @return counts for train, val and test, summing to {@code n}
     */
    public static int[] allocate(int n, SplitFractions fractions) {
        double[] quotas = {n * fractions.train(), n * fractions.val(), n * fractions.test()};
        int[] counts = new int[3];
        int left = n;
        for (int k = 0; k < 3; k++) {
            counts[k] = (int) Math.floor(quotas[k]);
            left -= counts[k];
        }
        boolean[] topped = new boolean[3];
        for (; left > 0; left--) {
            int best = -1;
            for (int k = 0; k < 3; k++) {
                if (!topped[k] && (best < 0 || quotas[k] - counts[k] > quotas[best] - counts[best])) {
                    best = k;
                }
            }
            counts[best]++;
            topped[best] = true;
        }
        if (n >= 3) {
            for (int k : new int[] {2, 1}) {
                if (counts[k] == 0) {
                    int largest = 0;
                    for (int j = 1; j < 3; j++) {
                        if (counts[j] > counts[largest]) {
                            largest = j;
                        }
                    }
                    counts[largest]--;
                    counts[k]++;
                }
            }
        }
        return counts;
    }

    private static Map<String, Partition> fromManifest(List<DatasetEntry> id, AuditConfig config) {
        Map<String, Partition> partitions = new HashMap<>();
        Map<String, DatasetEntry> firstRow = new HashMap<>();
        for (DatasetEntry entry : id) {
            String where = "manifest.csv line " + entry.line() + ", column split";
            if (entry.split() == null) {
                throw new RejectedInputException(Kind.MANIFEST, where, "is empty, but the row is in-distribution ("
                        + entry.label() + " from " + entry.source() + ") and " + config.fileName() + " line "
                        + config.splitMethodLine() + " sets split.method: manifest",
                        "Give every in-distribution row train, val or test, or use split.method: patient");
            }
            Partition partition = Partition.valueOf(entry.split().toUpperCase(java.util.Locale.ROOT));
            Partition earlier = partitions.putIfAbsent(entry.patientKey(), partition);
            firstRow.putIfAbsent(entry.patientKey(), entry);
            if (earlier != null && earlier != partition) {
                throw new RejectedInputException(Kind.MANIFEST, where, "puts patient " + entry.patientKey() + " in "
                        + entry.split() + ", but line " + firstRow.get(entry.patientKey()).line() + " puts the patient in "
                        + firstRow.get(entry.patientKey()).split(),
                        "Keep all of a patient's images in one split, or use split.method: patient");
            }
        }
        return partitions;
    }
}
