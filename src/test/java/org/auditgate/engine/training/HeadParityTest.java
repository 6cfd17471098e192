package org.auditgate.engine.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parity with PyTorch 1.13: the fixture {@code head_reference.json} comes from
 * {@code src/test/python/head_reference.py} (run it with Debian's {@code /usr/bin/python3}). Starting
 * from PyTorch's initial weights, with its batch order and dropout masks, every step's loss, every
 * epoch's BatchNorm running statistics, the final weights and the held-out eval logits must agree.
 *
 * <p>Tolerance: relative error {@code |java − torch| / max(|torch|, 1e-3)} at most 1e-4 (the floor
 * keeps values that are nearly zero, such as some BatchNorm β, from turning float rounding into a
 * large relative error).
 */
class HeadParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final double FLOOR = 1e-3;
    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = HeadParityTest.class.getResourceAsStream("head_reference.json")) {
            doc = new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void reproducesPyTorchTraining(int caseIndex) {
        JsonNode c = doc.get("cases").get(caseIndex);
        int f = doc.get("features").asInt();
        int n = c.get("n").asInt();
        float[] x = floats(doc.get("x"));
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = doc.get("y").get(i).asInt() == 1;
        }
        double dropout = c.get("dropout").asDouble();
        HeadModel model = weights(doc.get("initial"));
        HeadStep step = new HeadStep(model, dropout, 33);
        Adam adam = new Adam(model);
        Errors errors = new Errors();
        float[] rows = new float[33 * f];
        boolean[] labels = new boolean[33];
        float[] mask = new float[33 * 64];
        int stepIndex = 0;
        int batches = 0;
        for (int epoch = 0; epoch < c.get("orders").size(); epoch++) {
            JsonNode order = c.get("orders").get(epoch);
            double lr = c.get("learningRates").get(epoch).asDouble();
            int from = 0;
            while (from < n) {
                int size = HeadTrainer.batchSize(n - from, 32);
                for (int r = 0; r < size; r++) {
                    int image = order.get(from + r).asInt();
                    System.arraycopy(x, image * f, rows, r * f, f);
                    labels[r] = y[image];
                }
                if (dropout > 0) {
                    String bits = c.get("masks").get(stepIndex).asText();
                    assertThat(bits).hasSize(size * 64);
                    for (int u = 0; u < size * 64; u++) {
                        mask[u] = bits.charAt(u) == '1' ? 1f : 0f;
                    }
                }
                double loss = step.forwardBackward(rows, size, labels, mask);
                errors.add("loss", loss, c.get("losses").get(stepIndex).asDouble());
                adam.step(step, lr);
                from += size;
                stepIndex++;
                batches++;
            }
            errors.add("running mean", model.bnMean(), floats(c.get("runningMean").get(epoch)));
            errors.add("running var", model.bnVar(), floats(c.get("runningVar").get(epoch)));
        }
        assertThat(batches).isEqualTo(c.get("losses").size());
        JsonNode fin = c.get("final");
        errors.add("w1", model.w1(), floats(fin.get("w1")));
        errors.add("b1", model.b1(), floats(fin.get("b1")));
        errors.add("gamma", model.bnGamma(), floats(fin.get("gamma")));
        errors.add("beta", model.bnBeta(), floats(fin.get("beta")));
        errors.add("w2", model.w2(), floats(fin.get("w2")));
        errors.add("b2", model.b2(), fin.get("b2").get(0).asDouble());
        float[] held = floats(doc.get("held"));
        double[] logits = new double[held.length / f];
        model.logits(held, logits.length, logits);
        errors.add("held-out logits", logits, floats(c.get("heldLogits")));

        System.out.printf(Locale.ROOT, "head parity, case %s: largest relative error %.3g (%s); without the floor %.3g%n",
                c.get("name").asText(), errors.worst, errors.worstWhat, errors.worstUnfloored);
        assertThat(errors.worst).as("largest relative error, at %s", errors.worstWhat).isLessThanOrEqualTo(TOLERANCE);
        // The weights moved: the comparison is not of the initial weights with themselves.
        assertThat(maxAbsDiff(model.w1(), floats(doc.get("initial").get("w1")))).isGreaterThan(1e-3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void plateauScheduleMatchesTorch(int ignored) {
        JsonNode p = doc.get("plateau");
        PlateauSchedule schedule = new PlateauSchedule(1e-4, 5, 0.1);
        for (int i = 0; i < p.get("aurocs").size(); i++) {
            double rate = schedule.step(p.get("aurocs").get(i).asDouble());
            assertThat(rate).as("learning rate after epoch %d", i).isEqualTo(p.get("learningRates").get(i).asDouble());
        }
    }

    static HeadModel weights(JsonNode w) {
        return HeadModel.of(floats(w.get("w1")), floats(w.get("b1")), floats(w.get("gamma")), floats(w.get("beta")),
                floats(w.get("mean")), floats(w.get("var")), floats(w.get("w2")), floats(w.get("b2")));
    }

    static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** The largest relative error seen and where. */
    private static final class Errors {
        double worst;
        String worstWhat = "nothing";
        double worstUnfloored;

        void add(String what, double actual, double expected) {
            double e = Math.abs(actual - expected) / Math.max(Math.abs(expected), FLOOR);
            if (expected != 0) {
                worstUnfloored = Math.max(worstUnfloored, Math.abs(actual - expected) / Math.abs(expected));
            }
            if (!(e <= worst)) {
                worst = e;
                worstWhat = what + " (java " + actual + ", torch " + expected + ")";
            }
        }

        void add(String what, float[] actual, float[] expected) {
            assertThat(actual).as(what).hasSameSizeAs(expected);
            for (int i = 0; i < actual.length; i++) {
                add(what + "[" + i + "]", actual[i], expected[i]);
            }
        }

        void add(String what, double[] actual, float[] expected) {
            assertThat(actual).as(what).hasSize(expected.length);
            for (int i = 0; i < actual.length; i++) {
                add(what + "[" + i + "]", actual[i], expected[i]);
            }
        }
    }
}
