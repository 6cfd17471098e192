package org.auditgate.engine.training;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of {@code threads} for the head's kernels: the calling thread runs part 0 of a
 * {@link Task}, {@code threads − 1} daemon workers run parts 1 … {@code threads − 1}, and
 * {@link #run} returns when all parts are done. Handing out a task allocates nothing, so a training
 * step stays allocation-free. With one thread there are no workers and {@link #run} simply calls
 * the task.
 *
 * <p>Used from one thread at a time (the trainer's). {@link #close} stops the workers.
 */
final class Workers implements AutoCloseable {

    /** One piece of work split into {@code parts} disjoint parts. */
    @FunctionalInterface
    interface Task {
        /** Runs part {@code part} of {@code parts}. */
        void run(int part, int parts);
    }

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile int generation;
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
            int part = w + 1;
            Thread t = new Thread(() -> loop(part), "auditgate-head-" + part);
            t.setDaemon(true);
            workers[w] = t;
            t.start();
        }
    }

    /** Threads in the team, the caller included. */
    int threads() {
        return threads;
    }

    /** Runs every part of {@code work}, part 0 on the calling thread; rethrows a worker's failure. */
    void run(Task work) {
        if (workers.length == 0) {
            work.run(0, 1);
            return;
        }
        if (closed) {
            throw new IllegalStateException("the head's worker threads are closed");
        }
        caller = Thread.currentThread();
        failure = null;
        pending.set(workers.length);
        task = work;
        generation++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            work.run(0, threads);
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) {
            LockSupport.park(this);
        }
        task = null;
        Throwable worker = failure;
        if (own != null) {
            rethrow(own);
        }
        if (worker != null) {
            rethrow(worker);
        }
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(e);
    }

    private void loop(int part) {
        int seen = 0;
        while (true) {
            while (generation == seen && !closed) {
                LockSupport.park(this);
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                task.run(part, threads);
            } catch (Throwable e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the workers (they finish nothing new); idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
