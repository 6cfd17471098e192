package org.auditgate.engine;

import java.util.Objects;

/**
 * Input that auditgate refuses: a dataset, archive entry, manifest row, image, model, audit
 * configuration or score file that cannot be used as it is.
 *
 * <p>Every rejection names <em>where</em> the problem is (a file, a row, an archive entry, a field),
 * <em>what</em> is wrong and <em>what to do</em>, so the person who uploaded it can fix it without
 * reading code. The service layer maps {@link #kind()} to a stable problem type (DESIGN §10); the
 * message never carries a class name or a stack trace.
 */
public class RejectedInputException extends RuntimeException {

    /** What kind of input was refused; the service maps each to a stable problem type URI. */
    public enum Kind {
        ARCHIVE("archive"),
        MANIFEST("manifest"),
        IMAGE("image"),
        MODEL("model"),
        CONFIG("audit-config"),
        SCORES("scores"),
        DATASET("dataset");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        /** A short, stable, URL-safe name of the kind, such as {@code manifest}. */
        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final String where;
    private final String problem;
    private final String remedy;

    /**
     * @param kind what kind of input was refused
     * @param where the place of the problem, e.g. {@code "manifest.csv row 12, column label"}
     * @param problem what is wrong, one sentence without a final full stop
     * @param remedy what to do about it, one sentence without a final full stop
     */
    public RejectedInputException(Kind kind, String where, String problem, String remedy) {
        this(kind, where, problem, remedy, null);
    }

    /** As {@link #RejectedInputException(Kind, String, String, String)}, keeping the cause for logs. */
    public RejectedInputException(Kind kind, String where, String problem, String remedy, Throwable cause) {
        super(format(where, problem, remedy), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.where = Objects.requireNonNull(where, "where");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.remedy = remedy;
    }

    private static String format(String where, String problem, String remedy) {
        String text = where + ": " + problem + ".";
        return remedy == null || remedy.isBlank() ? text : text + " " + remedy + ".";
    }

    public Kind kind() {
        return kind;
    }

    /** Where the problem is: file, row, entry or field. */
    public String where() {
        return where;
    }

    /** What is wrong. */
    public String problem() {
        return problem;
    }

    /** What to do about it; may be null when nothing but removing the input helps. */
    public String remedy() {
        return remedy;
    }
}
