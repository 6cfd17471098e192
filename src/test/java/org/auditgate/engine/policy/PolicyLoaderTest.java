package org.auditgate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading and checking policy files, including the three shipped ones. */
class PolicyLoaderTest {

    /** A valid policy; the second rule starts on line 13, its fields on lines 13–19. */
    static final String VALID = """
            name: p
            version: 2
            description: A test policy.
            rules:
              - id: ood-recall-floor
                metric: recall
                scope: vendor.ood
                statistic: ciLower
                atLeast: 0.8
                severity: fail
                message: Misses cases.
              - id: second
                metric: auroc
                scope: vendor.ood.sirm.org
                statistic: value
                atMost: 1
                severity: info
                message: >
                  Folded text.
            """;

    @Test
    void readsEveryField() {
        Policy policy = PolicyLoader.parse(VALID, "p.yaml");
        assertThat(policy.name()).isEqualTo("p");
        assertThat(policy.version()).isEqualTo(2);
        assertThat(policy.description()).isEqualTo("A test policy.");
        assertThat(policy.rules()).hasSize(2);
        Rule first = policy.rules().get(0);
        assertThat(first).isEqualTo(new Rule("ood-recall-floor", PolicyMetric.RECALL, Scope.of(Scope.Kind.VENDOR_OOD),
                Statistic.CI_LOWER, new Bound(Bound.Kind.AT_LEAST, 0.8), Severity.FAIL, "Misses cases.", 5));
        Rule second = policy.rules().get(1);
        assertThat(second.scope()).isEqualTo(Scope.oodSource("sirm.org"));
        assertThat(second.bound()).isEqualTo(new Bound(Bound.Kind.AT_MOST, 1.0));
        assertThat(second.message()).isEqualTo("Folded text.");
        assertThat(second.line()).isEqualTo(12);
        // SHA-256 of the UTF-8 text, from Python's hashlib.sha256 over the same text
        assertThat(policy.sha256()).isEqualTo("e5d2ad3fb2905b5e5cda7b1dd10c86c3a85489d17553bee27020f251501182a9");
    }

    @Test
    void loadsTheShippedPolicies() {
        List<Policy> policies = PolicyLoader.loadDirectory(Path.of("policies"));
        assertThat(policies).extracting(Policy::name).containsExactly("default", "screening", "workflow-burden");
        for (Policy policy : policies) {
            assertThat(policy.rules()).isNotEmpty();
            assertThat(policy.rules()).anyMatch(r -> r.severity() == Severity.FAIL);
        }
        Policy screening = policies.get(1);
        Rule first = screening.rules().get(0);
        assertThat(first.metric()).isEqualTo(PolicyMetric.RECALL);
        assertThat(first.severity()).isEqualTo(Severity.FAIL);
        Policy workflow = policies.get(2);
        assertThat(workflow.rules().get(0).metric()).isEqualTo(PolicyMetric.SPECIFICITY);
        assertThat(policies.get(0).rules()).filteredOn(r -> r.severity() == Severity.FAIL)
                .extracting(Rule::metric).containsExactly(PolicyMetric.RECALL, PolicyMetric.SPECIFICITY);
    }

