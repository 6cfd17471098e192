package org.auditgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusMainTest
class ScoreMetricsCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTableAndWritesTheMetricJson(QuarkusMainLauncher launcher) throws IOException {
        Path scores = Files.writeString(dir.resolve("scores.csv"),
                "label,score,source,split\npneumonia,0.9,a,id\ncovid,0.1,a,id\npneumonia,0.2,b,ood\ncovid,0.8,b,ood\n");
        Path out = dir.resolve("out/metrics.json");
        LaunchResult result = launcher.launch("score-metrics", "--scores", scores.toString(), "--positive", "pneumonia",
                "--json", out.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("gap |id-ood|").contains("source:b");
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.path("positive").asText()).isEqualTo("pneumonia");
        assertThat(json.path("groups").path("id").path("auroc").path("value").asDouble()).isEqualTo(1.0);
        assertThat(json.path("groups").path("ood").path("auroc").path("value").asDouble()).isEqualTo(0.0);
        assertThat(json.path("gaps").path("auroc").path("value").asDouble()).isEqualTo(1.0);
        try (var files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void wrongUsageIsOneLineAndExitCodeTwo(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("score-metrics", "--threshold", "0.5");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--scores");
        assertThat(result.getErrorOutput().strip().lines()).hasSize(1);
    }

    @Test
    void missingPositiveForNamedLabelsIsAUsageError(QuarkusMainLauncher launcher) throws IOException {
        Path scores = Files.writeString(dir.resolve("s.csv"), "label,score\npneumonia,0.9\ncovid,0.1\n");
        LaunchResult result = launcher.launch("score-metrics", "--scores", scores.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("--positive").contains("covid, pneumonia");
    }

    @Test
    void badRowIsRejectedWithFileLineAndColumn(QuarkusMainLauncher launcher) throws IOException {
        Path scores = Files.writeString(dir.resolve("bad.csv"), "label,score\n1,0.9\n0,high\n");
        LaunchResult result = launcher.launch("score-metrics", "--scores", scores.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("bad.csv line 3, column score").contains("'high' is not a number");
    }
}
