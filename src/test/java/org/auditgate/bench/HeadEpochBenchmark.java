package org.auditgate.bench;

import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.auditgate.engine.training.EpochFeatures;
import org.auditgate.engine.training.HeadConfig;
import org.auditgate.engine.training.HeadTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One training epoch of the paper's head (N = 509 images, batch 32, dropout 0.5, Adam) at
 * F = 2048 (ResNet-50-sized features) and F = 1280 (MobileNetV2), as {@code head_reference.py
 * --bench} times PyTorch's. {@code threads} is the trainer's thread count: 1 runs on the benchmark
 * thread only, 2 adds one worker that takes half of the hidden units (the results are the same
 * bits either way). Run through {@code src/test/bench/head-vs-pytorch.sh}, or:
 * {@code java -cp … org.openjdk.jmh.Main HeadEpochBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HeadEpochBenchmark {

    @Param({"2048", "1280"})
    public int features;

    @Param("509")
    public int images;

    @Param({"1", "2"})
    public int threads;

    private HeadTrainer.Epochs epochs;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        float[] rows = new float[images * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float) random.nextDouble(-1.7, 1.7);
        }
        boolean[] labels = new boolean[images];
        for (int i = 0; i < images; i++) {
            labels[i] = random.nextBoolean();
        }
        labels[0] = true;
        labels[1] = false;
        epochs = new HeadTrainer(HeadConfig.paper(), threads).start(features, EpochFeatures.fixed(rows, features), labels,
                new XoRoShiRo128PlusPlus(2L, 3L));
    }

    @TearDown
    public void tearDown() {
        epochs.close();
    }

    @Benchmark
    public double epoch() {
        return epochs.run(1e-4);
    }
}