    @Test
    void loadsAFileAndIgnoresAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "\uFEFF" + VALID, StandardCharsets.UTF_8);
        assertThat(PolicyLoader.load(file).rules()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top key          | 'version: 2'              | 'versoin: 2'               | 'p.yaml line 2, versoin'             | is not a known key
            repeated top key         | 'description: A test policy.' | 'name: p'              | 'p.yaml line 3, name'                | given twice (first on line 1)
            name not file            | 'name: p'                 | 'name: q'                  | 'p.yaml line 1, name'                | is 'q' but the file is p.yaml
            name characters          | 'name: p'                 | 'name: P_x'                | 'p.yaml line 1, name'                | not made of a-z
            version zero             | 'version: 2'              | 'version: 0'               | 'p.yaml line 2, version'             | positive whole number
            version text             | 'version: 2'              | 'version: two'             | 'p.yaml line 2, version'             | but is 'two'
            version fraction         | 'version: 2'              | 'version: 1.5'             | 'p.yaml line 2, version'             | positive whole number
            empty description        | 'description: A test policy.' | 'description: '        | 'p.yaml line 3, description'         | non-empty text but is empty
            unknown rule key         | '    atLeast: 0.8'        | '    atleast: 0.8'         | 'p.yaml line 9, rules[1].atleast'    | is not a known key
            repeated rule key        | '    severity: fail'      | '    metric: auroc'        | 'p.yaml line 10, rules[1].metric'    | given twice (first on line 6)
            missing rule key         | '    severity: fail'      | '    # no severity'        | 'p.yaml line 5, rules[1].severity'   | is missing
            unknown metric           | '    metric: recall'      | '    metric: sensitivity'  | 'p.yaml line 6, rules[1].metric'     | not a known metric
            unknown scope            | '    scope: vendor.ood'   | '    scope: vendor.odd'    | 'p.yaml line 7, rules[1].scope'      | not a known scope
            empty source             | '    scope: vendor.ood'   | '    scope: vendor.ood.'   | 'p.yaml line 7, rules[1].scope'      | not a known scope
            unknown statistic        | '    statistic: ciLower'  | '    statistic: lower'     | 'p.yaml line 8, rules[1].statistic'  | not a known statistic
            mean on a vendor scope   | '    statistic: ciLower'  | '    statistic: mean'      | 'p.yaml line 8, rules[1].statistic'  | Use value, ciLower, ciUpper
            pValue on a vendor scope | '    statistic: ciLower'  | '    statistic: pValue'    | 'p.yaml line 8, rules[1].statistic'  | not compute for recall in vendor.ood
            bound as text            | '    atLeast: 0.8'        | '    atLeast: "0.8"'       | 'p.yaml line 9, rules[1].atLeast'    | a finite number but is '0.8'
            bound infinite           | '    atLeast: 0.8'        | '    atLeast: .inf'        | 'p.yaml line 9, rules[1].atLeast'    | a finite number
            bound not a number       | '    atLeast: 0.8'        | '    atLeast: .nan'        | 'p.yaml line 9, rules[1].atLeast'    | a finite number
            bound above one          | '    atLeast: 0.8'        | '    atLeast: 80'          | 'p.yaml line 9, rules[1].atLeast'    | outside [0, 1]
            bound below zero         | '    atLeast: 0.8'        | '    atLeast: -0.1'        | 'p.yaml line 9, rules[1].atLeast'    | outside [0, 1]
            no bound                 | '    atLeast: 0.8'        | '    # no bound'           | 'p.yaml line 5, rules[1]'            | neither atLeast nor atMost
            unknown severity         | '    severity: fail'      | '    severity: error'      | 'p.yaml line 10, rules[1].severity'  | Use info, warn or fail
            empty message            | '    message: Misses cases.' | '    message: ""'      | 'p.yaml line 11, rules[1].message'   | non-empty text
            id characters            | '  - id: ood-recall-floor' | '  - id: Ood Recall'      | 'p.yaml line 5, rules[1].id'         | not made of a-z
            repeated id              | '  - id: second'          | '  - id: ood-recall-floor' | 'p.yaml line 12, rules[2].id'        | repeats the id 'ood-recall-floor' of the rule on line 5
            custom tag               | '    message: Misses cases.' | '    message: !shell rm' | 'p.yaml line 11, rules[1].message'   | carries the tag !shell
            binary tag               | '    message: Misses cases.' | '    message: !!binary aGk=' | 'p.yaml line 11, rules[1].message' | carries the tag tag:yaml.org,2002:binary
            merge key                | '    message: Misses cases.' | '    <<: {message: x}' | 'p.yaml line 11, rules[1].<<'        | is not a known key
            """)
    void rejectsWithLineAndField(String title, String line, String replacement, String where, String problem) {
        assertThat(VALID).contains(line + "\n");
        String yaml = VALID.replaceFirst(java.util.regex.Pattern.quote(line + "\n"),
                java.util.regex.Matcher.quoteReplacement(replacement + "\n"));
        assertRejected(yaml, "p.yaml", where, problem);
    }

    @Test
    void rejectsAStatisticTheScopeDoesNotHave() {
        assertRejected(rule("recall", "vendor.gap", "mean", "atMost: 0.1"), "p.yaml",
                "p.yaml line 8, rules[1].statistic", "Use value, ciLower, ciUpper");
        assertRejected(rule("recall", "reference.clean.gap", "value", "atMost: 0.1"), "p.yaml",
                "p.yaml line 8, rules[1].statistic", "Use mean, ciLower, ciUpper");
        assertRejected(rule("recall", "reference.noise.gap", "pValue", "atMost: 0.1"), "p.yaml",
                "p.yaml line 8, rules[1].statistic", "Use mean, ciLower, ciUpper");
        assertRejected(rule("ece", "vendor.id", "ciUpper", "atMost: 0.1"), "p.yaml",
                "p.yaml line 8, rules[1].statistic", "Use value");
    }

    @Test
    void rejectsBrierAndEceOutsideSingleTestSets() {
        assertRejected(rule("brier", "vendor.gap", "value", "atMost: 0.1"), "p.yaml",
                "p.yaml line 7, rules[1].scope", "brier has no gap and no reference-comparison value");
        assertRejected(rule("ece", "reference.gapReduction", "mean", "atMost: 0.1"), "p.yaml",
                "p.yaml line 7, rules[1].scope", "ece has no gap");
    }

    @Test
    void acceptsEveryValidCombinationAndItsRange() {
        Policy reduction = PolicyLoader.parse(rule("auroc", "reference.gapReduction", "mean", "atLeast: -0.5"), "p.yaml");
        assertThat(reduction.rules().get(0).bound().limit()).isEqualTo(-0.5);
        Policy p = PolicyLoader.parse(rule("f1", "reference.gapReduction", "pValue", "atLeast: 0.05"), "p.yaml");
        assertThat(p.rules().get(0).statistic()).isEqualTo(Statistic.P_VALUE);
        assertThat(PolicyLoader.parse(rule("ece", "vendor.ood.a.b", "value", "atMost: 0"), "p.yaml").rules().get(0).scope())
                .isEqualTo(Scope.oodSource("a.b"));
        assertThat(PolicyLoader.parse(rule("npv", "reference.noise.gap", "ciUpper", "atMost: 1"), "p.yaml").rules())
                .hasSize(1);
    }

    @Test
    void rejectsBoundsOutsideTheStatisticsRange() {
        assertRejected(rule("auroc", "reference.gapReduction", "pValue", "atLeast: -0.05"), "p.yaml",
                "p.yaml line 9, rules[1].atLeast", "outside [0, 1] where pValue in reference.gapReduction lies");
        assertRejected(rule("auroc", "reference.gapReduction", "mean", "atLeast: -1.5"), "p.yaml",
                "p.yaml line 9, rules[1].atLeast", "outside [-1, 1]");
        assertRejected(rule("auroc", "vendor.gap", "value", "atMost: 1.01"), "p.yaml",
                "p.yaml line 9, rules[1].atMost", "outside [0, 1]");
    }

    @Test
    void rejectsTwoBoundsNamingTheSecond() {
        String yaml = rule("recall", "vendor.ood", "value", "atLeast: 0.8\n    atMost: 0.9");
        assertRejected(yaml, "p.yaml", "p.yaml line 10, rules[1].atMost", "is given together with atLeast");
    }

    @Test
    void rejectsMissingTopLevelKeysAndEmptyRules() {
        assertRejected("name: p\nversion: 1\ndescription: d\n", "p.yaml", "p.yaml line 1, rules", "is missing");
        assertRejected("name: p\nversion: 1\ndescription: d\nrules: []\n", "p.yaml", "p.yaml line 4, rules", "is empty");
        assertRejected("version: 1\n", "p.yaml", "p.yaml line 1, name", "is missing");
        assertRejected("name: p\nversion: 1\ndescription: d\nrules: all\n", "p.yaml", "p.yaml line 4, rules",
                "should be a list of rules but is 'all'");
        assertRejected("name: p\nversion: 1\ndescription: d\nrules:\n  - just text\n", "p.yaml",
                "p.yaml line 5, rules[1]", "should be a mapping of keys to values but is 'just text'");
    }

    @Test
    void rejectsEmptyNonMappingAndBrokenYaml() {
        assertRejected("", "p.yaml", "p.yaml", "is empty");
        assertRejected("# only a comment\n", "p.yaml", "p.yaml", "is empty");
        assertRejected("- a\n- b\n", "p.yaml", "p.yaml line 1, the document", "should be a mapping");
        assertRejected("name: p\nrules: [\n", "p.yaml", "p.yaml line 3", "is not valid YAML");
    }

    @Test
    void rejectsAFileNameWithoutTheSuffix() {
        assertRejected(VALID, "p.yml", "p.yml", "is not named <policy name>.yaml");
    }

    @Test
    void rejectsAliasBombs() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        assertRejected(yaml.toString(), "p.yaml", "p.yaml", "is not valid YAML");
    }

    @Test
    void rejectsTooLargeAndInvalidUtf8Files(@TempDir Path dir) throws IOException {
        String big = VALID + "#" + "x".repeat(PolicyLoader.MAX_BYTES) + "\n";
        assertRejected(big, "p.yaml", "p.yaml", "more than the 262144 a policy file may have");
        Path large = dir.resolve("p.yaml");
        Files.writeString(large, big, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PolicyLoader.load(large)).isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("more than the 262144");
        Path latin1 = dir.resolve("q.yaml");
        Files.write(latin1, VALID.replace("name: p", "name: q").replace("Misses", "Misses caf\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PolicyLoader.load(latin1)).isInstanceOf(RejectedInputException.class)
                .hasMessageStartingWith("q.yaml: is not valid UTF-8");
    }

    @Test
    void loadDirectoryReadsOnlyYamlFilesSortedAndNamesTheBadFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), VALID);
        Files.writeString(dir.resolve("a.yaml"), VALID.replace("name: p", "name: a"));
        Files.writeString(dir.resolve("notes.txt"), "not a policy");
        Files.writeString(dir.resolve("old.yml"), "not read");
        assertThat(PolicyLoader.loadDirectory(dir)).extracting(Policy::name).containsExactly("a", "p");
        Files.writeString(dir.resolve("b.yaml"), VALID.replace("name: p", "name: b").replace("atLeast: 0.8", "atLeast: 8"));
        assertThatThrownBy(() -> PolicyLoader.loadDirectory(dir)).isInstanceOf(RejectedInputException.class)
                .hasMessageStartingWith("b.yaml line 9, rules[1].atLeast");
    }

    /** A one-rule policy named p whose rule starts on line 5: metric line 6, scope 7, statistic 8, bound 9. */
    static String rule(String metric, String scope, String statistic, String bound) {
        return "name: p\nversion: 1\ndescription: d\nrules:\n  - id: r\n    metric: " + metric + "\n    scope: " + scope
                + "\n    statistic: " + statistic + "\n    " + bound + "\n    severity: warn\n    message: m\n";
    }

    static void assertRejected(String yaml, String fileName, String where, String problem) {
        assertThatThrownBy(() -> PolicyLoader.parse(yaml, fileName))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONFIG);
                    assertThat(e.where()).isEqualTo(where);
                    assertThat(e.getMessage()).contains(problem);
                    assertThat(e.remedy()).isNotBlank();
                });
    }
}
