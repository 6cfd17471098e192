package org.auditgate.engine.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.auditgate.engine.dataset.DatasetEntry;
import org.junit.jupiter.api.Test;

/** Identical images on both sides of a split. */
class LeakageCheckTest {

    private static DatasetEntry row(int line) {
        return new DatasetEntry(line, "img" + line + ".png", "a", "s", "p" + line, null, null, Map.of());
    }

    @Test
    void findsImagesOnTheTrainingAndTheTestSide() {
        DatasetEntry[] rows = new DatasetEntry[12];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(i + 2);
        }
        Map<String, String> hash = Map.ofEntries(
                Map.entry(rows[0].path(), "h1"), Map.entry(rows[1].path(), "h1"),   // TRAIN + TEST: leak
                Map.entry(rows[2].path(), "h2"), Map.entry(rows[3].path(), "h2"),   // VAL + OOD: leak
                Map.entry(rows[4].path(), "h3"), Map.entry(rows[5].path(), "h3"),   // TRAIN + VAL: none
                Map.entry(rows[6].path(), "h4"), Map.entry(rows[7].path(), "h4"),   // TEST + OOD: none
                Map.entry(rows[8].path(), "h0"), Map.entry(rows[9].path(), "h0"),   // TRAIN + TRAIN ...
                Map.entry(rows[10].path(), "h0"),                                   // ... + OOD: leak
                Map.entry(rows[11].path(), "h5"));                                  // alone
        Partition[] parts = {Partition.TRAIN, Partition.TEST, Partition.VAL, Partition.OOD, Partition.TRAIN,
            Partition.VAL, Partition.TEST, Partition.OOD, Partition.TRAIN, Partition.TRAIN, Partition.OOD, Partition.TEST};
        List<Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            assignments.add(new Assignment(rows[i], parts[i]));
        }
        SplitResult split = new SplitResult(assignments, List.of(), List.of());
        List<String> asked = new ArrayList<>();
        List<Leak> leaks = LeakageCheck.find(split, entry -> {
            asked.add(entry.path());
            return hash.get(entry.path());
        });
        assertThat(leaks).containsExactly(
                new Leak("h0", List.of(rows[8], rows[9]), List.of(rows[10])),
                new Leak("h1", List.of(rows[0]), List.of(rows[1])),
                new Leak("h2", List.of(rows[2]), List.of(rows[3])));
        assertThat(asked).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void findsNothingWhenEveryImageIsDistinct() {
        SplitResult split = new SplitResult(List.of(new Assignment(row(2), Partition.TRAIN),
                new Assignment(row(3), Partition.TEST)), List.of(), List.of());
        assertThat(LeakageCheck.find(split, DatasetEntry::path)).isEmpty();
    }
}
