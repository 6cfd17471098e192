package org.auditgate.engine.augment;

import org.auditgate.engine.image.GreyImage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactSheetTest {

    private static GreyImage constant(int w, int h, int level) {
        byte[] p = new byte[w * h];
        java.util.Arrays.fill(p, (byte) level);
        return new GreyImage(w, h, p);
    }

    @Test
    void placesTilesRowByRowWithGutters() {
        // 5 tiles of 3×2 → 3 columns, 2 rows; gutter 1 → 3*3+4 = 13 wide, 2*2+3 = 7 high
        List<GreyImage> tiles = List.of(constant(3, 2, 10), constant(3, 2, 20), constant(3, 2, 30),
                constant(3, 2, 40), constant(3, 2, 50));
        GreyImage sheet = ContactSheet.grid(tiles, 1, 255);
        assertThat(sheet.width()).isEqualTo(13);
        assertThat(sheet.height()).isEqualTo(7);
        assertThat(sheet.get(0, 0)).isEqualTo(255);
        assertThat(sheet.get(1, 1)).isEqualTo(10);
        assertThat(sheet.get(5, 2)).isEqualTo(20);
        assertThat(sheet.get(9, 1)).isEqualTo(30);
        assertThat(sheet.get(1, 4)).isEqualTo(40);
        assertThat(sheet.get(5, 5)).isEqualTo(50);
        assertThat(sheet.get(9, 4)).isEqualTo(255); // the sixth cell is empty
    }

    @Test
    void refusesTilesOfDifferentSizes() {
        assertThatThrownBy(() -> ContactSheet.grid(List.of(constant(3, 2, 0), constant(2, 2, 0)), 1, 0))
                .hasMessageContaining("tile 1 is 2×2");
    }
}
