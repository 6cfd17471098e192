package org.auditgate.engine.evaluation;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.image.InputSpec;
import org.auditgate.engine.onnx.ScoreKind;
import org.auditgate.engine.onnx.ScoreSpec;
import org.auditgate.engine.split.ModelSettings;

import java.util.Arrays;
import java.util.Map;

/**
 * Resolves how to feed a vendor model and read its score: the audit configuration's {@code model}
 * section wins, then what the model declares in its metadata ({@code auditgate.input.size},
 * {@code auditgate.input.mean}, {@code auditgate.input.std}, comma-separated), then the ImageNet
 * convention (224, ImageNet mean/std) that most vendor backbones follow.
 */
public final class ModelInputs {

    public static final String SIZE_KEY = "auditgate.input.size";
    public static final String MEAN_KEY = "auditgate.input.mean";
    public static final String STD_KEY = "auditgate.input.std";

    private ModelInputs() {
    }

    public static InputSpec inputSpec(Map<String, String> metadata, ModelSettings settings) {
        InputSpec imagenet = InputSpec.imagenet();
        int size = settings.inputSize().orElseGet(() -> metadata.containsKey(SIZE_KEY)
                ? parseInt(metadata.get(SIZE_KEY), SIZE_KEY) : imagenet.size());
        float[] mean = settings.mean().map(ModelInputs::toFloats)
                .orElseGet(() -> metadata.containsKey(MEAN_KEY) ? parseFloats(metadata.get(MEAN_KEY), MEAN_KEY) : imagenet.mean());
        float[] std = settings.std().map(ModelInputs::toFloats)
                .orElseGet(() -> metadata.containsKey(STD_KEY) ? parseFloats(metadata.get(STD_KEY), STD_KEY) : imagenet.std());
        return new InputSpec(size, mean, std);
    }

    public static ScoreSpec scoreSpec(ModelSettings settings) {
        return new ScoreSpec(settings.output(), settings.scoreKind().orElse(ScoreKind.AUTO), settings.positiveIndex().orElse(1));
    }

    private static float[] toFloats(java.util.List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }

    private static int parseInt(String text, String key) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RejectedInputException(Kind.MODEL, "model metadata " + key, "'" + text + "' is not a whole number",
                    "Fix the model's metadata or set model.input.size in audit.yaml");
        }
    }

    private static float[] parseFloats(String text, String key) {
        try {
            String[] parts = text.split(",");
            float[] out = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = Float.parseFloat(parts[i].trim());
            }
            if (out.length == 1) {
                out = new float[] {out[0], out[0], out[0]};
            }
            return out;
        } catch (NumberFormatException e) {
            throw new RejectedInputException(Kind.MODEL, "model metadata " + key, "'" + text + "' is not a list of numbers: "
                    + Arrays.toString(text.split(",")), "Fix the model's metadata or set model.input in audit.yaml");
        }
    }
}
