package org.auditgate.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void controlCharactersCannotReachTheTerminal() {
        assertThat(TerminalText.safe("model\u001b[2J\r\nforged line")).isEqualTo("model?[2J??forged line");
        assertThat(TerminalText.safe("Modèle Ω → ok")).isEqualTo("Modèle Ω → ok");
        assertThat(TerminalText.safe(null)).isEmpty();
    }
}
