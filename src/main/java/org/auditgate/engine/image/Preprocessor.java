package org.auditgate.engine.image;

import java.util.Objects;

/**
 * The evaluation preprocessing of DESIGN §4: shorter side to {@code size}, centre crop to
 * {@code size × size}, grey replicated to three channels, scaled to [0, 1] and normalised with
 * the vendor's mean and std into an NCHW float tensor.
 *
 * <p>Stateless after construction and safe to share between threads. The per-channel arithmetic
 * {@code (p / 255f - mean[c]) / std[c]} is done once per grey level into lookup tables.
 */
public final class Preprocessor {

    private final InputSpec spec;
    /** {@code table[c][p]}: the tensor value of grey level {@code p} in channel {@code c}. */
    private final float[][] table = new float[3][256];

    /** @param spec the model's input spec */
    public Preprocessor(InputSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        float[] mean = spec.mean();
        float[] std = spec.std();
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < 256; p++) {
                table[c][p] = (p / 255f - mean[c]) / std[c];
            }
        }
    }

    /** The spec this preprocessor follows. */
    public InputSpec spec() {
        return spec;
    }

    /** Shorter side to {@code spec.size()} then centre crop: a {@code size × size} image. */
    public GreyImage prepare(GreyImage decoded) {
        int size = spec.size();
        return Resize.centreCrop(Resize.resizeShorterSide(decoded, size), size);
    }

    /**
     * Writes the {@code 3 × size × size} tensor of a prepared image into {@code dst} from
     * {@code offset} on, channel by channel (NCHW).
     *
     * @throws IllegalArgumentException if the image is not {@code size × size}
     * @throws IndexOutOfBoundsException if {@code dst} has no room from {@code offset} on
     */
    public void writeTensor(GreyImage prepared, float[] dst, int offset) {
        int size = spec.size();
        if (prepared.width() != size || prepared.height() != size) {
            throw new IllegalArgumentException("expected a prepared " + size + "×" + size + " image, got "
                    + prepared.width() + "×" + prepared.height());
        }
        int plane = size * size;
        Objects.checkFromIndexSize(offset, 3 * plane, dst.length);
        byte[] pixels = prepared.raw();
        for (int c = 0; c < 3; c++) {
            float[] lut = table[c];
            int base = offset + c * plane;
            for (int i = 0; i < plane; i++) {
                dst[base + i] = lut[pixels[i] & 0xFF];
            }
        }
    }

    /** {@link #prepare} then {@link #writeTensor} into a new array of {@code 3 × size × size}. */
    public float[] tensor(GreyImage decoded) {
        float[] out = new float[spec.tensorLength()];
        writeTensor(prepare(decoded), out, 0);
        return out;
    }
}
