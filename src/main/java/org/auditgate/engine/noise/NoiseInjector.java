package org.auditgate.engine.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.image.GreyImage;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Injects noise into 8-bit grey images with scikit-image 0.19.3 {@code random_noise} semantics
 * (DESIGN §5), exactly in distribution, reproducibly and without allocating per image.
 *
 * <p>Because input and output both have 256 levels, each noise type is, per input level, a
 * categorical distribution over the 256 output levels ({@link #distribution}). The injector
 * computes these once with strict arithmetic, stores each as a Walker/Vose alias table, and draws a
 * pixel with one {@code nextLong()}: the same random stream gives the same image, bit for bit, on
 * any machine and with any number of threads. Poisson tables depend on
 * {@code v = 2^ceil(log2(distinct values))} and are built on first use for each of the nine
 * possible {@code v}.
 *
 * <p>Instances are immutable and thread-safe: build one and share it. Each thread needs its own
 * {@link UniformRandomProvider}.
 */
public final class NoiseInjector {

    private static final int LEVELS = AliasTable.LEVELS;
    private static final int POISSON_SCALES = 9;

    private final NoiseParameters parameters;
    private final long[] gaussian;
    private final long[] speckle;
    private final long[] saltPepper;
    private final AtomicReferenceArray<long[]> poisson = new AtomicReferenceArray<>(POISSON_SCALES);

    /** Builds the tables of the given parameters (a few milliseconds). */
    public NoiseInjector(NoiseParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.gaussian = buildTable(NoiseType.GAUSSIAN, 0);
        this.speckle = buildTable(NoiseType.SPECKLE, 0);
        this.saltPepper = buildTable(NoiseType.SALT_PEPPER, 0);
    }

    /** A shared injector with {@link NoiseParameters#paper()}. */
    public static NoiseInjector paper() {
        return Paper.INSTANCE;
    }

    private static final class Paper {
        static final NoiseInjector INSTANCE = new NoiseInjector(NoiseParameters.paper());
    }

    /** The parameters this injector was built with. */
    public NoiseParameters parameters() {
        return parameters;
    }

    /**
     * Writes a noisy copy of {@code src[0..length)} into {@code dst[0..length)}.
     *
     * <p>Draws exactly one {@code rng.nextLong()} per pixel for every type except
     * {@link NoiseType#IDENTITY}, which copies and draws nothing. For {@link NoiseType#POISSON} the
     * number of distinct values is counted over {@code src[0..length)}, as scikit-image counts them
     * over the whole image.
     *
     * @param src unsigned grey levels
     * @param dst receives the result; may be {@code src} itself
     * @param length number of pixels, at most the length of either array
     * @param rng the random stream; advanced by {@code length} draws. Its state must be well mixed:
     *        a xoroshiro generator whose raw state is a few small numbers, such as
     *        {@code new XoRoShiRo128PlusPlus(3, 0)}, starts with words whose top bits are zero and
     *        gives visibly wrong noise; create it with {@code RandomSource.create(seed)}, which
     *        expands the seed with SplitMix64
     * @throws IndexOutOfBoundsException if {@code length} is negative or exceeds an array
     */
    public void apply(NoiseType type, byte[] src, byte[] dst, int length, UniformRandomProvider rng) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rng, "rng");
        Objects.checkFromIndexSize(0, length, src.length);
        Objects.checkFromIndexSize(0, length, dst.length);
        long[] table;
        switch (type) {
            case IDENTITY -> {
                if (src != dst) {
                    System.arraycopy(src, 0, dst, 0, length);
                }
                return;
            }
            case GAUSSIAN -> table = gaussian;
            case SPECKLE -> table = speckle;
            case SALT_PEPPER -> table = saltPepper;
            case POISSON -> {
                if (length == 0) {
                    return;
                }
                table = poissonTable(scaleExponent(distinctValues(src, length)));
            }
            default -> throw new IllegalStateException("unknown noise type " + type);
        }
        for (int i = 0; i < length; i++) {
            int level = src[i] & 0xFF;
            dst[i] = (byte) AliasTable.sample(table, level << 8, rng.nextLong());
        }
    }

    /**
     * A noisy copy of {@code image}; see {@link #apply(NoiseType, byte[], byte[], int, UniformRandomProvider)}.
     */
    public GreyImage apply(NoiseType type, GreyImage image, UniformRandomProvider rng) {
        byte[] pixels = image.pixels();
        apply(type, pixels, pixels, pixels.length, rng);
        return new GreyImage(image.width(), image.height(), pixels);
    }

    /**
     * The exact distribution of the output level for one input level, as computed before it is
     * stored in an alias table (which represents it to within 2^-61 per level).
     *
     * @param level the input grey level, 0..255
     * @param distinctValues the number of distinct values in the image, 1..256; used by
     *        {@link NoiseType#POISSON} only
     * @return 256 probabilities indexed by output level
     * @throws IllegalArgumentException if {@code level} or, for poisson, {@code distinctValues} is out of range
     */
    public double[] distribution(NoiseType type, int level, int distinctValues) {
        Objects.requireNonNull(type, "type");
        if (level < 0 || level >= LEVELS) {
            throw new IllegalArgumentException("level must be 0..255, got " + level);
        }
        if (type == NoiseType.POISSON && (distinctValues < 1 || distinctValues > LEVELS)) {
            throw new IllegalArgumentException("distinct values must be 1..256, got " + distinctValues);
        }
        return exact(type, level, type == NoiseType.POISSON ? scaleExponent(distinctValues) : 0);
    }

    /** The distribution the alias table of {@code type} actually samples; for tests. */
    double[] sampledDistribution(NoiseType type, int level, int distinctValues) {
        long[] table = switch (type) {
            case GAUSSIAN -> gaussian;
            case SPECKLE -> speckle;
            case SALT_PEPPER -> saltPepper;
            case POISSON -> poissonTable(scaleExponent(distinctValues));
            case IDENTITY -> null;
        };
        return table == null ? NoiseDistributions.pointMass(level) : AliasTable.probabilities(table, level << 8);
    }

    /** The number of distinct values in {@code pixels[0..length)}, counted in a 256-bit set. */
    static int distinctValues(byte[] pixels, int length) {
        long b0 = 0;
        long b1 = 0;
        long b2 = 0;
        long b3 = 0;
        for (int i = 0; i < length; i++) {
            int level = pixels[i] & 0xFF;
            long bit = 1L << level;
            switch (level >>> 6) {
                case 0 -> b0 |= bit;
                case 1 -> b1 |= bit;
                case 2 -> b2 |= bit;
                default -> b3 |= bit;
            }
        }
        return Long.bitCount(b0) + Long.bitCount(b1) + Long.bitCount(b2) + Long.bitCount(b3);
    }

    /** {@code ceil(log2(n))} for n ≥ 1, so that {@code v = 2^e}; scikit-image's v for n distinct values. */
    static int scaleExponent(int distinctValues) {
        return distinctValues <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(distinctValues - 1);
    }

    private long[] poissonTable(int exponent) {
        long[] table = poisson.get(exponent);
        if (table == null) {
            poisson.compareAndSet(exponent, null, buildTable(NoiseType.POISSON, exponent));
            table = poisson.get(exponent);
        }
        return table;
    }

    private long[] buildTable(NoiseType type, int exponent) {
        long[] table = new long[LEVELS * LEVELS];
        for (int level = 0; level < LEVELS; level++) {
            AliasTable.build(exact(type, level, exponent), table, level << 8);
        }
        return table;
    }

    private double[] exact(NoiseType type, int level, int exponent) {
        NoiseParameters p = parameters;
        return switch (type) {
            case GAUSSIAN -> NoiseDistributions.gaussian(level, p.gaussianMean(), p.gaussianVar());
            case SPECKLE -> NoiseDistributions.speckle(level, p.speckleMean(), p.speckleVar());
            case POISSON -> NoiseDistributions.poisson(level, 1 << exponent);
            case SALT_PEPPER -> NoiseDistributions.saltPepper(level, p.amount(), p.saltVsPepper());
            case IDENTITY -> NoiseDistributions.pointMass(level);
        };
    }
}
