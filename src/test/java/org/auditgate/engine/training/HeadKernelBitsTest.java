package org.auditgate.engine.training;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head's kernels are tuned for speed, but their arithmetic is pinned: a few epochs of training
 * must give exactly the bits that the plain kernels of commit bccaa7d gave (one 8-lane
 * {@link HeadModel#dot} per row and unit, the weight gradient summed over rows in ascending order,
 * Adam element by element). The checksums were printed by this test run on that commit. Shapes
 * cover the awkward cases: F not a multiple of 8 or 4, a merged last batch of 33, a short last
 * batch, an odd hidden width, dropout on and off. With 2, 3 or 5 threads (more threads than
 * groups of units when H is small) the bits are the same again.
 */
class HeadKernelBitsTest {

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 5})
    void keepsThePinnedBits(int threads) {
        assertThat(checksum(HeadConfig.paper(), 2048, 97, 3, threads)).isEqualTo(PAPER_2048);
        assertThat(checksum(HeadConfig.paper(), 1283, 75, 3, threads)).isEqualTo(PAPER_1283);
        HeadConfig noDropout = new HeadConfig(7, 0, 5, 1e-3, 50, 5, 0.1, 5, 0.01, 0.98);
        assertThat(checksum(noDropout, 61, 23, 4, threads)).isEqualTo(ODD_NODROP);
        HeadConfig small = new HeadConfig(3, 0.25, 4, 1e-3, 50, 5, 0.1, 5, 0.01, 0.98);
        assertThat(checksum(small, 9, 14, 4, threads)).isEqualTo(ODD_SMALL);
    }

    @Test
    void trainingWithTwoThreadsGivesTheSameResult() {
        SplittableRandom random = new SplittableRandom(3);
        int f = 40;
        float[] train = new float[120 * f];
        float[] val = new float[50 * f];
        boolean[] trainLabels = new boolean[120];
        boolean[] valLabels = new boolean[50];
        for (int i = 0; i < train.length; i++) {
            train[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < val.length; i++) {
            val[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < 120; i++) {
            trainLabels[i] = i % 3 == 0;
        }
        for (int i = 0; i < 50; i++) {
            valLabels[i] = i % 2 == 0;
        }
        HeadConfig config = new HeadConfig(64, 0.5, 32, 1e-3, 6, 5, 0.1, 5, 0.01, 2.0);
        TrainingResult one = new HeadTrainer(config).train(f, EpochFeatures.fixed(train, f), trainLabels, val, 50,
                valLabels, new XoRoShiRo128PlusPlus(8L, 9L));
        HeadTrainer two = new HeadTrainer(config, 2);
        assertThat(two.threads()).isEqualTo(2);
        TrainingResult other = two.train(f, EpochFeatures.fixed(train, f), trainLabels, val, 50,
                valLabels, new XoRoShiRo128PlusPlus(8L, 9L));
        assertThat(other.epochsRun()).isEqualTo(one.epochsRun()).isEqualTo(6);
        assertThat(other.trainLossCurve()).containsExactly(one.trainLossCurve());
        assertThat(other.valAurocCurve()).containsExactly(one.valAurocCurve());
        assertThat(other.best().w1()).containsExactly(one.best().w1());
        assertThat(other.best().bnVar()).containsExactly(one.best().bnVar());
    }

    static final long PAPER_2048 = 8368666562688871100L;
    static final long PAPER_1283 = -7754222999887095402L;
    static final long ODD_NODROP = -5463181894949745578L;
    static final long ODD_SMALL = -6267207520343845209L;

    /** Trains {@code epochs} epochs on random rows and folds every parameter's and loss's bits into one number. */
    static long checksum(HeadConfig config, int f, int n, int epochs, int threads) {
        SplittableRandom random = new SplittableRandom(f * 31L + n);
        float[] rows = new float[n * f];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextDouble(-1.7, 1.7);
        }
        boolean[] labels = new boolean[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextBoolean();
        }
        labels[0] = true;
        labels[1] = false;
        long h = 17;
        HeadModel m;
        try (HeadTrainer.Epochs run = new HeadTrainer(config, threads).start(f, EpochFeatures.fixed(rows, f), labels,
                new XoRoShiRo128PlusPlus(11L, 12L))) {
            for (int e = 0; e < epochs; e++) {
                h = h * 1_000_003L + Double.doubleToRawLongBits(run.run(1e-3));
            }
            m = run.model();
        }
        for (float[] a : new float[][] {m.w1(), m.b1, m.gamma, m.beta, m.runMean, m.runVar, m.w2, m.b2}) {
            for (float v : a) {
                h = h * 1_000_003L + Float.floatToRawIntBits(v);
            }
        }
        System.out.printf("checksum F=%d n=%d threads=%d: %dL%n", f, n, threads, h);
        return h;
    }
}
