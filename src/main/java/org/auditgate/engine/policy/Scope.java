package org.auditgate.engine.policy;

import java.util.Optional;

/**
 * Where a rule looks: the vendor model as it is, on in-distribution data, on out-of-distribution
 * data (pooled or one source) or the ID–OOD gap; or the reference comparison's gaps over seeds.
 *
 * @param kind which scope
 * @param source the OOD source for {@link Kind#VENDOR_OOD_SOURCE}, otherwise null
 */
public record Scope(Kind kind, String source) {

    /** The kinds of scope, with their text in policy YAML. */
    public enum Kind {
        /** The vendor model on the ID test set. */
        VENDOR_ID("vendor.id"),
        /** The vendor model on all OOD images pooled. */
        VENDOR_OOD("vendor.ood"),
        /** The vendor model on the OOD images of one source: {@code vendor.ood.<source>}. */
        VENDOR_OOD_SOURCE("vendor.ood."),
        /** |ID − OOD| of the vendor model. */
        VENDOR_GAP("vendor.gap"),
        /** |ID − OOD| per seed of heads retrained without noise. */
        REFERENCE_CLEAN_GAP("reference.clean.gap"),
        /** |ID − OOD| per seed of heads retrained with noise injection. */
        REFERENCE_NOISE_GAP("reference.noise.gap"),
        /** gap(clean) − gap(noise) per seed: positive when noise injection narrows the gap. */
        REFERENCE_GAP_REDUCTION("reference.gapReduction");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The scope's text; for {@link #VENDOR_OOD_SOURCE} the prefix before the source name. */
        public String text() {
            return text;
        }

        /** Whether the scope is a single test set of the vendor model (as opposed to a result over seeds). */
        public boolean isVendor() {
            return this == VENDOR_ID || this == VENDOR_OOD || this == VENDOR_OOD_SOURCE || this == VENDOR_GAP;
        }
    }

    public Scope {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if ((kind == Kind.VENDOR_OOD_SOURCE) != (source != null)) {
            throw new IllegalArgumentException("a source is given exactly for vendor.ood.<source>");
        }
        if (source != null && (source.isEmpty() || !source.strip().equals(source))) {
            throw new IllegalArgumentException("a source name is non-empty without surrounding blanks");
        }
    }

    /** A scope without a source. */
    public static Scope of(Kind kind) {
        return new Scope(kind, null);
    }

    /** The scope of one OOD source. */
    public static Scope oodSource(String source) {
        return new Scope(Kind.VENDOR_OOD_SOURCE, source);
    }

    /** Reads a scope's text, such as {@code vendor.ood.sirm.org}; empty when it is not one. */
    public static Optional<Scope> parse(String text) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.VENDOR_OOD_SOURCE && kind.text.equals(text)) {
                return Optional.of(of(kind));
            }
        }
        String prefix = Kind.VENDOR_OOD_SOURCE.text;
        if (text.startsWith(prefix)) {
            String source = text.substring(prefix.length());
            if (!source.isEmpty() && source.chars().noneMatch(Character::isWhitespace)) {
                return Optional.of(oodSource(source));
            }
        }
        return Optional.empty();
    }

    /** The scope as written in policy YAML. */
    public String text() {
        return kind == Kind.VENDOR_OOD_SOURCE ? kind.text + source : kind.text;
    }

    @Override
    public String toString() {
        return text();
    }
}
