package org.auditgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.auditgate.engine.demo.DemoScenario;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.onnx.RuntimeOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluate, inspect-model and demo commands as a user runs them, on the demo's synthetic data (audit: {@link AuditCommandTest}). */
@QuarkusMainTest
class EvaluateAndDemoCommandTest {

    @TempDir
    static Path shared;

    static DemoScenario.Layout demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeDemo() {
        demo = DemoScenario.create(shared.resolve("demo"), 11, RuntimeOptions.cpu(), 2, Progress.NONE);
    }

    @Test
    void evaluatePrintsTheTableAndWritesTheMetricJsonWithProvenance(QuarkusMainLauncher launcher) throws IOException {
        Path json = dir.resolve("evaluation.json");
        LaunchResult result = launcher.launch("evaluate", "--model", demo.vendorModel().toString(), "--dataset",
                demo.dataset().toString(), "--config", demo.auditConfig().toString(), "--json", json.toString(), "--batch", "16");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("split    train").contains("leakage  none").contains("gap |id-ood|")
                .contains("source:site-east").contains("recorded as evaluation");
        assertThat(result.getErrorOutput()).contains("images/s");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("schema").asText()).isEqualTo("auditgate.metrics/2");
        assertThat(root.path("positive").asText()).isEqualTo("pneumonia");
        assertThat(root.path("groups").path("id").path("auroc").path("value").asDouble()).isGreaterThan(0.9);
        assertThat(root.path("groups").path("ood").path("auroc").path("value").asDouble()).isLessThan(0.7);
        assertThat(root.path("gaps").path("auroc").path("value").asDouble()).isGreaterThan(0.2);
        assertThat(root.path("model").path("featureTensor").path("tensor").asText()).isEqualTo("features");
        assertThat(root.path("model").path("featureTensor").path("dimension").asInt()).isEqualTo(24);
        assertThat(root.path("model").path("input").path("mean").get(0).asDouble()).isEqualTo(0.5);
        assertThat(root.path("split").path("ood").asInt()).isEqualTo(root.path("groups").path("ood").path("n").asInt());
        assertThat(root.path("leakage").isArray()).isTrue();
        assertThat(root.path("leakage")).isEmpty();
        assertThat(root.path("dataset").path("manifestSha256").asText()).hasSize(64);
    }

    @Test
    void inspectModelFindsTheDemoFeatureTensor(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult text = launcher.launch("inspect-model", demo.vendorModel().toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.getOutput()).contains("input        image FLOAT [N, 3, 224, 224]").contains("features     features, 24 values");
        LaunchResult json = launcher.launch("inspect-model", demo.vendorModel().toString(), "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.getOutput());
        assertThat(root.path("featureTensor").path("dimension").asInt()).isEqualTo(24);
        assertThat(root.path("outputs").get(0).path("name").asText()).isEqualTo("probability");
        assertThat(root.path("sha256").asText()).hasSize(64);
        assertThat(root.path("parameterCount").asLong()).isPositive();
    }

    @Test
    void aFileThatIsNotOnnxIsRejectedWithExitCodeOne(QuarkusMainLauncher launcher) throws IOException {
        Path notOnnx = Files.writeString(dir.resolve("model.onnx"), "this is not a model");
        LaunchResult result = launcher.launch("inspect-model", notOnnx.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("rejected model").contains("model.onnx");
    }

    @Test
    void aConfigNamingAnUnknownSourceIsRejectedWithItsLine(QuarkusMainLauncher launcher) throws IOException {
        String yaml = Files.readString(demo.auditConfig()).replace("ood: [site-east, site-west]\n  normal",
                "ood: [site-east, site-nowhere]\n  normal");
        assertThat(yaml).contains("site-nowhere");
        Path config = Files.writeString(dir.resolve("audit.yaml"), yaml);
        LaunchResult result = launcher.launch("evaluate", "--model", demo.vendorModel().toString(), "--dataset",
                demo.dataset().toString(), "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("audit.yaml line").contains("site-nowhere");
    }

    @Test
    void wrongUsageExitsWithTwo(QuarkusMainLauncher launcher) {
        LaunchResult missing = launcher.launch("evaluate", "--dataset", demo.dataset().toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.getErrorOutput().strip().lines()).hasSize(1);
        LaunchResult device = launcher.launch("evaluate", "--model", demo.vendorModel().toString(), "--dataset",
                demo.dataset().toString(), "--config", demo.auditConfig().toString(), "--device", "gpu");
        assertThat(device.exitCode()).isEqualTo(2);
        assertThat(device.getErrorOutput()).contains("--device must be cpu or cuda");
        LaunchResult unknown = launcher.launch("no-such-command");
        assertThat(unknown.exitCode()).isEqualTo(2);
    }

    @Test
    void cudaFallsBackToTheCpuWithAWarning(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("evaluate", "--model", demo.vendorModel().toString(), "--dataset",
                demo.dataset().toString(), "--config", demo.auditConfig().toString(), "--device", "cuda");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getErrorOutput()).contains("on CPU");
    }

    @Test
    void demoWritesEverythingAndShowsTheGap(QuarkusMainLauncher launcher) throws IOException {
        Path out = dir.resolve("my-demo");
        LaunchResult result = launcher.launch("demo", "--out", out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(out.resolve("dataset/manifest.csv")).exists();
        assertThat(out.resolve("vendor-model.onnx")).exists();
        assertThat(out.resolve("audit.yaml")).exists();
        try (var children = Files.list(out)) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("dataset", "vendor-model.onnx", "audit.yaml", "audit");
        }
        JsonNode results = new ObjectMapper().readTree(out.resolve("audit/results.json").toFile());
        assertThat(results.path("schema").asText()).isEqualTo("auditgate.results/1");
        assertThat(results.path("reference").path("seeds").asInt()).isEqualTo(31);
        assertThat(results.path("reference").path("bankViews").asInt()).isEqualTo(16);
        // The demo vendor learned the sites: the default policy's OOD floors must catch it.
        assertThat(results.path("findings").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(result.getOutput().indexOf("VERDICT FAIL")).as("findings come first").isLessThan(result.getOutput().indexOf("split    train"));
        assertThat(result.getOutput()).contains("in distribution but").contains("Rerun the audit by hand").contains("without noise");
        LaunchResult again = launcher.launch("demo", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.getErrorOutput()).contains("is not empty");
    }
}
