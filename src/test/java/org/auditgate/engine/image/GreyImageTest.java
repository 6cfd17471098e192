package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GreyImageTest {

    @Test
    void readsUnsignedRowMajorPixels() {
        GreyImage image = new GreyImage(3, 2, new byte[] {0, 1, 2, 3, 4, (byte) 255});
        assertThat(image.get(2, 0)).isEqualTo(2);
        assertThat(image.get(0, 1)).isEqualTo(3);
        assertThat(image.get(2, 1)).isEqualTo(255);
        assertThatThrownBy(() -> image.get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void isImmutable() {
        byte[] pixels = {1, 2};
        GreyImage image = new GreyImage(2, 1, pixels);
        pixels[0] = 9;
        image.pixels()[1] = 9;
        assertThat(image.pixels()).containsExactly(1, 2);
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThatThrownBy(() -> new GreyImage(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GreyImage(0, 1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
