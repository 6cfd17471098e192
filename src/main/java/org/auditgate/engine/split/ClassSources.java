package org.auditgate.engine.split;

import java.util.List;
import java.util.Objects;

/**
 * The sources of one class: those that supply in-distribution data and those that supply
 * out-of-distribution data.
 *
 * @param id in-distribution sources (never {@code "*"})
 * @param ood out-of-distribution sources; the single entry {@value #EVERY_OTHER} means every source
 *     of the class that is not listed under {@code id}
 */
public record ClassSources(List<String> id, List<String> ood) {

    /** The wildcard that, under {@code ood}, stands for every source not listed under {@code id}. */
    public static final String EVERY_OTHER = "*";

    /** Copies the lists. */
    public ClassSources {
        id = List.copyOf(Objects.requireNonNull(id, "id"));
        ood = List.copyOf(Objects.requireNonNull(ood, "ood"));
    }

    /** Whether images of this class from {@code source} are in-distribution. */
    public boolean isId(String source) {
        return id.contains(source);
    }

    /** Whether images of this class from {@code source} are out-of-distribution. */
    public boolean isOod(String source) {
        return ood.contains(source) || (ood.contains(EVERY_OTHER) && !id.contains(source));
    }
}
