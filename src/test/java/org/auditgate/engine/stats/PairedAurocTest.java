package org.auditgate.engine.stats;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.ScoredCase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairedAurocTest {

    /** 60 cases: 30 ID from north, 30 OOD from east; B is A plus noise, so the two AUROCs differ but correlate. */
    private static List<List<ScoredCase>> scorers() {
        SplittableRandom random = new SplittableRandom(5);
        List<ScoredCase> a = new ArrayList<>();
        List<ScoredCase> b = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean id = i < 30;
            String label = i % 3 == 0 ? "pneumonia" : "normal";
            double signal = label.equals("pneumonia") ? (id ? 1.5 : 0.5) : 0;
            double sa = signal + random.nextGaussian();
            double sb = sa + 0.8 * random.nextGaussian();
            a.add(new ScoredCase(label, sa, id ? "north" : "east", id ? Cohort.ID : Cohort.OOD));
            b.add(new ScoredCase(label, sb, id ? "north" : "east", id ? Cohort.ID : Cohort.OOD));
        }
        return List.of(a, b);
    }

    @Test
    void everyGroupIsDeLongsPairedTestOnThatGroupsCases() {
        List<List<ScoredCase>> s = scorers();
        Map<String, PairedAuroc.Group> groups = PairedAuroc.compare(s.get(0), s.get(1), "pneumonia", "a.csv", "b.csv");
        assertThat(groups.keySet()).containsExactly("overall", "id", "ood", "source:east", "source:north");
        for (String key : List.of("overall", "id", "ood")) {
            List<ScoredCase> a = s.get(0).stream().filter(c -> key.equals("overall") || c.cohort().groupKey().equals(key)).toList();
            List<ScoredCase> b = s.get(1).stream().filter(c -> key.equals("overall") || c.cohort().groupKey().equals(key)).toList();
            double[] sa = a.stream().mapToDouble(ScoredCase::score).toArray();
            double[] sb = b.stream().mapToDouble(ScoredCase::score).toArray();
            boolean[] pos = new boolean[a.size()];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = a.get(i).label().equals("pneumonia");
            }
            PairedDeLong expected = DeLong.compare(sa, sb, pos);
            PairedAuroc.Group g = groups.get(key);
            assertThat(g.test()).isEqualTo(expected);
            assertThat(g.n()).isEqualTo(a.size());
            double half = 1.959963984540054 * Math.sqrt(expected.variance());
            assertThat(g.difference().lower()).isCloseTo(expected.difference() - half, within(1e-12));
            assertThat(g.difference().upper()).isCloseTo(expected.difference() + half, within(1e-12));
            // the interval excludes 0 exactly when the two-sided p-value is below 0.05
            assertThat(!g.difference().contains(0)).isEqualTo(expected.pValue() < 0.05);
        }
    }

    @Test
    void aScorerComparedWithItselfHasNoTest() {
        List<ScoredCase> a = scorers().get(0);
        PairedAuroc.Group g = PairedAuroc.compare(a, a, "pneumonia", "a.csv", "a.csv").get("overall");
        assertThat(g.test().difference()).isZero();
        assertThat(g.test().pValue()).isNaN();
        assertThat(g.difference()).isEqualTo(new Interval(0, 0)); // no variance: the difference is exactly 0
    }

    @Test
    void differentCasesAreRejectedNamingTheCase() {
        List<List<ScoredCase>> s = scorers();
        List<ScoredCase> b = new ArrayList<>(s.get(1));
        ScoredCase c = b.get(6);
        b.set(6, new ScoredCase("normal", c.score(), c.source(), c.cohort()));
        assertThatThrownBy(() -> PairedAuroc.compare(s.get(0), b, "pneumonia", "a.csv", "b.csv"))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("b.csv, case 7").hasMessageContaining("label pneumonia");
        assertThatThrownBy(() -> PairedAuroc.compare(s.get(0), b.subList(0, 59), "pneumonia", "a.csv", "b.csv"))
                .isInstanceOf(RejectedInputException.class)
                .hasMessageContaining("has 59 cases but a.csv has 60");
    }
}
