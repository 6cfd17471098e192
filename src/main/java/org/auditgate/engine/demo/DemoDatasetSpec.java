package org.auditgate.engine.demo;

/**
 * The size of a synthetic demo dataset.
 *
 * @param width image width in pixels (at least 64)
 * @param height image height in pixels (at least 64)
 * @param idImagesPerClass images of each class from its in-distribution site (pneumonia from
 *     {@code site-north}, normal from {@code site-south})
 * @param oodImagesPerClassPerSite images of each class from each out-of-distribution site
 *     ({@code site-east}, {@code site-west})
 */
public record DemoDatasetSpec(int width, int height, int idImagesPerClass, int oodImagesPerClassPerSite) {

    /** 256×288 images (portrait, so the evaluator's resize and crop both act); 240 ID and 240 OOD images. */
    public static final DemoDatasetSpec DEFAULT = new DemoDatasetSpec(256, 288, 120, 60);

    /** @throws IllegalArgumentException if a size is below 64 px or a count below 1 */
    public DemoDatasetSpec {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("images must be at least 64×64, got " + width + "×" + height);
        }
        if (idImagesPerClass < 1 || oodImagesPerClassPerSite < 1) {
            throw new IllegalArgumentException("every site and class needs at least one image");
        }
    }
}
