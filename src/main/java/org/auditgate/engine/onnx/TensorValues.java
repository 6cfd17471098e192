package org.auditgate.engine.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads the values of an ONNX {@link TensorProto} held inside the model (never external data).
 *
 * <p>Values come from {@code raw_data} (little-endian, as ONNX stores it) or from the typed
 * repeated fields. Integer types are widened to {@code float}, which is exact for the 8-bit
 * types that quantized models use.
 */
public final class TensorValues {

    private TensorValues() {
    }

    /**
     * Number of elements the tensor declares: the product of its dims, 1 for a scalar.
     *
     * @param tensor a tensor
     * @return its element count
     */
    public static long elementCount(TensorProto tensor) {
        long count = 1;
        for (long dim : tensor.getDimsList()) {
            count *= dim;
        }
        return count;
    }

    /**
     * The tensor's values as floats in row-major order.
     *
     * @param tensor a FLOAT, DOUBLE, UINT8, INT8, INT32 or INT64 tensor stored in the model
     * @return its values
     * @throws IllegalArgumentException for other element types
     */
    public static float[] floats(TensorProto tensor) {
        int n = Math.toIntExact(elementCount(tensor));
        float[] out = new float[n];
        TensorProto.DataType type = TensorProto.DataType.forNumber(tensor.getDataType());
        if (type == null) {
            throw new IllegalArgumentException("tensor " + tensor.getName() + " has unknown element type " + tensor.getDataType());
        }
        boolean raw = !tensor.getRawData().isEmpty();
        ByteBuffer bytes = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case FLOAT -> raw ? bytes.getFloat(4 * i) : tensor.getFloatData(i);
                case DOUBLE -> (float) (raw ? bytes.getDouble(8 * i) : tensor.getDoubleData(i));
                case UINT8 -> raw ? Byte.toUnsignedInt(bytes.get(i)) : tensor.getInt32Data(i);
                case INT8 -> raw ? bytes.get(i) : tensor.getInt32Data(i);
                case INT32 -> raw ? bytes.getInt(4 * i) : tensor.getInt32Data(i);
                case INT64 -> raw ? bytes.getLong(8 * i) : tensor.getInt64Data(i);
                default -> throw new IllegalArgumentException(
                        "tensor " + tensor.getName() + " has element type " + type + ", which cannot be read as numbers here");
            };
        }
        return out;
    }
}
