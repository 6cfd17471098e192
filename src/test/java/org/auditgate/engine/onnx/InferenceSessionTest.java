package org.auditgate.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InferenceSessionTest {

    private static final long[] SHAPE = {2, 3, TinyModels.SIZE, TinyModels.SIZE};

    @Test
    void cudaFallsBackToTheCpuWithTheSameResults() {
        byte[] model = TinyModels.gemmHeaded().toByteArray();
        float[] images = TinyModels.images(2, 21);
        Map<String, float[]> cpu;
        try (InferenceSession session = InferenceSession.open(model, RuntimeOptions.cpu())) {
            assertThat(session.activeDevice()).isEqualTo(Device.CPU);
            cpu = session.run(images, SHAPE, Set.of("logits"));
        }
        // No GPU and a CPU-only runtime here: every CUDA attempt fails.
        try (InferenceSession session = InferenceSession.open(model, new RuntimeOptions(Device.CUDA, 0, 1))) {
            assertThat(session.activeDevice()).isEqualTo(Device.CPU);
            assertThat(session.inputName()).isEqualTo("image");
            assertThat(session.outputNames()).containsExactly("logits");
            assertThat(session.outputShape("logits")).containsExactly(-1, 2);
            assertThat(session.run(images, SHAPE, Set.of("logits")).get("logits")).containsExactly(cpu.get("logits"));
        }
    }

    @Test
    void runtimeErrorsSayWhatToDo() {
        try (InferenceSession session = InferenceSession.open(TinyModels.gemmHeaded().toByteArray(), RuntimeOptions.cpu())) {
            assertThatThrownBy(() -> session.run(new float[2 * 3 * 5], new long[] {2, 3, 5}, Set.of("logits")))
                    .isInstanceOf(InferenceException.class)
                    .hasMessageContaining("[2, 3, 5]").hasMessageContaining("check the input size");
            assertThatThrownBy(() -> session.run(new float[7], SHAPE, Set.of("logits")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 values");
        }
        byte[] broken = TinyModels.gemmHeaded().toBuilder().clearOpsetImport().build().toByteArray();
        assertThatThrownBy(() -> InferenceSession.open(broken, RuntimeOptions.cpu()))
                .isInstanceOf(InferenceException.class).hasMessageContaining("ONNX Runtime cannot load the model");
    }
}
