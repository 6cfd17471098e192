package org.auditgate.engine.training;

/**
 * The feature row of each training image in each epoch. In bank mode the caller picks one of the
 * image's K views per epoch; in the simplest case every epoch sees the same row.
 *
 * <p>Called once per image per epoch, in batch order, from the training thread; implementations
 * copy into the given buffer and must not allocate.
 */
@FunctionalInterface
public interface EpochFeatures {

    /**
     * Copies the {@code featureDimension} features of training image {@code image} for epoch
     * {@code epoch} (0-based) into {@code destination} at {@code offset}.
     */
    void copy(int epoch, int image, float[] destination, int offset);

    /** The same rows in every epoch: {@code rows} holds the images one after another, {@code dimension} floats each. */
    static EpochFeatures fixed(float[] rows, int dimension) {
        return (epoch, image, destination, offset) ->
                System.arraycopy(rows, image * dimension, destination, offset, dimension);
    }
}
