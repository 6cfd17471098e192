package org.auditgate.engine.evaluation;

/** Receives progress of long work: the current stage and how much of it is done. */
@FunctionalInterface
public interface Progress {

    /** Ignores all progress. */
    Progress NONE = (stage, done, total) -> { };

    /**
     * @param stage short name of the current stage, such as "hashing" or "scoring"
     * @param done units finished in this stage
     * @param total units in this stage
     */
    void update(String stage, long done, long total);
}
