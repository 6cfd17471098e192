package org.auditgate.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

class InputSpecTest {

    private static final float[] ONES = {1f, 1f, 1f};

    @Test
    void imagenetHasTheUsualStatistics() {
        InputSpec spec = InputSpec.imagenet();
        assertThat(spec.size()).isEqualTo(224);
        assertThat(spec.mean()).containsExactly(0.485f, 0.456f, 0.406f);
        assertThat(spec.std()).containsExactly(0.229f, 0.224f, 0.225f);
        assertThat(spec.tensorLength()).isEqualTo(3 * 224 * 224);
        assertThat(spec).isEqualTo(InputSpec.imagenet());
    }

    @Test
    void copiesItsArrays() {
        float[] mean = {0f, 0f, 0f};
        InputSpec spec = new InputSpec(32, mean, ONES);
        mean[0] = 5f;
        spec.std()[0] = 5f;
        assertThat(spec.mean()[0]).isZero();
        assertThat(spec.std()[0]).isEqualTo(1f);
    }

    @Test
    void rejectsSizesOutOfRange() {
        assertThatThrownBy(() -> new InputSpec(15, ONES, ONES))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).where()).endsWith("field size"));
        assertThatThrownBy(() -> new InputSpec(4097, ONES, ONES)).isInstanceOf(RejectedInputException.class);
        assertThat(new InputSpec(16, ONES, ONES).size()).isEqualTo(16);
        assertThat(new InputSpec(4096, ONES, ONES).size()).isEqualTo(4096);
    }

    @Test
    void rejectsBadStatistics() {
        assertThatThrownBy(() -> new InputSpec(224, ONES, new float[] {1f, 0f, 1f}))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).where()).endsWith("field std[1]"));
        assertThatThrownBy(() -> new InputSpec(224, ONES, new float[] {1f, 1f, -1f}))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> new InputSpec(224, new float[] {Float.NaN, 0f, 0f}, ONES))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> new InputSpec(224, new float[] {0f, 0f}, ONES))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("three values");
        assertThatThrownBy(() -> new InputSpec(224, ONES, null)).isInstanceOf(RejectedInputException.class);
    }
}
