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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit command as a user runs it, on the demo's synthetic data with few seeds. */
@QuarkusMainTest
class AuditCommandTest {

    @TempDir
    static Path shared;

    static DemoScenario.Layout demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeDemo() {
        demo = DemoScenario.create(shared.resolve("demo"), 11, RuntimeOptions.cpu(), 2, Progress.NONE);
    }

    private LaunchResult audit(QuarkusMainLauncher launcher, Path out, String policy, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", demo.vendorModel().toString(), "--dataset",
                demo.dataset().toString(), "--config", demo.auditConfig().toString(), "--policy", policy, "--out", out.toString(),
                "--seeds", "3", "--views", "bank:2"));
        args.addAll(List.of(extra));
        return launcher.launch(args.toArray(String[]::new));
    }

    @Test
    void writesResultsWithFindingsIntervalsTestsAndShortcuts(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult result = audit(launcher, dir.resolve("out"), "screening");
        assertThat(result.exitCode()).as(result.getErrorOutput()).isZero();
        String output = result.getOutput();
        assertThat(output.indexOf("VERDICT ")).as("findings first").isLessThan(output.indexOf("model    "));
        assertThat(output).contains("policy screening v1").contains("without noise").contains("Wilcoxon p")
                .contains("95% intervals").contains("source probe").contains("Cramér's V");
        JsonNode root = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
        assertThat(root.path("schema").asText()).isEqualTo("auditgate.results/1");
        assertThat(root.path("subject").path("model").path("sha256").asText()).hasSize(64);
        assertThat(root.path("policy").path("name").asText()).isEqualTo("screening");
        assertThat(root.path("policy").path("sha256").asText()).hasSize(64);
        assertThat(root.path("findings").path("schema").asText()).isEqualTo("auditgate.findings/1");
        assertThat(root.path("findings").path("findings").size()).isPositive();

        JsonNode ood = root.path("vendor").path("groups").path("ood");
        assertThat(root.path("vendor").path("schema").asText()).isEqualTo("auditgate.metrics/2");
        for (String metric : List.of("auroc", "recall", "specificity", "f1")) {
            JsonNode m = ood.path(metric);
            assertThat(m.path("ciLower").asDouble()).as(metric).isLessThanOrEqualTo(m.path("value").asDouble());
            assertThat(m.path("ciUpper").asDouble()).as(metric).isGreaterThanOrEqualTo(m.path("value").asDouble());
        }
        assertThat(ood.path("auroc").path("ciMethod").asText()).isEqualTo("delong");
        assertThat(ood.path("recall").path("ciMethod").asText()).isEqualTo("wilson");
        assertThat(ood.path("f1").path("ciMethod").asText()).isEqualTo("bootstrap");
        assertThat(ood.path("brier").isNumber()).isTrue();
        assertThat(ood.path("reliability")).hasSize(10);
        assertThat(root.path("vendorOodSources").has("site-east")).isTrue();
        assertThat(root.path("vendorOodSources").path("site-east").path("n").asInt()
                + root.path("vendorOodSources").path("site-west").path("n").asInt()).isEqualTo(ood.path("n").asInt());

        JsonNode reduction = root.path("reference").path("statistics").path("gapReduction").path("auroc");
        assertThat(reduction.path("pairs").asInt()).isEqualTo(3);
        assertThat(reduction.has("wilcoxonP")).isTrue();
        assertThat(reduction.has("wilcoxonPHolm")).isTrue();
        // The demo's ID sources are the classes: site-north only pneumonia, site-south only normal.
        assertThat(root.path("shortcuts").path("cramersV").asDouble()).isEqualTo(1.0);
        assertThat(root.path("shortcuts").path("idSources").toString()).isEqualTo("[\"site-north\",\"site-south\"]");
        assertThat(root.path("reference").path("sourceProbe").path("auroc").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void theSameInputsGiveTheSameFileForAnyThreadCount(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult one = audit(launcher, dir.resolve("one"), "default", "--threads", "1");
        LaunchResult two = audit(launcher, dir.resolve("two"), "default", "--threads", "2");
        assertThat(one.exitCode()).as(one.getErrorOutput()).isZero();
        assertThat(two.exitCode()).as(two.getErrorOutput()).isZero();
        assertThat(Files.readString(dir.resolve("two/results.json"))).isEqualTo(Files.readString(dir.resolve("one/results.json")));
    }

    @Test
    void aMalformedPolicyIsRejectedWithItsLineAndNothingIsWritten(QuarkusMainLauncher launcher) throws IOException {
        Path policy = Files.writeString(dir.resolve("strict.yaml"), """
                name: strict
                version: 1
                description: too strict to parse
                rules:
                  - id: ood-recall
                    metric: recal
                    scope: vendor.ood
                    statistic: ciLower
                    atLeast: 0.8
                    severity: fail
                    message: missed cases
                """);
        Path out = dir.resolve("never");
        LaunchResult result = audit(launcher, out, policy.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.getErrorOutput()).contains("strict.yaml line 6").contains("recal");
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownPolicyNameAndAFullOutputFolderAreRefused(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult unknown = audit(launcher, dir.resolve("x"), "lenient");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.getErrorOutput()).contains("lenient").contains("default, screening, workflow-burden");
        Path full = Files.createDirectories(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "earlier results");
        LaunchResult occupied = audit(launcher, full, "default");
        assertThat(occupied.exitCode()).isEqualTo(2);
        assertThat(occupied.getErrorOutput()).contains("is not empty");
        assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("earlier results");
    }
}
