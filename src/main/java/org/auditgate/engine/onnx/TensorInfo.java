package org.auditgate.engine.onnx;

import java.util.List;

/**
 * A graph input or output as declared in the model.
 *
 * @param name the tensor name
 * @param elementType the ONNX element type name, such as {@code FLOAT} or {@code UINT8}; {@code "?"} when not a
 *     tensor or undeclared
 * @param dims one entry per axis: the size ({@code "224"}), the symbolic name ({@code "batch_size"}) or
 *     {@code "?"} when unknown; empty when the rank itself is undeclared
 */
public record TensorInfo(String name, String elementType, List<String> dims) {

    public TensorInfo {
        dims = List.copyOf(dims);
    }

    /** The rank, i.e. the number of declared axes. */
    public int rank() {
        return dims.size();
    }

    /**
     * The size of an axis when it is a fixed number.
     *
     * @param axis the axis index
     * @return the size, or -1 when the axis is symbolic or unknown
     */
    public long fixedDim(int axis) {
        String d = dims.get(axis);
        return d.chars().allMatch(Character::isDigit) && !d.isEmpty() ? Long.parseLong(d) : -1;
    }
}
