package org.auditgate.engine.noise;

import org.auditgate.engine.RejectedInputException;

import java.util.List;
import java.util.Locale;

/**
 * The noise types of the noise arm (DESIGN §5), with scikit-image 0.19.3
 * {@code skimage.util.random_noise} semantics on an 8-bit grey image.
 */
public enum NoiseType {
    /** {@code x + N(mean, var)}, then clip and quantise. */
    GAUSSIAN("gaussian"),
    /** {@code x + x·N(mean, var)}, then clip and quantise. */
    SPECKLE("speckle"),
    /** {@code Poisson(x·v)/v} with {@code v = 2^ceil(log2(distinct values in the image))}. */
    POISSON("poisson"),
    /** Each pixel flipped with probability {@code amount}; a flipped pixel is white with probability {@code saltVsPepper}, else black. */
    SALT_PEPPER("salt-pepper"),
    /** The image unchanged. */
    IDENTITY("identity");

    /** The choices the noise arm draws uniformly among, in this order. */
    public static final List<NoiseType> TRAINING_CHOICES = List.of(GAUSSIAN, SPECKLE, POISSON, SALT_PEPPER, IDENTITY);

    private final String cliName;

    NoiseType(String cliName) {
        this.cliName = cliName;
    }

    /** The name used in configurations and on the command line, such as {@code salt-pepper}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The noise type with the given {@link #cliName()} (case and surrounding blanks ignored).
     *
     * @throws RejectedInputException ({@code CONFIG}) if the name is no noise type
     */
    public static NoiseType parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (NoiseType type : values()) {
            if (type.cliName.equals(wanted)) {
                return type;
            }
        }
        throw new RejectedInputException(RejectedInputException.Kind.CONFIG, "noise type",
                "'" + name + "' is not a noise type",
                "Use one of gaussian, speckle, poisson, salt-pepper, identity");
    }
}
