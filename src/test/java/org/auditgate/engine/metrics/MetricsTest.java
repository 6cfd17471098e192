package org.auditgate.engine.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private static final double EXACT = 1e-12;

    @Test
    void aurocByHandWithoutTies() {
        // positives 0.35, 0.8; negatives 0.1, 0.4: pairs won 0.35>0.1, 0.8>0.1, 0.8>0.4 = 3 of 4
        assertThat(Auroc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isCloseTo(0.75, within(EXACT));
    }

    @Test
    void aurocCountsTiesAsOneHalf() {
        // positives 0.5, 0.9; negatives 0.2, 0.5: 0.5>0.2 (1), 0.5=0.5 (1/2), 0.9 beats both (2) = 3.5 of 4
        assertThat(Auroc.of(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, false, true, true}))
                .isCloseTo(0.875, within(EXACT));
        assertThat(Auroc.of(new double[] {0.5, 0.5, 0.5, 0.5}, new boolean[] {false, true, false, true}))
                .isCloseTo(0.5, within(EXACT));
    }

    @Test
    void aurocOfAPerfectlyWrongScorerIsZero() {
        assertThat(Auroc.of(new double[] {0.9, 0.8, 0.1, 0.2}, new boolean[] {false, false, true, true})).isZero();
    }

    @Test
    void aurocIsUndefinedWithOneClassOnly() {
        assertThat(Auroc.of(new double[] {0.1, 0.9}, new boolean[] {true, true})).isNaN();
        assertThat(Auroc.of(new double[] {0.1, 0.9}, new boolean[] {false, false})).isNaN();
        assertThat(Auroc.of(new double[0], new boolean[0])).isNaN();
    }

    @Test
    void confusionAtThresholdCallsPositiveOnlyWhenStrictlyGreater() {
        ConfusionCounts c = ConfusionCounts.at(new double[] {0.2, 0.5, 0.5, 0.9}, new boolean[] {false, false, true, true}, 0.5);
        assertThat(c).isEqualTo(new ConfusionCounts(1, 0, 2, 1));
        assertThat(c.accuracy()).isCloseTo(0.75, within(EXACT));
        assertThat(c.recall()).isCloseTo(0.5, within(EXACT));
        assertThat(c.specificity()).isCloseTo(1.0, within(EXACT));
        assertThat(c.precision()).isCloseTo(1.0, within(EXACT));
        assertThat(c.npv()).isCloseTo(2.0 / 3.0, within(EXACT));
        assertThat(c.f1()).isCloseTo(2.0 / 3.0, within(EXACT));
    }

    @Test
    void zeroDenominatorsAreUndefinedNotZero() {
        ConfusionCounts onlyNegativesCalledNegative = new ConfusionCounts(0, 0, 3, 0);
        assertThat(onlyNegativesCalledNegative.recall()).isNaN();
        assertThat(onlyNegativesCalledNegative.precision()).isNaN();
        assertThat(onlyNegativesCalledNegative.f1()).isNaN();
        assertThat(onlyNegativesCalledNegative.specificity()).isEqualTo(1.0);
        assertThat(onlyNegativesCalledNegative.npv()).isEqualTo(1.0);
        ConfusionCounts empty = new ConfusionCounts(0, 0, 0, 0);
        assertThat(empty.accuracy()).isNaN();
    }

    @Test
    void reportHasGroupsPerCohortAndSourceAndGaps() {
        List<ScoredCase> cases = List.of(
                new ScoredCase("pneumonia", 0.9, "a", Cohort.ID),
                new ScoredCase("covid", 0.1, "a", Cohort.ID),
                new ScoredCase("pneumonia", 0.2, "b", Cohort.OOD),
                new ScoredCase("covid", 0.8, "b", Cohort.OOD),
                new ScoredCase("covid", 0.7, "c", Cohort.OOD));
        MetricReport report = MetricReport.compute(cases, "pneumonia", 0.5);
        assertThat(report.groups().keySet()).containsExactly("overall", "id", "ood", "source:a", "source:b", "source:c");
        assertThat(report.group("id").value(Metric.AUROC)).isEqualTo(1.0);
        assertThat(report.group("ood").value(Metric.AUROC)).isEqualTo(0.0);
        assertThat(report.gaps().get(Metric.AUROC)).isEqualTo(1.0);
        // source c has negatives only: AUROC and recall undefined, specificity 0 (0.7 > 0.5 is called positive)
        GroupMetrics c = report.group("source:c");
        assertThat(c.n()).isEqualTo(1);
        assertThat(c.positives()).isZero();
        assertThat(c.value(Metric.AUROC)).isNaN();
        assertThat(c.value(Metric.RECALL)).isNaN();
        assertThat(c.value(Metric.SPECIFICITY)).isZero();
        // ood: tp 0, fn 1, fp 2, tn 0
        assertThat(report.group("ood").counts()).isEqualTo(new ConfusionCounts(0, 2, 0, 1));
        assertThat(report.gaps().get(Metric.RECALL)).isEqualTo(1.0);
        assertThat(report.gaps().get(Metric.PRECISION)).isEqualTo(1.0); // id 1/1, ood 0/2
    }

    @Test
    void gapsAreUndefinedWithoutBothCohorts() {
        MetricReport report = MetricReport.compute(List.of(
                new ScoredCase("1", 0.9, null, Cohort.UNKNOWN),
                new ScoredCase("0", 0.2, null, Cohort.UNKNOWN)), "1", 0.5);
        assertThat(report.groups().keySet()).containsExactly("overall");
        assertThat(report.gaps().values()).allMatch(v -> v.isNaN());
    }

    @Test
    void jsonWritesNullForUndefinedAndValueObjects() {
        MetricReport report = MetricReport.compute(List.of(
                new ScoredCase("1", 0.9, "x", Cohort.ID),
                new ScoredCase("1", 0.2, "y", Cohort.OOD)), "1", 0.5);
        ObjectNode json = MetricJson.toJson(report, new ObjectMapper());
        assertThat(json.path("schema").asText()).isEqualTo(MetricJson.SCHEMA);
        assertThat(json.path("positive").asText()).isEqualTo("1");
        assertThat(json.path("threshold").asDouble()).isEqualTo(0.5);
        JsonNode overall = json.path("groups").path("overall");
        assertThat(overall.path("n").asInt()).isEqualTo(2);
        assertThat(overall.path("positives").asInt()).isEqualTo(2);
        assertThat(overall.path("auroc").has("value")).isTrue();
        assertThat(overall.path("auroc").path("value").isNull()).isTrue();
        assertThat(overall.path("recall").path("value").asDouble()).isEqualTo(0.5);
        assertThat(json.path("gaps").path("recall").path("value").asDouble()).isEqualTo(1.0);
        assertThat(json.path("groups").has("source:x")).isTrue();
    }

    @Test
    void agreesWithScikitLearn() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("sklearn_reference.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        assertThat(fixture.path("cases").size()).isGreaterThanOrEqualTo(5);
        for (JsonNode c : fixture.path("cases")) {
            List<ScoredCase> cases = new ArrayList<>();
            for (int i = 0; i < c.path("labels").size(); i++) {
                cases.add(new ScoredCase(c.path("labels").get(i).asText(), c.path("scores").get(i).asDouble(), null, Cohort.UNKNOWN));
            }
            GroupMetrics g = GroupMetrics.of(cases, "1", c.path("threshold").asDouble());
            String name = c.path("name").asText();
            for (Metric m : Metric.values()) {
                assertThat(g.value(m)).as(name + " " + m).isCloseTo(c.path(m.jsonName()).asDouble(), within(1e-12));
            }
            JsonNode counts = c.path("counts");
            assertThat(g.counts()).as(name).isEqualTo(new ConfusionCounts(counts.path("tp").asLong(), counts.path("fp").asLong(),
                    counts.path("tn").asLong(), counts.path("fn").asLong()));
        }
    }
}
