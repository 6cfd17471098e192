package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A provider that hands out given doubles and bounded ints in order, and records the bounds asked
 * for, so a test can follow an algorithm's draws by hand. Any other draw fails the test.
 */
final class ScriptedRandom implements UniformRandomProvider {

    private final Deque<Double> doubles = new ArrayDeque<>();
    private final Deque<Integer> ints = new ArrayDeque<>();
    final List<Integer> bounds = new ArrayList<>();

    ScriptedRandom givingDoubles(double... values) {
        for (double v : values) {
            doubles.add(v);
        }
        return this;
    }

    ScriptedRandom givingInts(int... values) {
        for (int v : values) {
            ints.add(v);
        }
        return this;
    }

    int doublesLeft() {
        return doubles.size();
    }

    @Override
    public double nextDouble() {
        if (doubles.isEmpty()) {
            throw new AssertionError("unexpected nextDouble()");
        }
        return doubles.removeFirst();
    }

    @Override
    public int nextInt(int n) {
        if (ints.isEmpty()) {
            throw new AssertionError("unexpected nextInt(" + n + ")");
        }
        bounds.add(n);
        return ints.removeFirst();
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unexpected nextLong()");
    }
}
