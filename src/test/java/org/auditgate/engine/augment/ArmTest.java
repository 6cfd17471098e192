package org.auditgate.engine.augment;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmTest {

    @Test
    void namesRoundTrip() {
        assertThat(Arm.CLEAN.cliName()).isEqualTo("clean");
        assertThat(Arm.NOISE.cliName()).isEqualTo("noise");
        assertThat(Arm.parse("clean")).isEqualTo(Arm.CLEAN);
        assertThat(Arm.parse(" Noise ")).isEqualTo(Arm.NOISE);
    }

    @Test
    void unknownArmIsRejectedAsConfiguration() {
        assertThatThrownBy(() -> Arm.parse("noisy"))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.CONFIG);
                    assertThat(e.where()).isEqualTo("arm");
                    assertThat(e.problem()).contains("'noisy'");
                    assertThat(e.remedy()).contains("clean, noise");
                });
        assertThatThrownBy(() -> Arm.parse(null)).isInstanceOf(RejectedInputException.class);
    }
}
