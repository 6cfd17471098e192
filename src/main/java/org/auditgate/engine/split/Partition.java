package org.auditgate.engine.split;

/** Where an image goes in an audit: one of the three ID partitions, or the out-of-distribution test set. */
public enum Partition {
    /** In-distribution, trains the reference head. */
    TRAIN,
    /** In-distribution, selects the reference head's epoch. */
    VAL,
    /** In-distribution test data. */
    TEST,
    /** Out-of-distribution test data. */
    OOD
}
