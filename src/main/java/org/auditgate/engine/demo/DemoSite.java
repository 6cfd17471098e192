package org.auditgate.engine.demo;

import java.util.SplittableRandom;

/**
 * The four acquisition sites of the demo and the high-frequency artifact each one leaves.
 *
 * <p>Every artifact lives at a spatial frequency far above the pneumonia opacities, and its
 * strength is drawn per image, as a real scanner's would drift.
 */
enum DemoSite {
    /** Anti-scatter-grid lines: one dark column in every four, 4–7 grey levels deep. */
    NORTH("site-north") {
        @Override
        void addArtifact(float[] px, int width, int height, SplittableRandom random) {
            double depth = ChestPhantom.uniform(random, 4, 7);
            int phase = random.nextInt(4);
            for (int y = 0; y < height; y++) {
                for (int x = phase; x < width; x += 4) {
                    px[y * width + x] -= (float) depth;
                }
            }
        }
    },
    /** Sensor grain: per-pixel noise (sigma 5–8 grey levels) and about 0.4 % hot (salt) pixels. */
    SOUTH("site-south") {
        @Override
        void addArtifact(float[] px, int width, int height, SplittableRandom random) {
            double sigma = ChestPhantom.uniform(random, 5, 8);
            for (int i = 0; i < px.length; i++) {
                px[i] += (float) (sigma * ChestPhantom.normal(random));
                if (random.nextDouble() < 0.004) {
                    px[i] += (float) ChestPhantom.uniform(random, 40, 90);
                }
            }
        }
    },
    /** Readout banding: a horizontal sinusoid with a 6-row period, 2–10 grey levels. */
    EAST("site-east") {
        @Override
        void addArtifact(float[] px, int width, int height, SplittableRandom random) {
            double amplitude = ChestPhantom.uniform(random, 2, 10);
            double phase = ChestPhantom.uniform(random, 0, 2 * Math.PI);
            for (int y = 0; y < height; y++) {
                float band = (float) (amplitude * StrictMath.sin(2 * Math.PI * y / 6.0 + phase));
                for (int x = 0; x < width; x++) {
                    px[y * width + x] += band;
                }
            }
        }
    },
    /** JPEG-like blockiness: each 8×8 block flattened towards its mean and offset by up to ±2–8 levels. */
    WEST("site-west") {
        @Override
        void addArtifact(float[] px, int width, int height, SplittableRandom random) {
            double flatten = ChestPhantom.uniform(random, 0.3, 0.8);
            double offset = ChestPhantom.uniform(random, 2, 8);
            for (int by = 0; by < height; by += 8) {
                for (int bx = 0; bx < width; bx += 8) {
                    int yEnd = Math.min(height, by + 8);
                    int xEnd = Math.min(width, bx + 8);
                    double sum = 0;
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            sum += px[y * width + x];
                        }
                    }
                    double mean = sum / ((yEnd - by) * (xEnd - bx));
                    double shift = ChestPhantom.uniform(random, -offset, offset);
                    for (int y = by; y < yEnd; y++) {
                        for (int x = bx; x < xEnd; x++) {
                            int i = y * width + x;
                            px[i] = (float) (px[i] + flatten * (mean - px[i]) + shift);
                        }
                    }
                }
            }
        }
    };

    private final String id;

    DemoSite(String id) {
        this.id = id;
    }

    /** The source name written to the manifest, e.g. {@code site-north}. */
    String id() {
        return id;
    }

    /** Adds this site's artifact to grey values on the 0–255 scale, in place. */
    abstract void addArtifact(float[] px, int width, int height, SplittableRandom random);
}
