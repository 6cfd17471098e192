package org.auditgate.engine.augment;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two arms of the reference comparison (DESIGN §4): both train the head on augmented views,
 * the {@link #NOISE} arm first injects one randomly chosen kind of noise into each view.
 */
public enum Arm {
    /** RandomResizedCrop and horizontal flip only. */
    CLEAN("clean", 1),
    /** Noise injection, then RandomResizedCrop and horizontal flip. */
    NOISE("noise", 2);

    private final String cliName;
    private final long streamCode;

    Arm(String cliName, long streamCode) {
        this.cliName = cliName;
        this.streamCode = streamCode;
    }

    /** The name used in the command line, the audit configuration and reports: {@code clean} or {@code noise}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The fixed code mixed into {@link StreamKey} seeds: 1 for {@code clean}, 2 for {@code noise}.
     * It does not depend on declaration order, so adding an arm never changes existing streams.
     */
    public long streamCode() {
        return streamCode;
    }

    /**
     * The arm named {@code name} ({@code clean} or {@code noise}, case and surrounding blanks ignored).
     *
     * @throws RejectedInputException of kind {@code CONFIG} at {@code arm} for any other name
     */
    public static Arm parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Arm arm : values()) {
            if (arm.cliName.equals(wanted)) {
                return arm;
            }
        }
        String known = Arrays.stream(values()).map(Arm::cliName).collect(Collectors.joining(", "));
        throw new RejectedInputException(Kind.CONFIG, "arm",
                "'" + (name == null ? "" : name) + "' is not an arm",
                "Use one of: " + known);
    }
}
