package org.auditgate.engine.policy;

/**
 * The limit of a rule: the observed number must be at least, or at most, {@code limit} (both
 * inclusive).
 *
 * @param kind at least or at most
 * @param limit a finite number
 */
public record Bound(Kind kind, double limit) {

    /** The direction of a bound, with its key in policy YAML. */
    public enum Kind {
        AT_LEAST("atLeast", ">="),
        AT_MOST("atMost", "<=");

        private final String yamlName;
        private final String symbol;

        Kind(String yamlName, String symbol) {
            this.yamlName = yamlName;
            this.symbol = symbol;
        }

        /** The YAML key, {@code atLeast} or {@code atMost}. */
        public String yamlName() {
            return yamlName;
        }

        /** {@code >=} or {@code <=}. */
        String symbol() {
            return symbol;
        }

        /** The symbol that describes a value outside the bound: {@code <} or {@code >}. */
        String violatedSymbol() {
            return this == AT_LEAST ? "<" : ">";
        }
    }

    public Bound {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("limit must be finite, is " + limit);
        }
    }

    /** Whether a finite observed value satisfies the bound. */
    public boolean holds(double observed) {
        return kind == Kind.AT_LEAST ? observed >= limit : observed <= limit;
    }
}
