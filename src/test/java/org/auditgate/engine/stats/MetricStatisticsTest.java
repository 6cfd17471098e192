package org.auditgate.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.metrics.RocCurve;
import org.auditgate.engine.metrics.ScoredCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link MetricStatistics} and {@link StatisticsJson} on a hand-made set: 22 ID cases from source
 * {@code north}, 17 OOD cases from {@code east} and one case of unknown cohort and source. Every
 * interval is compared with the stats primitive it is documented to come from, on the group's
 * cases in input order, with the documented seed derivation.
 */
class MetricStatisticsTest {

    static final String POS = "pneumonia";
    static final String NEG = "normal";
    static final double THRESHOLD = 0.5;
    static final long SEED = 42;

    static final double[] ID_POS = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.45, 0.3, 0.55};
    static final double[] ID_NEG = {0.1, 0.2, 0.05, 0.3, 0.4, 0.35, 0.6, 0.15, 0.25, 0.5, 0.65, 0.2};
    static final double[] OOD_POS = {0.6, 0.4, 0.35, 0.7, 0.2, 0.55, 0.45, 0.3};
    static final double[] OOD_NEG = {0.5, 0.3, 0.45, 0.6, 0.25, 0.1, 0.65, 0.4, 0.35};

    /** The hand-made cases, interleaving positives and negatives; {@code shift} is added to every score. */
    static List<ScoredCase> cases(double shift) {
        List<ScoredCase> out = new ArrayList<>();
        interleave(out, ID_POS, ID_NEG, "north", Cohort.ID, shift);
        out.add(new ScoredCase(POS, 0.52 + shift, null, Cohort.UNKNOWN));
        interleave(out, OOD_POS, OOD_NEG, "east", Cohort.OOD, shift);
        return out;
    }

    private static void interleave(List<ScoredCase> out, double[] pos, double[] neg, String source, Cohort cohort, double shift) {
        for (int i = 0; i < Math.max(pos.length, neg.length); i++) {
            if (i < pos.length) out.add(new ScoredCase(POS, pos[i] + shift, source, cohort));
            if (i < neg.length) out.add(new ScoredCase(NEG, neg[i] + shift, source, cohort));
        }
    }

    static double[] scores(List<ScoredCase> cases) {
        return cases.stream().mapToDouble(ScoredCase::score).toArray();
    }

    static boolean[] positive(List<ScoredCase> cases) {
        boolean[] out = new boolean[cases.size()];
        for (int i = 0; i < out.length; i++) out[i] = cases.get(i).label().equals(POS);
        return out;
    }

    @Test
    void groupsAreTheReportsGroupsInTheReportsOrder() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        MetricReport report = MetricReport.compute(cases(0), POS, THRESHOLD);
        assertThat(s.groups().keySet()).containsExactlyElementsOf(report.groups().keySet());
        assertThat(s.groups().keySet()).containsExactly("overall", "id", "ood", "source:east", "source:north");
        assertThat(s.group("overall").n()).isEqualTo(40);
        assertThat(s.group("id").positives()).isEqualTo(10);
        for (String key : report.groups().keySet()) {
            for (Metric m : Metric.values()) {
                assertThat(s.group(key).metric(m).value()).as(key + " " + m).isEqualTo(report.group(key).value(m));
            }
            assertThat(s.group(key).counts()).isEqualTo(report.group(key).counts());
        }
    }

    @Test
    void aurocIntervalIsDeLongAndProportionsAreWilson() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        Map<String, List<ScoredCase>> members = MetricReport.groupCases(cases(0));
        for (Map.Entry<String, List<ScoredCase>> e : members.entrySet()) {
            GroupStatistics g = s.group(e.getKey());
            AucInterval delong = DeLong.interval(scores(e.getValue()), positive(e.getValue()), 0.95);
            Estimate auroc = g.metric(Metric.AUROC);
            assertThat(auroc.method()).isEqualTo(Estimate.DELONG);
            assertThat(auroc.interval()).as(e.getKey()).isEqualTo(delong.interval());
            assertThat(auroc.interval().isDefined()).isTrue();
            assertThat(auroc.value()).isCloseTo(delong.auc(), within(1e-12));
            Map<Metric, Interval> wilson = Proportions.wilson(g.counts(), 0.95);
            for (Metric m : List.of(Metric.ACCURACY, Metric.RECALL, Metric.SPECIFICITY, Metric.PRECISION, Metric.NPV)) {
                assertThat(g.metric(m).method()).isEqualTo(Estimate.WILSON);
                assertThat(g.metric(m).interval()).as(e.getKey() + " " + m).isEqualTo(wilson.get(m));
                assertThat(g.metric(m).interval().contains(g.metric(m).value())).as(e.getKey() + " " + m).isTrue();
            }
        }
        // hand check of one Wilson count: ID recall is 8 of 10 (0.45 and 0.3 are at or below 0.5)
        assertThat(s.group("id").counts().truePositives()).isEqualTo(8);
        assertThat(s.group("id").counts().falseNegatives()).isEqualTo(2);
        assertThat(s.group("id").metric(Metric.RECALL).interval()).isEqualTo(Proportions.wilson(8, 10, 0.95));
    }

    @Test
    void f1IntervalFollowsTheDocumentedSeeds() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        Map<String, List<ScoredCase>> members = MetricReport.groupCases(cases(0));
        SplittableRandom root = new SplittableRandom(SEED);
        for (Map.Entry<String, List<ScoredCase>> e : members.entrySet()) {
            BootstrapInterval f1 = Bootstrap.f1(scores(e.getValue()), positive(e.getValue()), THRESHOLD, root.nextLong());
            Estimate estimate = s.group(e.getKey()).metric(Metric.F1);
            assertThat(estimate.method()).isEqualTo(Estimate.BOOTSTRAP);
            assertThat(estimate.interval()).as(e.getKey()).isEqualTo(f1.interval());
            assertThat(estimate.interval().isDefined()).isTrue();
        }
        MetricStatistics same = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        MetricStatistics other = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED + 1);
        assertThat(same.group("overall").metric(Metric.F1)).isEqualTo(s.group("overall").metric(Metric.F1));
        assertThat(other.group("overall").metric(Metric.F1).value()).isEqualTo(s.group("overall").metric(Metric.F1).value());
        assertThat(other.group("overall").metric(Metric.F1).interval()).isNotEqualTo(s.group("overall").metric(Metric.F1).interval());
    }

    @Test
    void gapsAreTheReportsGapsWithBootstrapIntervals() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        Map<String, List<ScoredCase>> members = MetricReport.groupCases(cases(0));
        SplittableRandom root = new SplittableRandom(SEED);
        for (int k = 0; k < members.size(); k++) {
            root.nextLong();
        }
        List<ScoredCase> id = members.get("id");
        List<ScoredCase> ood = members.get("ood");
        Map<Metric, BootstrapInterval> expected = Bootstrap.gaps(scores(id), positive(id), scores(ood), positive(ood),
                THRESHOLD, root.nextLong());
        for (Metric m : Metric.values()) {
            Estimate gap = s.gaps().get(m);
            assertThat(gap.value()).as(m.jsonName()).isEqualTo(s.report().gaps().get(m));
            assertThat(gap.method()).isEqualTo(Estimate.BOOTSTRAP);
            assertThat(gap.interval().isDefined()).as(m.jsonName()).isTrue();
            assertThat(gap.lower()).isLessThanOrEqualTo(gap.upper());
            assertThat(gap.interval()).as(m.jsonName()).isEqualTo(expected.get(m).interval());
        }
        // hand check: the AUROC gap is |AUROC(id) − AUROC(ood)|
        assertThat(s.gaps().get(Metric.AUROC).value()).isCloseTo(
                Math.abs(s.group("id").metric(Metric.AUROC).value() - s.group("ood").metric(Metric.AUROC).value()), within(1e-15));
        // the ID group separates well, the OOD group does not: the AUROC gap's interval lies above 0
        assertThat(s.gaps().get(Metric.AUROC).lower()).isGreaterThan(0);
    }

    @Test
    void withoutOodImagesTheGapsAreUndefined() {
        List<ScoredCase> idOnly = cases(0).stream().filter(c -> c.cohort() == Cohort.ID).toList();
        MetricStatistics s = MetricStatistics.compute(idOnly, POS, THRESHOLD, SEED);
        assertThat(s.groups().keySet()).containsExactly("overall", "id", "source:north");
        for (Metric m : Metric.values()) {
            assertThat(s.gaps().get(m).value()).isNaN();
            assertThat(s.gaps().get(m).interval().isDefined()).isFalse();
            assertThat(s.gaps().get(m).method()).isEqualTo(Estimate.NONE);
        }
    }

    @Test
    void brierAndEceNeedProbabilities() {
        MetricStatistics probabilities = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        List<ScoredCase> id = MetricReport.groupCases(cases(0)).get("id");
        GroupStatistics g = probabilities.group("id");
        assertThat(g.brier()).isCloseTo(Calibration.brier(scores(id), positive(id)), within(1e-15));
        assertThat(g.ece()).isCloseTo(Calibration.ece(scores(id), positive(id)), within(1e-15));
        assertThat(g.brier()).isBetween(0.0, 1.0);
        assertThat(g.reliability()).isNotEmpty();

        // logits: shifting by −0.5 puts negative scores in; AUROC and its interval are unchanged
        MetricStatistics logits = MetricStatistics.compute(cases(-0.5), POS, 0.0, SEED);
        for (String key : logits.groups().keySet()) {
            GroupStatistics l = logits.group(key);
            assertThat(l.brier()).as(key).isNaN();
            assertThat(l.ece()).as(key).isNaN();
            assertThat(l.reliability()).isEmpty();
            assertThat(l.metric(Metric.AUROC).value()).isCloseTo(probabilities.group(key).metric(Metric.AUROC).value(), within(1e-12));
        }
        // one score just above 1 is enough to make them undefined
        List<ScoredCase> above = new ArrayList<>(cases(0));
        above.set(0, new ScoredCase(POS, 1.0001, "north", Cohort.ID));
        assertThat(MetricStatistics.compute(above, POS, THRESHOLD, SEED).group("id").brier()).isNaN();
        assertThat(MetricStatistics.compute(above, POS, THRESHOLD, SEED).group("ood").brier()).isNotNaN();
    }

    @Test
    void rocCurveIsTheGroupsCurve() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        List<ScoredCase> ood = MetricReport.groupCases(cases(0)).get("ood");
        assertThat(s.group("ood").roc()).isEqualTo(RocCurve.of(scores(ood), positive(ood)));
    }

    @Test
    void jsonVersion2HasIntervalsEverywhere() {
        MetricStatistics s = MetricStatistics.compute(cases(0), POS, THRESHOLD, SEED);
        ObjectNode json = StatisticsJson.write(s, new ObjectMapper().createObjectNode());
        assertThat(json.get("schema").asText()).isEqualTo("auditgate.metrics/2");
        assertThat(json.get("bootstrapSeed").asLong()).isEqualTo(SEED);
        assertThat(json.get("positive").asText()).isEqualTo(POS);
        for (String key : s.groups().keySet()) {
            JsonNode g = json.get("groups").get(key);
            assertThat(g).as(key).isNotNull();
            for (Metric m : Metric.values()) {
                JsonNode node = g.get(m.jsonName());
                assertThat(node.has("value") && node.has("ciLower") && node.has("ciUpper") && node.has("ciMethod"))
                        .as(key + " " + m.jsonName()).isTrue();
                assertThat(node.get("ciLower").asDouble()).isEqualTo(s.group(key).metric(m).lower());
                assertThat(node.get("ciMethod").asText()).isEqualTo(s.group(key).metric(m).method());
            }
            assertThat(g.get("brier").asDouble()).isEqualTo(s.group(key).brier());
            JsonNode roc = g.get("roc");
            assertThat(roc.size()).isEqualTo(s.group(key).roc().size());
            assertThat(roc.get(0).get("threshold").isNull()).isTrue();
            assertThat(roc.get(1).get("threshold").asDouble()).isEqualTo(s.group(key).roc().get(1).threshold());
            assertThat(roc.get(roc.size() - 1).get("fpr").asDouble()).isEqualTo(1.0);
            assertThat(g.get("reliability").size()).isEqualTo(s.group(key).reliability().size());
        }
        for (Metric m : Metric.values()) {
            JsonNode gap = json.get("gaps").get(m.jsonName());
            assertThat(gap.get("ciMethod").asText()).isEqualTo("bootstrap");
            assertThat(gap.get("ciLower").asDouble()).isEqualTo(s.gaps().get(m).lower());
            assertThat(gap.get("ciUpper").asDouble()).isEqualTo(s.gaps().get(m).upper());
        }
    }

    @Test
    void jsonWritesUndefinedAsNull() {
        List<ScoredCase> idOnly = cases(-0.5).stream().filter(c -> c.cohort() == Cohort.ID).toList();
        ObjectNode json = StatisticsJson.write(MetricStatistics.compute(idOnly, POS, 0.0, SEED), new ObjectMapper().createObjectNode());
        assertThat(json.get("groups").get("id").get("brier").isNull()).isTrue();
        assertThat(json.get("groups").get("id").get("ece").isNull()).isTrue();
        JsonNode gap = json.get("gaps").get("auroc");
        assertThat(gap.get("value").isNull() && gap.get("ciLower").isNull() && gap.get("ciUpper").isNull()).isTrue();
        assertThat(gap.get("ciMethod").asText()).isEqualTo("none");
    }
}
