package org.auditgate.engine.reference;

import org.auditgate.engine.onnx.Device;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceOptionsTest {

    @Test
    void defaultsFollowTheDesign() {
        ReferenceOptions d = ReferenceOptions.defaults();
        assertThat(d.seeds()).isEqualTo(31);
        assertThat(d.bankViews()).isEqualTo(16);
        assertThat(d.batchSize()).isEqualTo(32);
        assertThat(d.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.runtime().device()).isEqualTo(Device.CPU);
        assertThat(d.viewMode()).isEqualTo(ViewMode.BANK);
        assertThat(d.withViewMode(ViewMode.EXACT).viewMode()).isEqualTo(ViewMode.EXACT);
        assertThat(d.withViewMode(ViewMode.EXACT).withSeeds(2).viewMode()).as("withers keep the mode").isEqualTo(ViewMode.EXACT);
        assertThat(ViewMode.EXACT.jsonName()).isEqualTo("exact");
        assertThat(d.withSeeds(3).withBankViews(2).withThreads(1)).isEqualTo(new ReferenceOptions(3, 2, 32, 1, RuntimeOptions.cpu()));
    }

    @Test
    void outOfRangeCountsAreRefused() {
        assertThatThrownBy(() -> new ReferenceOptions(0, 16, 32, 1, RuntimeOptions.cpu())).hasMessageContaining("seeds");
        assertThatThrownBy(() -> new ReferenceOptions(1, 0, 32, 1, RuntimeOptions.cpu())).hasMessageContaining("bankViews");
        assertThatThrownBy(() -> new ReferenceOptions(1, 16, 0, 1, RuntimeOptions.cpu())).hasMessageContaining("batch");
        assertThatThrownBy(() -> new ReferenceOptions(1, 16, 32, 0, RuntimeOptions.cpu())).hasMessageContaining("threads");
        assertThatThrownBy(() -> new ReferenceOptions(1, 16, 32, 1, RuntimeOptions.cpu(), null)).hasMessageContaining("viewMode");
    }
}
