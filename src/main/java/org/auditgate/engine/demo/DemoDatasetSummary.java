package org.auditgate.engine.demo;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link SyntheticCxrGenerator} wrote.
 *
 * @param manifest the {@code manifest.csv} written
 * @param seed the seed the dataset was generated from
 * @param images number of images
 * @param patients number of distinct patients (some have two images)
 * @param counts images per source, then per label (sorted maps)
 */
public record DemoDatasetSummary(Path manifest, long seed, int images, int patients,
        Map<String, Map<String, Integer>> counts) {

    /** Images of {@code label} from {@code source}; 0 when there are none. */
    public int count(String source, String label) {
        return counts.getOrDefault(source, Map.of()).getOrDefault(label, 0);
    }
}
