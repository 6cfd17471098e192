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
    void comparesTwoScorersWithDeLongsPairedTest(QuarkusMainLauncher launcher) throws IOException {
        StringBuilder a = new StringBuilder("label,score,split\n");
        StringBuilder b = new StringBuilder("label,score,split\n");
        for (int i = 0; i < 20; i++) {
            String label = i % 2 == 0 ? "pneumonia" : "covid";
            a.append(label).append(',').append(i % 2 == 0 ? 0.5 + i / 100.0 : 0.3 + i / 50.0).append(",id\n");
            b.append(label).append(',').append((i * 7 % 20) / 20.0).append(",id\n");
        }
        Path first = Files.writeString(dir.resolve("a.csv"), a);
        Path second = Files.writeString(dir.resolve("b.csv"), b);
        Path out = dir.resolve("compare.json");
        LaunchResult result = launcher.launch("score-metrics", "--scores", first.toString(), "--compare", second.toString(),
                "--positive", "pneumonia", "--json", out.toString());
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        assertThat(result.getOutput()).contains("DeLong's paired test");
        JsonNode comparison = new ObjectMapper().readTree(out.toFile()).path("comparison");
        assertThat(comparison.path("scores").asText()).isEqualTo("b.csv");
        JsonNode overall = comparison.path("groups").path("overall");
        assertThat(overall.path("n").asInt()).isEqualTo(20);
        assertThat(overall.path("difference").asDouble())
                .isEqualTo(overall.path("aurocA").asDouble() - overall.path("aurocB").asDouble());
        assertThat(overall.path("pValue").asDouble()).isBetween(0.0, 1.0);

        Path shorter = Files.writeString(dir.resolve("c.csv"), "label,score,split\npneumonia,0.4,id\n");
        LaunchResult mismatch = launcher.launch("score-metrics", "--scores", first.toString(), "--compare", shorter.toString(),
                "--positive", "pneumonia");
        assertThat(mismatch.exitCode()).isEqualTo(1);
        assertThat(mismatch.getErrorOutput()).contains("c.csv").contains("has 1 cases but a.csv has 20");
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
