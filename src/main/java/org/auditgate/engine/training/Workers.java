package org.auditgate.engine.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of {@code threads} for the head's kernels: {@link #run} splits a range of items
 * (hidden units) into groups of {@code grain}, and the calling thread and {@code threads − 1}
 * daemon workers claim groups one at a time until none is left; {@code run} returns when every
 * group is done. Groups are claimed, not assigned: when a worker is slow to wake (the cores are
 * shared) the caller simply does more of them. Which thread does a group never changes what the
 * group computes, so the results do not depend on the threads. Handing out work allocates
 * nothing, so a training step stays allocation-free. With one thread there are no workers and
 * {@code run} calls the task on the whole range.
 *
 * <p>Used from one thread at a time (the trainer's). {@link #close} stops the workers.
 */
final class Workers implements AutoCloseable {

    /** Work on items {@code [from, to)}; disjoint ranges must be independent of each other. */
    @FunctionalInterface
    interface Task {
        void run(int from, int to);
    }

    private final int threads;
    private final Thread[] workers;
    /** The round (high 32 bits) and the next group to claim in it (low 32 bits). */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Task task;
    private volatile int items;
    private volatile int grain;
    private volatile int groups;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A team of {@code threads} (at least 1), of which this object starts {@code threads − 1}. */
    Workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            Thread t = new Thread(this::loop, "auditgate-head-" + (w + 1));
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** Threads in the team, the caller included. */
    int threads() {
        return threads;
    }

    /**
     * Runs {@code work} on items {@code [0, count)} in groups of {@code groupSize}, on every thread of
     * the team; returns when all groups are done, rethrowing the first failure seen.
     */
    void run(Task work, int count, int groupSize) {
        if (workers.length == 0) {
            work.run(0, count);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the head's worker threads are closed");
        }
        int n = (count + groupSize - 1) / groupSize;
        if (n == 0) {
            return;
        }
        caller = Thread.currentThread();
        failure = null;
        task = work;
        items = count;
        grain = groupSize;
        groups = n;
        done.set(0);
        long round = (claims.get() >>> 32) + 1;
        claims.set(round << 32);
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        claimAll(round, work, count, groupSize, n);
        while (done.get() != n) {
            LockSupport.park(this);
        }
        task = null;
        Throwable e = failure;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims and runs groups of {@code round} until none is left or the round is over. */
    private void claimAll(long round, Task work, int count, int groupSize, int n) {
        while (true) {
            long c = claims.get();
            int group = (int) c;
            if ((c >>> 32) != round || group >= n) {
                return;
            }
            if (!claims.compareAndSet(c, c + 1)) {
                continue;
            }
            try {
                int from = group * groupSize;
                work.run(from, Math.min(count, from + groupSize));
            } catch (Throwable e) {
                failure = e;
            }
            if (done.incrementAndGet() == n) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void loop() {
        while (!closed) {
            long c = claims.get();
            Task work = task;
            int n = groups;
            if (work != null && (int) c < n) {
                // A claim succeeds only while the round read in c is in progress, and a round's task,
                // items, grain and groups are written before it is published and replaced only after
                // it is over: fields read now belong to that round whenever a claim of it succeeds.
                claimAll(c >>> 32, work, items, grain, n);
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Stops the workers (they take no new groups); idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
