package org.auditgate.engine.noise;

import org.auditgate.engine.RejectedInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoiseTypeTest {

    @Test
    void parsesEveryCliNameBack() {
        for (NoiseType type : NoiseType.values()) {
            assertThat(NoiseType.parse(type.cliName())).isSameAs(type);
        }
        assertThat(NoiseType.parse(" Salt-Pepper ")).isSameAs(NoiseType.SALT_PEPPER);
    }

    @Test
    void trainingChoicesAreTheFiveInTheirOrder() {
        assertThat(NoiseType.TRAINING_CHOICES).containsExactly(
                NoiseType.GAUSSIAN, NoiseType.SPECKLE, NoiseType.POISSON, NoiseType.SALT_PEPPER, NoiseType.IDENTITY);
        assertThat(NoiseType.TRAINING_CHOICES.stream().map(NoiseType::cliName))
                .containsExactly("gaussian", "speckle", "poisson", "salt-pepper", "identity");
    }

    @Test
    void rejectsAnUnknownNameSayingWhatToUse() {
        assertThatThrownBy(() -> NoiseType.parse("s&p"))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RejectedInputException.Kind.CONFIG);
                    assertThat(e.where()).isEqualTo("noise type");
                    assertThat(e.problem()).isEqualTo("'s&p' is not a noise type");
                    assertThat(e.remedy()).isEqualTo("Use one of gaussian, speckle, poisson, salt-pepper, identity");
                });
        assertThatThrownBy(() -> NoiseType.parse(null)).isInstanceOf(RejectedInputException.class);
    }
}
