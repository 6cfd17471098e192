package org.auditgate.engine.evaluation;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.onnx.InferenceSession;

import java.util.List;
import java.util.Set;

/** Runs a backbone over dataset images and collects one feature row per image. */
public final class FeatureExtractor {

    private FeatureExtractor() {
    }

    /** Feature rows of a backbone output, row-major: {@code rows × dimension}. */
    public record Features(float[] values, int rows, int dimension) {
    }

    /**
     * @param output the name of the session's feature output, shaped [N, F]
     */
    public static Features extract(ImageBatches batches, List<DatasetEntry> entries, InferenceSession session, String output,
                                   Progress progress) {
        int size = batches.size();
        float[][] rows = new float[entries.size()][];
        batches.forEach(entries, progress, "computing features", (from, n, input, sha256) -> {
            float[] out = session.run(input, new long[] {n, 3, size, size}, Set.of(output)).get(output);
            int f = out.length / n;
            for (int i = 0; i < n; i++) {
                rows[from + i] = java.util.Arrays.copyOfRange(out, i * f, (i + 1) * f);
            }
        });
        int dimension = rows.length == 0 ? 0 : rows[0].length;
        float[] values = new float[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, values, i * dimension, dimension);
        }
        return new Features(values, rows.length, dimension);
    }
}
