package org.auditgate.engine.augment;

import org.auditgate.engine.image.GreyImage;

import java.util.List;

/** Lays equally sized grey images out on a near-square grid, so a reviewer sees them at a glance. */
public final class ContactSheet {

    private ContactSheet() {
    }

    /**
     * @param tiles images of one size, placed row by row
     * @param gutter pixels between tiles and around the sheet
     * @param background grey level of the gutters (0–255)
     */
    public static GreyImage grid(List<GreyImage> tiles, int gutter, int background) {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a contact sheet needs at least one image");
        }
        if (gutter < 0 || background < 0 || background > 255) {
            throw new IllegalArgumentException("gutter must be ≥ 0 and background in 0..255");
        }
        int w = tiles.get(0).width();
        int h = tiles.get(0).height();
        int columns = (int) Math.ceil(Math.sqrt(tiles.size()));
        int rows = (tiles.size() + columns - 1) / columns;
        int width = columns * w + (columns + 1) * gutter;
        int height = rows * h + (rows + 1) * gutter;
        byte[] sheet = new byte[width * height];
        java.util.Arrays.fill(sheet, (byte) background);
        for (int t = 0; t < tiles.size(); t++) {
            GreyImage tile = tiles.get(t);
            if (tile.width() != w || tile.height() != h) {
                throw new IllegalArgumentException("tile " + t + " is " + tile.width() + "×" + tile.height() + ", not " + w + "×" + h);
            }
            int x0 = gutter + (t % columns) * (w + gutter);
            int y0 = gutter + (t / columns) * (h + gutter);
            byte[] pixels = tile.pixels();
            for (int y = 0; y < h; y++) {
                System.arraycopy(pixels, y * w, sheet, (y0 + y) * width + x0, w);
            }
        }
        return new GreyImage(width, height, sheet);
    }
}
