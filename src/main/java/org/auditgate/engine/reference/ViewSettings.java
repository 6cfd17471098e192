package org.auditgate.engine.reference;

import org.auditgate.engine.augment.RandomResizedCrop;
import org.auditgate.engine.augment.TrainingViews;
import org.auditgate.engine.noise.NoiseInjector;
import org.auditgate.engine.noise.NoiseParameters;

import java.util.Objects;

/**
 * The augmentation of the training views (DESIGN §4 "Arms and seeds"): noise parameters of arm
 * {@code noise}, then RandomResizedCrop to the model's input side and a horizontal flip, for both
 * arms. The crop parameters are checked by {@link RandomResizedCrop}.
 *
 * @param noise the noise parameters (the paper: scikit-image's defaults)
 * @param minScale smallest crop area fraction (the paper: 0.08)
 * @param maxScale largest crop area fraction (the paper: 1)
 * @param minRatio smallest crop aspect ratio (the paper: 3/4)
 * @param maxRatio largest crop aspect ratio (the paper: 4/3)
 * @param flipProbability chance of a horizontal flip (the paper: 0.5)
 */
public record ViewSettings(NoiseParameters noise, double minScale, double maxScale, double minRatio, double maxRatio,
        double flipProbability) {

    /** @throws NullPointerException when {@code noise} is null */
    public ViewSettings {
        Objects.requireNonNull(noise, "noise");
    }

    /** The paper's views: {@code RandomResizedCrop(scale 0.08–1, ratio 3/4–4/3)}, flip with p = 0.5, scikit-image noise. */
    public static ViewSettings paper() {
        return new ViewSettings(NoiseParameters.paper(), 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0, 0.5);
    }

    /** These settings with another crop area range. */
    public ViewSettings withScale(double minScale, double maxScale) {
        return new ViewSettings(noise, minScale, maxScale, minRatio, maxRatio, flipProbability);
    }

    /** The views for a model whose input side is {@code size}. */
    public TrainingViews trainingViews(int size) {
        return new TrainingViews(new NoiseInjector(noise),
                new RandomResizedCrop(size, minScale, maxScale, minRatio, maxRatio), flipProbability);
    }
}
