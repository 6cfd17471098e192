package org.auditgate.engine.split;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.auditgate.engine.dataset.DatasetEntry;

/**
 * Finds identical images on both sides of a split: an image whose hash occurs in TRAIN or VAL and
 * also in TEST or OOD is a leak (DESIGN §4). Unused images are not looked at.
 */
public final class LeakageCheck {

    private LeakageCheck() {
    }

    /**
     * @param split the split to check
     * @param sha256 the hash of an entry's image bytes; called once per assigned entry
     * @return the leaks, sorted by hash; rows within a leak in manifest order
     */
    public static List<Leak> find(SplitResult split, Function<DatasetEntry, String> sha256) {
        Map<String, List<Assignment>> byHash = new TreeMap<>();
        for (Assignment assignment : split.assignments()) {
            byHash.computeIfAbsent(sha256.apply(assignment.entry()), hash -> new ArrayList<>()).add(assignment);
        }
        List<Leak> leaks = new ArrayList<>();
        byHash.forEach((hash, assignments) -> {
            List<DatasetEntry> train = new ArrayList<>();
            List<DatasetEntry> test = new ArrayList<>();
            for (Assignment assignment : assignments) {
                boolean trainSide = assignment.partition() == Partition.TRAIN || assignment.partition() == Partition.VAL;
                (trainSide ? train : test).add(assignment.entry());
            }
            if (!train.isEmpty() && !test.isEmpty()) {
                leaks.add(new Leak(hash, train, test));
            }
        });
        return leaks;
    }
}
