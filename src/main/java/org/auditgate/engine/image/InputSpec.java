package org.auditgate.engine.image;

import java.util.Arrays;
import java.util.Objects;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;

/**
 * What a vendor model expects as input: a {@code 1 × 3 × size × size} float tensor (NCHW, channels
 * in RGB order) holding the grey image replicated to three channels, scaled to [0, 1] and then
 * normalised per channel as {@code (x - mean[c]) / std[c]}.
 *
 * <p>The arrays are copied on the way in and on the way out, so a spec never changes.
 *
 * @param size side of the square input in pixels, 16..4096
 * @param mean per-channel mean, three finite values
 * @param std per-channel standard deviation, three finite values above zero
 */
public record InputSpec(int size, float[] mean, float[] std) {

    /** Smallest accepted input side. */
    public static final int MIN_SIZE = 16;
    /** Largest accepted input side. */
    public static final int MAX_SIZE = 4096;

    private static final String WHERE = "model input spec";

    /** @throws RejectedInputException (kind MODEL) naming the field that is out of range */
    public InputSpec {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new RejectedInputException(Kind.MODEL, WHERE + ", field size",
                    "the input size " + size + " is outside " + MIN_SIZE + ".." + MAX_SIZE,
                    "declare the square input side the model was trained with, such as 224");
        }
        mean = checked(mean, "mean", false);
        std = checked(std, "std", true);
    }

    /** ImageNet statistics at 224 × 224: mean (0.485, 0.456, 0.406), std (0.229, 0.224, 0.225). */
    public static InputSpec imagenet() {
        return new InputSpec(224, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});
    }

    private static float[] checked(float[] values, String field, boolean positive) {
        String where = WHERE + ", field " + field;
        if (values == null || values.length != 3) {
            throw new RejectedInputException(Kind.MODEL, where,
                    "expected three values (R, G, B), got " + (values == null ? "none" : values.length),
                    "give one value per colour channel");
        }
        for (int c = 0; c < 3; c++) {
            float v = values[c];
            if (!Float.isFinite(v) || (positive && !(v > 0f))) {
                throw new RejectedInputException(Kind.MODEL, where + "[" + c + "]",
                        "the value " + v + (positive ? " is not a finite number above zero" : " is not finite"),
                        positive ? "give the standard deviation the model was trained with; it must be above zero"
                                : "give the mean the model was trained with");
            }
        }
        return values.clone();
    }

    /** A copy of the per-channel means. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the per-channel standard deviations. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** Number of floats in one image's tensor: {@code 3 × size × size}. */
    public int tensorLength() {
        return 3 * size * size;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSpec other && size == other.size
                && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, Arrays.hashCode(mean), Arrays.hashCode(std));
    }

    @Override
    public String toString() {
        return "InputSpec[size=" + size + ", mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
