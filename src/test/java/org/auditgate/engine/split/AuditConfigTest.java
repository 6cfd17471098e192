package org.auditgate.engine.split;

import org.auditgate.engine.onnx.ScoreKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.auditgate.engine.dataset.DatasetFixtures.assertRejected;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.dataset.DatasetEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and checking audit.yaml. */
class AuditConfigTest {

    static final String FULL = """
            task:
              positive: pneumonia
              negative: covid
            sources:
              covid:
                id: [github.com]
                ood: [sirm.org, radiopaedia.org]
              pneumonia:
                id: [eurorad.org]
                ood: [radiopaedia.org]
            split:
              method: patient
              train: 0.6
              val: 0.15
              test: 0.25
              seed: 20251105
            threshold: 0.4
            model:
              featureTensor: "472_quantized"
              output: "probability"
              scoreKind: logit
              positiveIndex: 1
              input:
                size: 224
                mean: [0.485, 0.456, 0.406]
                std: [0.229, 0.224, 0.225]
            """;

    static final String MINIMAL = """
            task: {positive: b, negative: a}
            sources:
              a: {id: [s1]}
              b: {id: [s2], ood: "*"}
            """;

    @TempDir
    Path tmp;

    @Test
    void readsEveryField() {
        AuditConfig config = AuditConfig.parse(FULL, "audit.yaml");
        assertThat(config.positive()).isEqualTo("pneumonia");
        assertThat(config.negative()).isEqualTo("covid");
        assertThat(config.labels()).containsExactly("pneumonia", "covid");
        assertThat(config.sourcesFor("covid")).isEqualTo(new ClassSources(List.of("github.com"),
                List.of("sirm.org", "radiopaedia.org")));
        assertThat(config.sourcesFor("pneumonia").ood()).containsExactly("radiopaedia.org");
        assertThat(config.splitMethod()).isEqualTo(SplitMethod.PATIENT);
        assertThat(config.fractions()).isEqualTo(new SplitFractions(0.6, 0.15, 0.25));
        assertThat(config.seed()).isEqualTo(20251105L);
        assertThat(config.threshold()).isEqualTo(0.4);
        assertThat(config.model()).isEqualTo(new ModelSettings(Optional.of("472_quantized"), Optional.of("probability"),
                Optional.of(ScoreKind.LOGIT), OptionalInt.of(1), OptionalInt.of(224),
                Optional.of(List.of(0.485, 0.456, 0.406)), Optional.of(List.of(0.229, 0.224, 0.225))));
        assertThat(config.isId("covid", "github.com")).isTrue();
        assertThat(config.isOod("covid", "github.com")).isFalse();
        assertThat(config.isOod("covid", "radiopaedia.org")).isTrue();
        assertThat(config.isId("covid", "eurorad.org")).isFalse();
        assertThat(config.isOod("covid", "eurorad.org")).isFalse();
        assertThat(config.sourceLine("covid", "radiopaedia.org")).isEqualTo(7);
        assertThatThrownBy(() -> config.sourcesFor("normal")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillsInDefaultsAndExpandsTheWildcard() {
        AuditConfig config = AuditConfig.parse(MINIMAL, "audit.yaml");
        assertThat(config.splitMethod()).isEqualTo(SplitMethod.PATIENT);
        assertThat(config.fractions()).isEqualTo(new SplitFractions(0.77, 0.085, 0.145));
        assertThat(config.seed()).isEqualTo(42L);
        assertThat(config.threshold()).isEqualTo(0.5);
        assertThat(config.model()).isEqualTo(ModelSettings.NONE);
        assertThat(config.sourcesFor("b").ood()).containsExactly("*");
        assertThat(config.isOod("b", "anything")).isTrue();
        assertThat(config.isOod("b", "s2")).isFalse();
        assertThat(config.isOod("a", "anything")).isFalse();
    }

    @Test
    void loadsAFileAndHashesItsBytes() throws Exception {
        byte[] bytes = ("\uFEFF" + MINIMAL).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(tmp.resolve("audit.yaml"), bytes);
        AuditConfig config = AuditConfig.load(file);
        assertThat(config.fileName()).isEqualTo("audit.yaml");
        assertThat(config.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(AuditConfig.parse(MINIMAL, "x.yaml").sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(MINIMAL.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void rejectsMalformedYamlWithItsLine() {
        assertRejected(() -> AuditConfig.parse("task:\n  positive: a\n negative: b\n", "audit.yaml"),
                Kind.CONFIG, "audit.yaml line 3", "not valid YAML");
        assertRejected(() -> AuditConfig.parse("", "audit.yaml"), Kind.CONFIG, "audit.yaml", "is empty");
        assertRejected(() -> AuditConfig.parse("- a\n- b\n", "audit.yaml"), Kind.CONFIG, "audit.yaml line 1, the document",
                "should be a mapping");
    }

    @Test
    void rejectsUnknownKeys() {
        assertRejected(() -> AuditConfig.parse(MINIMAL + "treshold: 0.3\n", "audit.yaml"), Kind.CONFIG,
                "audit.yaml line 5, treshold", "not a known key", "model, sources, split, task, threshold");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split:\n  trian: 0.7\n", "audit.yaml"), Kind.CONFIG,
                "audit.yaml line 6, split.trian", "not a known key");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: [s1], odd: [s3]}"), "audit.yaml"),
                Kind.CONFIG, "line 3, sources.a.odd", "not a known key");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  input:\n    sise: 3\n", "audit.yaml"), Kind.CONFIG,
                "line 7, model.input.sise");
    }

    @Test
    void rejectsRepeatedKeys() {
        assertRejected(() -> AuditConfig.parse(MINIMAL + "threshold: 0.3\nthreshold: 0.4\n", "audit.yaml"),
                Kind.CONFIG, "line 6, threshold", "given twice (first on line 5)");
    }

    @Test
    void rejectsWrongTypes() {
        assertRejected(() -> AuditConfig.parse(MINIMAL + "threshold: high\n", "a.yaml"), Kind.CONFIG,
                "a.yaml line 5, threshold", "should be a finite number but is 'high'");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "threshold: '0.5'\n", "a.yaml"), Kind.CONFIG,
                "line 5, threshold", "finite number");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split:\n  seed: 1.5\n", "a.yaml"), Kind.CONFIG,
                "line 6, split.seed", "whole number");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: s1}"), "a.yaml"), Kind.CONFIG,
                "line 3, sources.a.id", "should be a list");
        assertRejected(() -> AuditConfig.parse("task: [a, b]\n", "a.yaml"), Kind.CONFIG, "line 1, task",
                "should be a mapping");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split:\n  method: random\n", "a.yaml"), Kind.CONFIG,
                "line 6, split.method", "'random'");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  scoreKind: odds\n", "a.yaml"), Kind.CONFIG,
                "line 6, model.scoreKind", "auto, probability or logit");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  positiveIndex: 2\n", "a.yaml"), Kind.CONFIG,
                "line 6, model.positiveIndex", "is 2");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  input: {mean: [0.1, 0.2]}\n", "a.yaml"),
                Kind.CONFIG, "line 6, model.input.mean", "has 2 values");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  input: {std: [0]}\n", "a.yaml"),
                Kind.CONFIG, "line 6, model.input.std", "not positive");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "model:\n  input: {size: 0}\n", "a.yaml"),
                Kind.CONFIG, "line 6, model.input.size", "is 0");
    }

    @Test
    void rejectsMissingOrEqualTaskLabels() {
        assertRejected(() -> AuditConfig.parse("sources: {}\n", "a.yaml"), Kind.CONFIG, "a.yaml, task", "is missing");
        assertRejected(() -> AuditConfig.parse("task: {positive: a}\nsources: {}\n", "a.yaml"), Kind.CONFIG,
                "a.yaml, task.negative", "is missing");
        assertRejected(() -> AuditConfig.parse("task: {positive: a, negative: ~}\n", "a.yaml"), Kind.CONFIG,
                "line 1, task.negative", "non-empty text");
        assertRejected(() -> AuditConfig.parse("task:\n  positive: a\n  negative: a\n", "a.yaml"), Kind.CONFIG,
                "line 3, task.negative", "same class");
        assertRejected(() -> AuditConfig.parse("task: {positive: b, negative: a}\n", "a.yaml"), Kind.CONFIG,
                "a.yaml, sources", "is missing");
    }

    @Test
    void rejectsInvalidFractionsAndThreshold() {
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split:\n  train: 0.6\n  val: 0.2\n  test: 0.3\n", "a.yaml"),
                Kind.CONFIG, "a.yaml line 8, split", "must be 1");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split:\n  train: 0.6\n", "a.yaml"),
                Kind.CONFIG, "line 6, split", "must be 1", "defaults fill in");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "split: {train: 0.9, val: 0, test: 0.1}\n", "a.yaml"),
                Kind.CONFIG, "split", "must be positive");
        assertRejected(() -> AuditConfig.parse(MINIMAL + "threshold: 1.5\n", "a.yaml"), Kind.CONFIG,
                "line 5, threshold", "outside [0, 1]");
        assertThat(AuditConfig.parse(MINIMAL + "split: {train: 0.7, val: 0.1, test: 0.2}\n", "a.yaml").fractions().val())
                .isEqualTo(0.1);
    }

    @Test
    void rejectsInconsistentSources() {
        assertRejected(() -> AuditConfig.parse(MINIMAL + "  c: {id: [s3]}\n", "a.yaml"), Kind.CONFIG,
                "line 5, sources.c", "'c' is not a task label");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: [s1, s2], ood: [s3, s2]}"), "a.yaml"),
                Kind.CONFIG, "line 3, sources.a.ood", "'s2', which sources.a.id lists too");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("  a: {id: [s1]}\n", ""), "a.yaml"), Kind.CONFIG,
                "line 2, sources", "no entry for the task label 'a'");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: []}"), "a.yaml"), Kind.CONFIG,
                "line 3, sources.a.id", "no ID data");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{ood: [s1]}"), "a.yaml"), Kind.CONFIG,
                "line 3, sources.a.id", "no ID data");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: ['*']}"), "a.yaml"), Kind.CONFIG,
                "sources.a.id", "only ood allows");
        assertRejected(() -> AuditConfig.parse(MINIMAL.replace("{id: [s1]}", "{id: [s1, s1]}"), "a.yaml"), Kind.CONFIG,
                "sources.a.id", "'s1' twice");
    }

    static DatasetEntry entry(int line, String label, String source, String patient) {
        return new DatasetEntry(line, "img" + line + ".png", label, source, patient, null, null, Map.of());
    }

    @Test
    void validatesAgainstTheDataset() {
        AuditConfig config = AuditConfig.parse(FULL, "audit.yaml");
        List<DatasetEntry> rows = List.of(
                entry(2, "covid", "github.com", "p1"),
                entry(3, "covid", "sirm.org", "p2"),
                entry(4, "covid", "radiopaedia.org", "p3"),
                entry(5, "pneumonia", "eurorad.org", "p4"),
                entry(6, "pneumonia", "radiopaedia.org", "p5"));
        config.validateAgainst(rows);
        assertRejected(() -> config.validateAgainst(List.of(rows.get(0), entry(7, "normal", "x", null))), Kind.MANIFEST,
                "manifest.csv line 7, column label", "unknown label 'normal'");
        assertRejected(() -> config.validateAgainst(rows.subList(0, 4)), Kind.CONFIG,
                "audit.yaml line 10, sources.pneumonia.ood", "'radiopaedia.org'", "pneumonia images come from eurorad.org");
        assertRejected(() -> config.validateAgainst(rows.subList(1, 5)), Kind.CONFIG,
                "audit.yaml line 6, sources.covid.id", "'github.com'", "covid images come from radiopaedia.org, sirm.org");
        assertRejected(() -> config.validateAgainst(rows.subList(0, 3)), Kind.CONFIG,
                "line 9, sources.pneumonia.id", "the dataset has no pneumonia images at all");
    }
}
