package org.auditgate.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work handed to a pool, with the task's own exception, not a wrapper, reaching the caller. */
public final class Futures {

    private Futures() {
    }

    /**
     * The task's result. A {@link RuntimeException} or {@link Error} thrown by the task is rethrown
     * as it is (so a rejection keeps its file and row); interruption restores the flag.
     *
     * @param activity what the caller was waiting for, for the interruption message
     */
    public static <T> T await(Future<T> future, String activity) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + activity, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
