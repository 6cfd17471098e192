package org.auditgate.engine.training;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head's kernels are tuned for speed, but their arithmetic is pinned: a few epochs of training
 * must give exactly the bits that the plain kernels of commit bccaa7d gave (one 8-lane
 * {@link HeadModel#dot} per row and unit, the weight gradient summed over rows in ascending order,
 * Adam element by element). The checksums were printed by this test run on that commit. Shapes
 * cover the awkward cases: F not a multiple of 8 or 4, a merged last batch of 33, a short last
 * batch, an odd hidden width, dropout on and off.
 */
class HeadKernelBitsTest {

    @Test
    void paperHeadKeepsItsBits() {
        assertThat(checksum(HeadConfig.paper(), 2048, 97, 3, 1)).isEqualTo(PAPER_2048);
        assertThat(checksum(HeadConfig.paper(), 1283, 75, 3, 1)).isEqualTo(PAPER_1283);
    }

    @Test
    void oddShapesKeepTheirBits() {
        HeadConfig noDropout = new HeadConfig(7, 0, 5, 1e-3, 50, 5, 0.1, 5, 0.01, 0.98);
        assertThat(checksum(noDropout, 61, 23, 4, 1)).isEqualTo(ODD_NODROP);
        HeadConfig small = new HeadConfig(3, 0.25, 4, 1e-3, 50, 5, 0.1, 5, 0.01, 0.98);
        assertThat(checksum(small, 9, 14, 4, 1)).isEqualTo(ODD_SMALL);
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
        HeadTrainer.Epochs run = new HeadTrainer(config).start(f, EpochFeatures.fixed(rows, f), labels,
                new XoRoShiRo128PlusPlus(11L, 12L));
        long h = 17;
        for (int e = 0; e < epochs; e++) {
            h = h * 1_000_003L + Double.doubleToRawLongBits(run.run(1e-3));
        }
        HeadModel m = run.model();
        for (float[] a : new float[][] {m.w1(), m.b1, m.gamma, m.beta, m.runMean, m.runVar, m.w2, m.b2}) {
            for (float v : a) {
                h = h * 1_000_003L + Float.floatToRawIntBits(v);
            }
        }
        System.out.printf("checksum F=%d n=%d: %dL%n", f, n, h);
        return h;
    }
}
