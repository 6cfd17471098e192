package org.auditgate.engine.noise;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.auditgate.engine.image.GreyImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoiseInjectorTest {

    private static final NoiseInjector PAPER = NoiseInjector.paper();
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    private static byte[] gradient(int length) {
        byte[] pixels = new byte[length];
        for (int i = 0; i < length; i++) {
            pixels[i] = (byte) (i % 256);
        }
        return pixels;
    }

    /** Seeds expanded by SplitMix64, as a raw small xoroshiro state would start with poor words. */
    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        byte[] src = gradient(4096);
        for (NoiseType type : NoiseType.values()) {
            byte[] a = new byte[src.length];
            byte[] b = new byte[src.length];
            byte[] c = new byte[src.length];
            PAPER.apply(type, src, a, src.length, rng(7));
            PAPER.apply(type, src, b, src.length, rng(7));
            PAPER.apply(type, src, c, src.length, rng(8));
            assertThat(b).as(type.cliName()).isEqualTo(a);
            if (type != NoiseType.IDENTITY) {
                assertThat(c).as(type.cliName()).isNotEqualTo(a);
            }
        }
    }

    @Test
    void identityCopiesAndDrawsNothing() {
        byte[] src = gradient(1000);
        byte[] dst = new byte[1000];
        UniformRandomProvider used = rng(3);
        PAPER.apply(NoiseType.IDENTITY, src, dst, 1000, used);
        assertThat(dst).isEqualTo(src);
        assertThat(used.nextLong()).isEqualTo(rng(3).nextLong());
    }

    @Test
    void otherTypesDrawExactlyOneWordPerPixel() {
        byte[] src = gradient(333);
        for (NoiseType type : List.of(NoiseType.GAUSSIAN, NoiseType.SPECKLE, NoiseType.POISSON, NoiseType.SALT_PEPPER)) {
            UniformRandomProvider used = rng(5);
            PAPER.apply(type, src, new byte[333], 333, used);
            UniformRandomProvider fresh = rng(5);
            for (int i = 0; i < 333; i++) {
                fresh.nextLong();
            }
            assertThat(used.nextLong()).as(type.cliName()).isEqualTo(fresh.nextLong());
        }
    }

    @Test
    void inPlaceGivesWhatASeparateDestinationGets() {
        for (NoiseType type : NoiseType.values()) {
            byte[] src = gradient(2000);
            byte[] separate = new byte[2000];
            PAPER.apply(type, src, separate, 2000, rng(11));
            PAPER.apply(type, src, src, 2000, rng(11));
            assertThat(src).as(type.cliName()).isEqualTo(separate);
        }
    }

    @Test
    void onlyTheFirstLengthPixelsAreTouchedAndCounted() {
        byte[] src = gradient(512);
        byte[] dst = new byte[512];
        java.util.Arrays.fill(dst, (byte) 7);
        PAPER.apply(NoiseType.GAUSSIAN, src, dst, 100, rng(1));
        for (int i = 100; i < 512; i++) {
            assertThat(dst[i]).isEqualTo((byte) 7);
        }
        assertThat(NoiseInjector.distinctValues(src, 2)).isEqualTo(2);
        assertThatThrownBy(() -> PAPER.apply(NoiseType.GAUSSIAN, src, new byte[10], 11, rng(1)))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> PAPER.apply(NoiseType.GAUSSIAN, src, dst, -1, rng(1)))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void greyImageConvenienceMatchesTheArrayForm() {
        byte[] src = gradient(64 * 48);
        GreyImage image = new GreyImage(64, 48, src);
        GreyImage noisy = PAPER.apply(NoiseType.SPECKLE, image, rng(21));
        byte[] expected = new byte[src.length];
        PAPER.apply(NoiseType.SPECKLE, src, expected, src.length, rng(21));
        assertThat(noisy.width()).isEqualTo(64);
        assertThat(noisy.height()).isEqualTo(48);
        assertThat(noisy.pixels()).isEqualTo(expected);
        assertThat(image.pixels()).isEqualTo(src);
    }

    @Test
    void threadsWithTheirOwnStreamsGetWhatOneThreadGets() throws Exception {
        byte[] src = gradient(224 * 224);
        int tasks = 8;
        byte[][] sequential = new byte[tasks][src.length];
        for (int t = 0; t < tasks; t++) {
            PAPER.apply(NoiseType.TRAINING_CHOICES.get(t % 5), src, sequential[t], src.length, rng(100 + t));
        }
        NoiseInjector fresh = new NoiseInjector(NoiseParameters.paper());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int task = t;
                results.add(pool.submit(() -> {
                    byte[] dst = new byte[src.length];
                    fresh.apply(NoiseType.TRAINING_CHOICES.get(task % 5), src, dst, src.length, rng(100 + task));
                    return dst;
                }));
            }
            for (int t = 0; t < tasks; t++) {
                assertThat(results.get(t).get()).isEqualTo(sequential[t]);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void poissonScaleIsTheNextPowerOfTwoOfTheDistinctValues() {
        byte[] one = {9, 9, 9};
        byte[] two = {60, (byte) 180, 60};
        byte[] three = {1, 2, 3, 3};
        byte[] all = gradient(256);
        assertThat(1 << NoiseInjector.scaleExponent(NoiseInjector.distinctValues(one, 3))).isEqualTo(1);
        assertThat(1 << NoiseInjector.scaleExponent(NoiseInjector.distinctValues(two, 3))).isEqualTo(2);
        assertThat(NoiseInjector.distinctValues(three, 4)).isEqualTo(3);
        assertThat(1 << NoiseInjector.scaleExponent(3)).isEqualTo(4);
        assertThat(NoiseInjector.distinctValues(all, 256)).isEqualTo(256);
        assertThat(1 << NoiseInjector.scaleExponent(256)).isEqualTo(256);
        assertThat(1 << NoiseInjector.scaleExponent(129)).isEqualTo(256);
        assertThat(1 << NoiseInjector.scaleExponent(128)).isEqualTo(128);
    }

    @Test
    void poissonOnATwoLevelImageGivesOnlyMultiplesOfOneHalf() {
        byte[] src = new byte[20000];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i % 2 == 0 ? 60 : 180);
        }
        PAPER.apply(NoiseType.POISSON, src, src, src.length, rng(4));
        for (byte b : src) {
            // counts m/2 for v = 2: 0 → 0, 1 → rint(127.5) = 128 (half to even), ≥ 2 → 255
            assertThat(b & 0xFF).isIn(0, 128, 255);
        }
        // a constant white image: v = 1, λ = 1, so black with probability e^-1
        double[] white = PAPER.distribution(NoiseType.POISSON, 255, 1);
        assertThat(white[0]).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(white[255]).isCloseTo(1 - Math.exp(-1), within(1e-15));
        // v = 2 at level 60: λ = 120/255; P(out = 128) = P(M = 1) = λe^-λ
        double lambda = 2 * (60 / 255.0);
        assertThat(PAPER.distribution(NoiseType.POISSON, 60, 2)[128]).isCloseTo(lambda * Math.exp(-lambda), within(1e-15));
    }

    @Test
    void distributionsMatchHandComputedValues() {
        // gaussian, level 0: P(out = 0) = Φ((0.5/255 − 0)/0.1)
        assertThat(PAPER.distribution(NoiseType.GAUSSIAN, 0, 256)[0])
                .isCloseTo(STANDARD.cumulativeProbability(0.5 / 255 / 0.1), within(1e-15));
        // gaussian, level 128: P(out = 255) = 1 − Φ((254.5 − 128)/255/0.1)
        assertThat(PAPER.distribution(NoiseType.GAUSSIAN, 128, 256)[255])
                .isCloseTo(STANDARD.survivalProbability(126.5 / 25.5), within(1e-18));
        // speckle, level 200: x = 200/255, sd = 0.1·x; P(out = 200) = Φ(0.5/255/sd) − Φ(−0.5/255/sd)
        double sd = 0.1 * 200 / 255;
        double half = 0.5 / 255 / sd;
        assertThat(PAPER.distribution(NoiseType.SPECKLE, 200, 256)[200])
                .isCloseTo(STANDARD.cumulativeProbability(half) - STANDARD.cumulativeProbability(-half), within(1e-14));
        assertThat(PAPER.distribution(NoiseType.SPECKLE, 0, 256)[0]).isEqualTo(1);
        double[] sp = PAPER.distribution(NoiseType.SALT_PEPPER, 100, 256);
        assertThat(sp[100]).isEqualTo(0.95);
        assertThat(sp[0]).isEqualTo(0.025);
        assertThat(sp[255]).isEqualTo(0.025);
        assertThat(PAPER.distribution(NoiseType.SALT_PEPPER, 0, 256)[0]).isEqualTo(0.975);
        assertThat(PAPER.distribution(NoiseType.IDENTITY, 77, 256)[77]).isEqualTo(1);
        assertThatThrownBy(() -> PAPER.distribution(NoiseType.GAUSSIAN, 256, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PAPER.distribution(NoiseType.POISSON, 3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroVarianceIsAShiftWithScikitImageRounding() {
        NoiseInjector shift = new NoiseInjector(new NoiseParameters(0.1, 0, -0.5, 0, 0, 0.5));
        // gaussian: rint((10/255 + 0.1)·255) = rint(35.5) = 36 (half to even, and 10/255 + 0.1 rounds just above)
        int expected = (int) Math.rint(Math.min(1, 10 * (1.0 / 255) + 0.1) * 255);
        assertThat(shift.distribution(NoiseType.GAUSSIAN, 10, 256)[expected]).isEqualTo(1);
        // speckle with mean −0.5: x/2, level 201 → rint(100.5) = 100 or 101 as numpy rounds x + x·(−0.5)
        double x = 201 * (1.0 / 255);
        int halved = (int) Math.rint((x + x * -0.5) * 255);
        assertThat(shift.distribution(NoiseType.SPECKLE, 201, 256)[halved]).isEqualTo(1);
        assertThat(shift.distribution(NoiseType.SALT_PEPPER, 201, 256)[201]).isEqualTo(1);
    }

    @Test
    void everyTableRepresentsItsExactDistribution() {
        NoiseInjector heavy = new NoiseInjector(new NoiseParameters(0.05, 0.04, -0.1, 0.09, 0.2, 0.3));
        double worst = 0;
        for (NoiseInjector injector : List.of(PAPER, heavy)) {
            for (NoiseType type : NoiseType.values()) {
                for (int distinct : type == NoiseType.POISSON ? new int[] {1, 2, 3, 5, 100, 256} : new int[] {256}) {
                    for (int level = 0; level < 256; level++) {
                        double[] exact = injector.distribution(type, level, distinct);
                        double[] sampled = injector.sampledDistribution(type, level, distinct);
                        double sum = 0;
                        for (int j = 0; j < 256; j++) {
                            assertThat(exact[j]).isBetween(0.0, 1.0);
                            sum += exact[j];
                            worst = Math.max(worst, Math.abs(exact[j] - sampled[j]));
                        }
                        assertThat(sum).as("%s level %d", type, level).isCloseTo(1, within(1e-13));
                    }
                }
            }
        }
        assertThat(worst).isLessThan(1e-13);
    }

    /**
     * Chi-square goodness of fit of 200,000 draws per (type, level) against {@link NoiseInjector#distribution},
     * bins with expected count below 5 merged. 20 tests at family-wise α = 1e-4 (Bonferroni): each
     * p-value must exceed 5e-6. Fixed seeds, so the outcome is deterministic.
     */
    @Test
    void samplesFollowTheExactDistributions() {
        int n = 200_000;
        int[] levels = {0, 1, 64, 200, 255};
        int tests = 4 * levels.length;
        double smallest = 1;
        for (NoiseType type : List.of(NoiseType.GAUSSIAN, NoiseType.SPECKLE, NoiseType.POISSON, NoiseType.SALT_PEPPER)) {
            for (int level : levels) {
                byte[] src = new byte[n];
                java.util.Arrays.fill(src, (byte) level);
                src[0] = (byte) (level ^ 0x80); // two distinct values → poisson v = 2
                byte[] dst = new byte[n];
                PAPER.apply(type, src, dst, n, rng(1000 + level));
                long[] counts = new long[256];
                for (int i = 1; i < n; i++) {
                    counts[dst[i] & 0xFF]++;
                }
                double p = chiSquarePValue(counts, PAPER.distribution(type, level, 2), n - 1);
                smallest = Math.min(smallest, p);
                assertThat(p).as("%s level %d", type, level).isGreaterThan(1e-4 / tests);
            }
        }
        System.out.printf("Chi-square goodness of fit: smallest p-value %.3g over %d tests (bound %.1g)%n",
                smallest, tests, 1e-4 / tests);
    }

    private static double chiSquarePValue(long[] counts, double[] p, int n) {
        double statistic = 0;
        int bins = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        for (int j = 0; j < 256; j++) {
            double expected = p[j] * n;
            if (expected < 5) {
                pooledExpected += expected;
                pooledObserved += counts[j];
                assertThat(expected > 0 || counts[j] == 0).as("a level of probability 0 was drawn").isTrue();
            } else {
                statistic += (counts[j] - expected) * (counts[j] - expected) / expected;
                bins++;
            }
        }
        if (pooledExpected >= 5) {
            statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            bins++;
        }
        if (bins < 2) {
            return 1;
        }
        return ChiSquaredDistribution.of(bins - 1).survivalProbability(statistic);
    }
}
