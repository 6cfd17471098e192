package org.auditgate.engine.training;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.metrics.Auroc;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadTrainerTest {

    private static final int F = 16;

    @Test
    void lastBatchOfOneJoinsTheBatchBefore() {
        assertThat(sizes(97, 32)).containsExactly(32, 32, 33);
        assertThat(sizes(96, 32)).containsExactly(32, 32, 32);
        assertThat(sizes(98, 32)).containsExactly(32, 32, 32, 2);
        assertThat(sizes(33, 32)).containsExactly(33);
        assertThat(sizes(2, 32)).containsExactly(2);
    }

    @Test
    void earlyStoppingRuleByHand() {
        EarlyStopping s = new EarlyStopping(5, 0.01, 0.98);
        // best 0.50; 0.505, 0.509 do not beat 0.51 (counter 1, 2); 0.511 does (best 0.511, counter 0);
        // then 0.52 five times is not above 0.521: counter 1 … 5, stop on the fifth.
        double[] a = {0.50, 0.505, 0.509, 0.511, 0.52, 0.52, 0.52, 0.52};
        for (double v : a) {
            assertThat(s.step(v)).as("after %s", v).isFalse();
        }
        assertThat(s.step(0.52)).isTrue();

        EarlyStopping t = new EarlyStopping(5, 0.01, 0.98);
        assertThat(t.step(0.6)).isFalse();
        assertThat(t.step(0.9799)).isFalse();
        assertThat(t.step(0.98)).isTrue();
    }

    @Test
    void learnsSeparableDataAndKeepsTheBestEpoch() {
        Data d = data(200, 60, 4.0, 5);
        HeadConfig config = new HeadConfig(64, 0.5, 32, 1e-3, 50, 5, 0.1, 5, 0.01, 0.98);
        TrainingResult r = new HeadTrainer(config).train(F, EpochFeatures.fixed(d.train, F), d.trainLabels,
                d.val, 60, d.valLabels, new XoRoShiRo128PlusPlus(42L, 43L));
        assertThat(r.epochsRun()).isBetween(1, 50).isEqualTo(r.valAurocCurve().length).isEqualTo(r.trainLossCurve().length);
        double[] curve = r.valAurocCurve();
        for (int e = 0; e < curve.length; e++) {
            assertThat(curve[e]).isLessThanOrEqualTo(curve[r.bestEpoch()]);
            if (e < r.bestEpoch()) {
                assertThat(curve[e]).isLessThan(curve[r.bestEpoch()]);
            }
        }
        assertThat(curve[r.bestEpoch()]).isGreaterThanOrEqualTo(0.98);
        assertThat(r.epochsRun()).as("stops as soon as AUROC reaches 0.98").isEqualTo(r.bestEpoch() + 1);
        double[] logits = new double[60];
        r.best().logits(d.val, 60, logits);
        assertThat(Auroc.of(logits, d.valLabels)).isEqualTo(curve[r.bestEpoch()]);
        assertThat(r.trainLossCurve()[0]).isBetween(0.05, 2.0);
    }

    @Test
    void stopsByPatienceExactlyWhereTheRuleSays() {
        Data d = data(120, 40, 0.0, 6);
        TrainingResult r = new HeadTrainer(HeadConfig.paper()).train(F, EpochFeatures.fixed(d.train, F), d.trainLabels,
                d.val, 40, d.valLabels, new XoRoShiRo128PlusPlus(7L, 8L));
        EarlyStopping replay = new EarlyStopping(5, 0.01, 0.98);
        int stop = -1;
        for (int e = 0; e < 50 && stop < 0; e++) {
            if (replay.step(r.valAurocCurve()[Math.min(e, r.epochsRun() - 1)])) {
                stop = e + 1;
            }
        }
        assertThat(r.epochsRun()).isLessThan(50).isEqualTo(stop);
    }

    @Test
    void sameSeedSameBitsOtherSeedOtherWeights() {
        Data d = data(100, 40, 1.0, 9);
        HeadTrainer trainer = new HeadTrainer(HeadConfig.paper());
        TrainingResult a = trainer.train(F, EpochFeatures.fixed(d.train, F), d.trainLabels, d.val, 40, d.valLabels,
                new XoRoShiRo128PlusPlus(5L, 6L));
        TrainingResult b = trainer.train(F, EpochFeatures.fixed(d.train, F), d.trainLabels, d.val, 40, d.valLabels,
                new XoRoShiRo128PlusPlus(5L, 6L));
        TrainingResult c = trainer.train(F, EpochFeatures.fixed(d.train, F), d.trainLabels, d.val, 40, d.valLabels,
                new XoRoShiRo128PlusPlus(5L, 7L));
        assertThat(b.valAurocCurve()).containsExactly(a.valAurocCurve());
        assertThat(b.trainLossCurve()).containsExactly(a.trainLossCurve());
        assertThat(b.best().w1()).containsExactly(a.best().w1());
        assertThat(b.best().bnVar()).containsExactly(a.best().bnVar());
        assertThat(c.best().w1()).isNotEqualTo(a.best().w1());
    }

    @Test
    void epochFeaturesSeeTheEpoch() {
        Data d = data(40, 20, 1.0, 10);
        int[] calls = new int[3];
        EpochFeatures source = (epoch, image, dest, offset) -> {
            calls[epoch]++;
            System.arraycopy(d.train, image * F, dest, offset, F);
        };
        HeadTrainer.Epochs run = new HeadTrainer(HeadConfig.paper()).start(F, source, d.trainLabels, new XoRoShiRo128PlusPlus(1L, 1L));
        run.run(1e-4);
        run.run(1e-4);
        assertThat(calls).containsExactly(40, 40, 0);
    }

    @Test
    void rejectsOneClassSetsAndBadSettings() {
        Data d = data(40, 20, 1.0, 11);
        boolean[] allNegative = new boolean[20];
        assertThatThrownBy(() -> new HeadTrainer(HeadConfig.paper()).train(F, EpochFeatures.fixed(d.train, F), d.trainLabels,
                d.val, 20, allNegative, new XoRoShiRo128PlusPlus(1L, 1L)))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.DATASET);
                    assertThat(e.where()).isEqualTo("validation set");
                    assertThat(e.problem()).contains("only negative");
                });
        assertThatThrownBy(() -> new HeadTrainer(HeadConfig.paper()).start(F, EpochFeatures.fixed(d.train, F),
                new boolean[] {true}, new XoRoShiRo128PlusPlus(1L, 1L)))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.problem()).contains("at least 2"));
        assertThatThrownBy(() -> new HeadConfig(64, 1.0, 32, 1e-4, 50, 5, 0.1, 5, 0.01, 0.98))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.CONFIG);
                    assertThat(e.where()).contains("dropout");
                });
        assertThatThrownBy(() -> new HeadConfig(64, 0.5, 1, 1e-4, 50, 5, 0.1, 5, 0.01, 0.98))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.where()).contains("batchSize"));
    }

    private static int[] sizes(int n, int batch) {
        int[] out = new int[n];
        int k = 0;
        for (int from = 0; from < n; ) {
            int size = HeadTrainer.batchSize(n - from, batch);
            out[k++] = size;
            from += size;
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private record Data(float[] train, boolean[] trainLabels, float[] val, boolean[] valLabels) {
    }

    /** Two Gaussian classes, means ±shift/2 along the first feature (Bayes AUROC Φ(shift/√2)), alternating labels, seeded. */
    private static Data data(int nTrain, int nVal, double shift, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] train = new float[nTrain * F];
        boolean[] trainLabels = new boolean[nTrain];
        float[] val = new float[nVal * F];
        boolean[] valLabels = new boolean[nVal];
        fill(random, train, trainLabels, shift);
        fill(random, val, valLabels, shift);
        return new Data(train, trainLabels, val, valLabels);
    }

    private static void fill(SplittableRandom random, float[] rows, boolean[] labels, double shift) {
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2 == 0;
            for (int k = 0; k < F; k++) {
                double g = gaussian(random);
                rows[i * F + k] = (float) (k == 0 ? g + (labels[i] ? shift / 2 : -shift / 2) : g);
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
