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
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference command as a reviewer runs it, on the demo's synthetic data. */
@QuarkusMainTest
class ReferenceCommandTest {

    @TempDir
    static Path shared;

    static DemoScenario.Layout demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeDemo() {
        demo = DemoScenario.create(shared.resolve("demo"), 13, RuntimeOptions.cpu(), 2, Progress.NONE);
    }

    private String[] args(String... extra) {
        String[] base = {"reference", "--model", demo.vendorModel().toString(), "--dataset", demo.dataset().toString(),
                "--config", demo.auditConfig().toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void runsBothArmsWritesTheJsonAndExportsAModelThatEvaluateRuns(QuarkusMainLauncher launcher) throws IOException {
        Path json = dir.resolve("reference.json");
        Path export = dir.resolve("export");
        LaunchResult result = launcher.launch(args("--seeds", "2", "--views", "bank:2", "--json", json.toString(),
                "--export-reference", export.toString(), "--export-arm", "clean", "--export-seed", "2"));
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("bank views K = 2, 2 paired seeds").contains("clean").contains("noise")
                .contains("reference model (clean arm, seed 2)");
        assertThat(result.getErrorOutput()).contains("training heads");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("schema").asText()).isEqualTo("auditgate.reference/1");
        assertThat(root.path("arms").path("clean").path("runs")).hasSize(2);
        assertThat(root.path("arms").path("noise").path("runs")).hasSize(2);
        Path model = export.resolve("reference-clean-seed2.onnx");
        Path scores = export.resolve("reference-clean-seed2.scores.csv");
        assertThat(model).exists();
        assertThat(scores).exists();

        LaunchResult evaluated = launcher.launch("evaluate", "--model", model.toString(), "--dataset", demo.dataset().toString(),
                "--config", demo.auditConfig().toString(), "--json", dir.resolve("evaluated.json").toString());
        assertThat(evaluated.exitCode()).as(evaluated.getErrorOutput()).isZero();
        LaunchResult fromScores = launcher.launch("score-metrics", "--scores", scores.toString(), "--positive", "pneumonia",
                "--json", dir.resolve("from-scores.json").toString());
        assertThat(fromScores.exitCode()).as(fromScores.getErrorOutput()).isZero();
        JsonNode a = new ObjectMapper().readTree(dir.resolve("evaluated.json").toFile()).path("groups");
        JsonNode b = new ObjectMapper().readTree(dir.resolve("from-scores.json").toFile()).path("groups");
        for (String group : new String[] {"id", "ood", "source:site-east"}) {
            assertThat(a.path(group).path("auroc").path("value").asDouble())
                    .as(group).isEqualTo(b.path(group).path("auroc").path("value").asDouble());
        }
    }

    @Test
    void exactViewsRunBothArms(QuarkusMainLauncher launcher) throws IOException {
        Path json = dir.resolve("exact.json");
        LaunchResult result = launcher.launch(args("--seeds", "1", "--views", "exact", "--json", json.toString()));
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("exact views, 1 paired seeds").contains("clean").contains("noise");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("viewMode").asText()).isEqualTo("exact");
        assertThat(root.path("arms").path("noise").path("runs")).hasSize(1);
    }

    @Test
    void wrongUsageExitsWithTwo(QuarkusMainLauncher launcher) {
        assertThat(launcher.launch(args("--views", "exakt")).getErrorOutput()).contains("bank:K (e.g. bank:16) or exact");
        assertThat(launcher.launch(args("--views", "exakt")).exitCode()).isEqualTo(2);
        assertThat(launcher.launch(args("--views", "bank:many")).exitCode()).isEqualTo(2);
        assertThat(launcher.launch(args("--seeds", "0")).exitCode()).isEqualTo(2);
        assertThat(launcher.launch(args("--seeds", "2", "--export-reference", dir.toString(), "--export-seed", "3")).exitCode())
                .isEqualTo(2);
        assertThat(launcher.launch(args("--export-arm", "muddy", "--export-reference", dir.toString())).exitCode()).isEqualTo(2);
    }
}
