package org.auditgate.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTableTest {

    @Test
    void signedValuesNeverShowNegativeZero() {
        assertThat(ComparisonTable.signed(-0.0001)).isEqualTo("+0.000");
        assertThat(ComparisonTable.signed(-0.0)).isEqualTo("+0.000");
        assertThat(ComparisonTable.signed(-0.0006)).isEqualTo("-0.001");
        assertThat(ComparisonTable.signed(0.0634)).isEqualTo("+0.063");
        assertThat(ComparisonTable.signed(Double.NaN)).isEqualTo("—");
    }

    @Test
    void pValuesSwitchToScientificBelowOnePerMille() {
        assertThat(ComparisonTable.p(0.0432)).isEqualTo("0.043");
        assertThat(ComparisonTable.p(0.00012)).isEqualTo("1.2e-04");
        assertThat(ComparisonTable.p(Double.NaN)).isEqualTo("—");
    }
}
