package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.image.Resize;
import org.auditgate.engine.noise.NoiseInjector;
import org.auditgate.engine.noise.NoiseType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the training views of the reference comparison (DESIGN §4): for arm {@code noise}, one
 * noise type drawn uniformly from {@link NoiseType#TRAINING_CHOICES} applied to the whole
 * 224-resized 8-bit grey image; then, for both arms, {@link RandomResizedCrop} and
 * {@link HorizontalFlip}.
 *
 * <p>All randomness of a view comes from {@link StreamKey#rng()} of its key, drawn in this order:
 * <ol>
 *   <li>arm {@code noise} only: the noise type, {@code nextInt(5)} indexing
 *       {@code TRAINING_CHOICES} (gaussian, speckle, poisson, salt-pepper, identity);
 *   <li>arm {@code noise} only: the noise pixels, as {@link NoiseInjector#apply} draws them
 *       (one {@code nextLong()} per pixel of the whole image, none for identity);
 *   <li>the crop window, as {@link RandomResizedCrop#params} draws it;
 *   <li>the flip, one {@code nextDouble()} as {@link HorizontalFlip#draw}.
 * </ol>
 * So a view depends only on the image and its key, and is the same bit for bit on any machine and
 * with any number of threads. Instances are immutable and thread-safe.
 */
public final class TrainingViews {

    private static final List<NoiseType> CHOICES = NoiseType.TRAINING_CHOICES;

    private final NoiseInjector noise;
    private final RandomResizedCrop crop;
    private final HorizontalFlip flip;

    /**
     * One training view.
     *
     * @param image the view, {@code size × size}
     * @param noise the noise type applied (possibly {@code IDENTITY}) for arm {@code noise};
     *        empty for arm {@code clean}, which never draws one
     * @param crop the window cut from the resized image, before the flip
     * @param flipped whether the view was mirrored left to right after cropping
     */
    public record View(GreyImage image, Optional<NoiseType> noise, CropBox crop, boolean flipped) {

        /** @throws NullPointerException if a component is null */
        public View {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(noise, "noise");
            Objects.requireNonNull(crop, "crop");
        }

        /** A short caption for contact sheets, such as {@code "gaussian, crop 120×98 at (3, 40), flipped"}. */
        public String label() {
            return noise.map(NoiseType::cliName).orElse("clean") + ", crop " + crop + (flipped ? ", flipped" : "");
        }
    }

    /**
     * @param noise the noise injector of arm {@code noise}
     * @param crop the random resized crop of both arms
     * @param flipProbability the chance of a horizontal flip, in [0, 1]
     * @throws IllegalArgumentException if the flip probability lies outside [0, 1]
     */
    public TrainingViews(NoiseInjector noise, RandomResizedCrop crop, double flipProbability) {
        this.noise = Objects.requireNonNull(noise, "noise");
        this.crop = Objects.requireNonNull(crop, "crop");
        this.flip = new HorizontalFlip(flipProbability);
    }

    /** The paper's views: scikit-image noise defaults, {@code RandomResizedCrop(224)}, flip with p = 0.5. */
    public static TrainingViews paper() {
        return new TrainingViews(NoiseInjector.paper(), RandomResizedCrop.paper(), 0.5);
    }

    /** Side of the square views. */
    public int size() {
        return crop.size();
    }

    /**
     * The input the views expect: {@code decoded} resized so its shorter side is {@link #size()}
     * (torchvision {@code Resize(size)}, Pillow bilinear).
     */
    public GreyImage resize(GreyImage decoded) {
        return Resize.resizeShorterSide(decoded, crop.size());
    }

    /**
     * The view of {@code resized} for {@code key}.
     *
     * @param resized the 8-bit grey image whose shorter side is {@link #size()} (see {@link #resize})
     * @throws IllegalArgumentException if the shorter side is not {@link #size()}
     */
    public View view(GreyImage resized, StreamKey key) {
        Objects.requireNonNull(key, "key");
        return view(resized, key.arm(), key.rng());
    }

    /** {@link #view(GreyImage, StreamKey)} with the stream given directly, for tests of the draw order. */
    View view(GreyImage resized, Arm arm, UniformRandomProvider rng) {
        Objects.requireNonNull(resized, "resized");
        if (Math.min(resized.width(), resized.height()) != crop.size()) {
            throw new IllegalArgumentException("training views need the image resized so its shorter side is "
                    + crop.size() + ", got " + resized.width() + "×" + resized.height());
        }
        GreyImage source = resized;
        Optional<NoiseType> applied = Optional.empty();
        if (arm == Arm.NOISE) {
            NoiseType type = CHOICES.get(rng.nextInt(CHOICES.size()));
            source = noise.apply(type, resized, rng);
            applied = Optional.of(type);
        }
        CropBox box = crop.params(source.width(), source.height(), rng);
        GreyImage image = RandomResizedCrop.apply(source, box, crop.size());
        boolean flipped = flip.draw(rng);
        if (flipped) {
            image = HorizontalFlip.mirror(image);
        }
        return new View(image, applied, box, flipped);
    }
}
