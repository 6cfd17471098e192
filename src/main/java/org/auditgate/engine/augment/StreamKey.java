package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

import java.util.Objects;

/**
 * The address of one random stream of the reference comparison (DESIGN §5): audit seed, arm, seed
 * index, step (the epoch in {@code exact} mode, the view number in {@code bank} mode) and image
 * index. The same key gives the same stream on any machine and any thread count; a re-run of an
 * audit therefore reproduces every view.
 *
 * <p><b>Derivation</b> (cite this when reporting). With {@code G = 0x9E3779B97F4A7C15} (the
 * SplitMix64 increment) and {@code mix} the SplitMix64 finaliser (Stafford's variant 13):
 * <pre>
 * mix(z):  z = (z ^ (z &gt;&gt;&gt; 30)) * 0xBF58476D1CE4E5B9
 *          z = (z ^ (z &gt;&gt;&gt; 27)) * 0x94D049BB133111EB
 *          return z ^ (z &gt;&gt;&gt; 31)
 *
 * h  = mix(auditSeed + G)
 * h  = mix((h ^ arm.streamCode()) + G)      clean = 1, noise = 2
 * h  = mix((h ^ seedIndex) + G)
 * h  = mix((h ^ step) + G)
 * h  = mix((h ^ imageIndex) + G)
 * s0 = mix(h + G)
 * s1 = mix(s0 ^ G)
 * </pre>
 * (64-bit two's-complement arithmetic; the int fields are non-negative, so widening them is plain.)
 * The stream is Commons RNG's {@link XoRoShiRo128PlusPlus} seeded with {@code (s0, s1)}.
 *
 * <p>Every step is a bijection of {@code h} for fixed fields and of the field for fixed {@code h},
 * so two keys that differ in any one field always get different {@code s0}: distinct keys never
 * share a seed, and SplitMix64's avalanche makes their streams statistically independent. The
 * state {@code (s0, s1)} is never all zero, which xoroshiro forbids: {@code mix} is a bijection
 * with {@code mix(0) = 0}, so {@code s1 = 0} only when {@code s0 = G}, which is not zero.
 *
 * @param auditSeed the audit's seed from its configuration
 * @param arm the arm
 * @param seedIndex which of the paired seeds, 0-based
 * @param step the epoch ({@code exact} mode) or view number ({@code bank} mode), 0-based
 * @param imageIndex the image's index in the training set, 0-based
 */
public record StreamKey(long auditSeed, Arm arm, int seedIndex, int step, int imageIndex) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * @throws NullPointerException if {@code arm} is null
     * @throws IllegalArgumentException if an index is negative
     */
    public StreamKey {
        Objects.requireNonNull(arm, "arm");
        if (seedIndex < 0 || step < 0 || imageIndex < 0) {
            throw new IllegalArgumentException("stream key indices must be non-negative, got seed "
                    + seedIndex + ", step " + step + ", image " + imageIndex);
        }
    }

    /** A fresh generator positioned at the start of this key's stream; not thread-safe, one per task. */
    public UniformRandomProvider rng() {
        long[] seed = seed();
        return new XoRoShiRo128PlusPlus(seed[0], seed[1]);
    }

    /** The two seed longs {@code {s0, s1}} of the class documentation. */
    public long[] seed() {
        long h = mix(auditSeed + GOLDEN);
        h = mix((h ^ arm.streamCode()) + GOLDEN);
        h = mix((h ^ seedIndex) + GOLDEN);
        h = mix((h ^ step) + GOLDEN);
        h = mix((h ^ imageIndex) + GOLDEN);
        long s0 = mix(h + GOLDEN);
        long s1 = mix(s0 ^ GOLDEN);
        return new long[] {s0, s1};
    }

    /** The SplitMix64 output finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
