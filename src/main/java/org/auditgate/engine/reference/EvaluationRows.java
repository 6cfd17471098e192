package org.auditgate.engine.reference;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.evaluation.ImageBatches;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.onnx.InferenceSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Backbone features of images that are never augmented (validation, ID test, OOD), from the
 * evaluation preprocessing, one row per image in the order given, looked up in the
 * {@link FeatureCache} first so only misses run through the backbone.
 *
 * @param rows {@code n × F} floats, row-major
 * @param dimension F (0 when there are no images)
 * @param hashes each image's SHA-256
 */
record EvaluationRows(float[] rows, int dimension, List<String> hashes) {

    static EvaluationRows compute(ImageBatches batches, List<DatasetEntry> entries, InferenceSession session, String output,
                                  FeatureCache cache, String modelSha256, String description, Progress progress) {
        List<String> hashes = batches.hashes(entries, progress, "hashing images");
        float[][] rows = new float[entries.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = cache.get(new FeatureCache.Key(modelSha256, hashes.get(i), description)).orElse(null);
            if (rows[i] == null) {
                missing.add(i);
            }
        }
        List<DatasetEntry> toCompute = missing.stream().map(entries::get).toList();
        int size = batches.size();
        batches.forEach(toCompute, progress, "computing features", (from, n, input, sha256) -> {
            float[] out = session.run(input, new long[] {n, 3, size, size}, Set.of(output)).get(output);
            int f = out.length / n;
            for (int r = 0; r < n; r++) {
                int index = missing.get(from + r);
                rows[index] = java.util.Arrays.copyOfRange(out, r * f, (r + 1) * f);
                cache.put(new FeatureCache.Key(modelSha256, sha256.get(r), description), rows[index]);
            }
        });
        int dimension = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * dimension];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dimension) {
                throw new IllegalStateException("feature rows of different lengths: " + rows[i].length + " and " + dimension);
            }
            System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
        }
        return new EvaluationRows(flat, dimension, List.copyOf(hashes));
    }

    /** @throws IllegalStateException when these rows are not {@code f} wide */
    void requireDimension(int f) {
        if (!hashes.isEmpty() && dimension != f) {
            throw new IllegalStateException("evaluation features have " + dimension + " values, training views " + f);
        }
    }
}
