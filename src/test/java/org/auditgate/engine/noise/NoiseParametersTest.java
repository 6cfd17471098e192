package org.auditgate.engine.noise;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoiseParametersTest {

    @Test
    void paperParametersAreScikitImageDefaults() {
        assertThat(NoiseParameters.paper()).isEqualTo(new NoiseParameters(0, 0.01, 0, 0.01, 0.05, 0.5));
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        NoiseParameters edges = new NoiseParameters(-0.3, 0, 0.2, 0, 0, 1);
        assertThat(edges.amount()).isZero();
        assertThat(edges.saltVsPepper()).isEqualTo(1);
    }

    @Test
    void rejectsANegativeVarianceNamingIt() {
        assertThatThrownBy(() -> new NoiseParameters(0, -0.01, 0, 0.01, 0.05, 0.5))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.CONFIG);
                    assertThat(e.where()).isEqualTo("noise parameter gaussianVar");
                    assertThat(e.problem()).isEqualTo("-0.01 is negative, and a variance cannot be");
                    assertThat(e.remedy()).isEqualTo("Give a finite variance of 0 or more, such as 0.01");
                });
    }

    @Test
    void rejectsNonFiniteValues() {
        assertThatThrownBy(() -> new NoiseParameters(Double.NaN, 0.01, 0, 0.01, 0.05, 0.5))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).isEqualTo("noise parameter gaussianMean");
                    assertThat(e.problem()).isEqualTo("NaN is not a finite number");
                });
        assertThatThrownBy(() -> new NoiseParameters(0, 0.01, 0, Double.POSITIVE_INFINITY, 0.05, 0.5))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("noise parameter speckleVar"));
        assertThatThrownBy(() -> new NoiseParameters(0, 0.01, Double.NEGATIVE_INFINITY, 0.01, 0.05, 0.5))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("noise parameter speckleMean"));
    }

    @Test
    void rejectsProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> new NoiseParameters(0, 0.01, 0, 0.01, 1.5, 0.5))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.where()).isEqualTo("noise parameter amount");
                    assertThat(e.problem()).isEqualTo("1.5 is not between 0 and 1");
                    assertThat(e.remedy()).contains("between 0 and 1");
                });
        assertThatThrownBy(() -> new NoiseParameters(0, 0.01, 0, 0.01, 0.05, Double.NaN))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.where()).isEqualTo("noise parameter saltVsPepper"));
        assertThatThrownBy(() -> new NoiseParameters(0, 0.01, 0, 0.01, 0.05, -0.1))
                .isInstanceOf(RejectedInputException.class);
    }
}
