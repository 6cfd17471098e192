package org.auditgate.engine.augment;

import org.apache.commons.rng.UniformRandomProvider;
import org.auditgate.engine.image.GreyImage;
import org.auditgate.engine.noise.NoiseInjector;
import org.auditgate.engine.noise.NoiseType;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingViewsTest {

    private static final TrainingViews PAPER = TrainingViews.paper();
    /** Same noise and flip, 8-pixel views: cheap enough for frequency counts over many keys. */
    private static final TrainingViews SMALL = new TrainingViews(NoiseInjector.paper(),
            new RandomResizedCrop(8, 0.08, 1.0, 3.0 / 4.0, 4.0 / 3.0), 0.5);

    /** A 300-wide, 224-tall textured image (as after Resize(224) of a landscape picture). */
    private static final GreyImage TEXTURE = texture(300, 224);

    @Test
    void drawsInTheDocumentedOrder() {
        // Noise arm: nextInt(5) = 4 picks identity (no pixel draws); the crop draws U = 0.5 twice and
        // then randint for i and j (224×224: nextInt(60) twice, see RandomResizedCropTest); the flip
        // draws 0.25 < 0.5.
        GreyImage square = texture(224, 224);
        ScriptedRandom rng = new ScriptedRandom().givingInts(4, 7, 30).givingDoubles(0.5, 0.5, 0.25);
        TrainingViews.View view = PAPER.view(square, Arm.NOISE, rng);
        assertThat(rng.bounds).containsExactly(5, 60, 60);
        assertThat(view.noise()).contains(NoiseType.IDENTITY);
        assertThat(view.crop()).isEqualTo(new CropBox(30, 7, 165, 165));
        assertThat(view.flipped()).isTrue();
        assertThat(view.image().pixels()).containsExactly(
                HorizontalFlip.mirror(RandomResizedCrop.apply(square, view.crop(), 224)).pixels());
        assertThat(view.label()).isEqualTo("identity, crop 165×165 at (30, 7), flipped");

        // Clean arm: no noise draw at all; 0.75 ≥ 0.5 means no flip.
        ScriptedRandom clean = new ScriptedRandom().givingInts(7, 30).givingDoubles(0.5, 0.5, 0.75);
        TrainingViews.View plain = PAPER.view(square, Arm.CLEAN, clean);
        assertThat(clean.bounds).containsExactly(60, 60);
        assertThat(plain.noise()).isEmpty();
        assertThat(plain.flipped()).isFalse();
        assertThat(plain.label()).isEqualTo("clean, crop 165×165 at (30, 7)");
    }

    @Test
    void viewIsNoiseThenCropThenFlipOnTheKeysStream() {
        StreamKey key = new StreamKey(11L, Arm.NOISE, 2, 5, 17);
        TrainingViews.View view = PAPER.view(TEXTURE, key);
        UniformRandomProvider rng = key.rng();
        NoiseType type = NoiseType.TRAINING_CHOICES.get(rng.nextInt(5));
        GreyImage noisy = NoiseInjector.paper().apply(type, TEXTURE, rng);
        CropBox box = RandomResizedCrop.paper().params(300, 224, rng);
        GreyImage expected = RandomResizedCrop.apply(noisy, box, 224);
        boolean flipped = rng.nextDouble() < 0.5;
        if (flipped) {
            expected = HorizontalFlip.mirror(expected);
        }
        assertThat(view.noise()).contains(type);
        assertThat(view.crop()).isEqualTo(box);
        assertThat(view.flipped()).isEqualTo(flipped);
        assertThat(view.image().pixels()).containsExactly(expected.pixels());
    }

    @Test
    void viewsAreSquareOfTheCropSizeWithBoxesInsideTheImage() {
        for (int image = 0; image < 40; image++) {
            for (Arm arm : Arm.values()) {
                TrainingViews.View view = PAPER.view(TEXTURE, new StreamKey(1L, arm, 0, 0, image));
                assertThat(view.image().width()).isEqualTo(224);
                assertThat(view.image().height()).isEqualTo(224);
                assertThat(view.crop().fitsIn(300, 224)).isTrue();
            }
        }
    }

    @Test
    void noiseChoicesAreUniformAndFlipsHalf() {
        // 50,000 noise-arm keys: each type's count is binomial(50000, 1/5), SD 89.4; the bound
        // 394 = 4.4 SD (two-sided about 1e-5 each). Flips: binomial(50000, 1/2), SD 112, bound 492.
        GreyImage small = texture(10, 8);
        Map<NoiseType, Integer> counts = new EnumMap<>(NoiseType.class);
        int flips = 0;
        for (int image = 0; image < 50_000; image++) {
            TrainingViews.View view = SMALL.view(small, new StreamKey(77L, Arm.NOISE, 0, 0, image));
            counts.merge(view.noise().orElseThrow(), 1, Integer::sum);
            flips += view.flipped() ? 1 : 0;
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(NoiseType.TRAINING_CHOICES);
        for (int count : counts.values()) {
            assertThat(count).isBetween(10_000 - 394, 10_000 + 394);
        }
        assertThat(flips).isBetween(25_000 - 492, 25_000 + 492);
    }

    @Test
    void cleanArmNeverAddsNoise() {
        byte[] grey = new byte[300 * 224];
        java.util.Arrays.fill(grey, (byte) 100);
        GreyImage constant = new GreyImage(300, 224, grey);
        for (int image = 0; image < 100; image++) {
            TrainingViews.View view = PAPER.view(constant, new StreamKey(5L, Arm.CLEAN, 1, 2, image));
            assertThat(view.noise()).isEmpty();
            assertThat(distinct(view.image())).as("clean view %d", image).containsExactly(100);
        }
        // The same check sees noise when there is some: noisy views of the constant image that drew
        // a real noise type are no longer constant, identity ones are.
        int noisy = 0;
        for (int image = 0; image < 100; image++) {
            TrainingViews.View view = PAPER.view(constant, new StreamKey(5L, Arm.NOISE, 1, 2, image));
            boolean constantView = distinct(view.image()).size() == 1;
            assertThat(constantView).as("noise view %d (%s)", image, view.label())
                    .isEqualTo(view.noise().orElseThrow() == NoiseType.IDENTITY);
            noisy += constantView ? 0 : 1;
        }
        assertThat(noisy).isPositive();
    }

    @Test
    void keysDifferingInAnyFieldGiveDifferentViews() {
        StreamKey base = new StreamKey(42L, Arm.NOISE, 3, 7, 11);
        byte[] baseView = PAPER.view(TEXTURE, base).image().pixels();
        assertThat(PAPER.view(TEXTURE, new StreamKey(42L, Arm.NOISE, 3, 7, 11)).image().pixels())
                .containsExactly(baseView);
        for (StreamKey key : StreamKeyTest.oneFieldChanged(base)) {
            assertThat(PAPER.view(TEXTURE, key).image().pixels()).as("%s", key).isNotEqualTo(baseView);
        }
    }

    @Test
    void parallelAndSequentialViewsAreIdentical() {
        List<StreamKey> keys = IntStream.range(0, 200)
                .mapToObj(k -> new StreamKey(9L, k % 2 == 0 ? Arm.NOISE : Arm.CLEAN, k % 3, k % 5, k))
                .collect(Collectors.toList());
        List<byte[]> sequential = keys.stream().map(k -> PAPER.view(TEXTURE, k).image().pixels()).toList();
        List<byte[]> parallel = keys.parallelStream().map(k -> PAPER.view(TEXTURE, k).image().pixels()).toList();
        for (int k = 0; k < keys.size(); k++) {
            assertThat(parallel.get(k)).as("view %d", k).containsExactly(sequential.get(k));
        }
    }

    @Test
    void rejectsAnImageNotResizedToTheViewSize() {
        assertThatThrownBy(() -> PAPER.view(texture(300, 225), new StreamKey(1L, Arm.CLEAN, 0, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shorter side is 224");
        GreyImage resized = PAPER.resize(texture(600, 450));
        assertThat(resized.width()).isEqualTo(298);
        assertThat(resized.height()).isEqualTo(224);
        assertThat(PAPER.view(resized, new StreamKey(1L, Arm.CLEAN, 0, 0, 0)).noise()).isEqualTo(Optional.empty());
    }

    private static List<Integer> distinct(GreyImage image) {
        return IntStream.range(0, image.width() * image.height())
                .map(k -> image.get(k % image.width(), k / image.width())).distinct().boxed().toList();
    }

    private static GreyImage texture(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (byte) ((x * 7 + y * 3 + (x * y) % 31) & 0xFF);
            }
        }
        return new GreyImage(width, height, pixels);
    }
}
