package org.auditgate.engine.stats;

import org.auditgate.engine.RejectedInputException;
import org.auditgate.engine.RejectedInputException.Kind;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.metrics.ScoredCase;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two scorers of the same cases compared by AUROC in every group of the metric JSON (overall, id,
 * ood, source:*) with DeLong's paired test ({@link DeLong#compare}): for example the vendor model and
 * a reference model, or a model before and after an update, on one test set.
 */
public final class PairedAuroc {

    /**
     * The comparison in one group.
     *
     * @param n cases
     * @param positives positive cases
     * @param test DeLong's paired test: AUROC of A and B, difference A − B, its variance, z and two-sided p
     * @param difference the 95% normal interval of the difference (not clipped); undefined with the variance
     */
    public record Group(int n, int positives, PairedDeLong test, Interval difference) {
    }

    private PairedAuroc() {
    }

    /**
     * Compares scorer A and B case by case.
     *
     * @param a the cases scored by A
     * @param b the same cases, in the same order, scored by B
     * @param nameA how A is named in rejections (a file name)
     * @param nameB how B is named
     * @return the groups, keyed and ordered as {@link MetricReport#groupCases}
     * @throws RejectedInputException when the lists differ in length or a case differs in label, source or cohort
     */
    public static Map<String, Group> compare(List<ScoredCase> a, List<ScoredCase> b, String positive, String nameA, String nameB) {
        Objects.requireNonNull(positive, "positive");
        if (a.size() != b.size()) {
            throw new RejectedInputException(Kind.SCORES, nameB, "has " + b.size() + " cases but " + nameA + " has " + a.size(),
                    "Score the same cases, in the same order, with both models");
        }
        for (int i = 0; i < a.size(); i++) {
            ScoredCase x = a.get(i);
            ScoredCase y = b.get(i);
            if (!x.label().equals(y.label()) || !Objects.equals(x.source(), y.source()) || x.cohort() != y.cohort()) {
                throw new RejectedInputException(Kind.SCORES, nameB + ", case " + (i + 1),
                        "is (" + describe(y) + ") but case " + (i + 1) + " of " + nameA + " is (" + describe(x) + ")",
                        "Score the same cases, in the same order, with both models");
            }
        }
        Map<String, List<ScoredCase>> groupsA = MetricReport.groupCases(a);
        Map<String, List<ScoredCase>> groupsB = MetricReport.groupCases(b);
        Map<String, Group> out = new LinkedHashMap<>();
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - Bootstrap.LEVEL) / 2);
        for (Map.Entry<String, List<ScoredCase>> e : groupsA.entrySet()) {
            List<ScoredCase> ga = e.getValue();
            List<ScoredCase> gb = groupsB.get(e.getKey());
            double[] sa = new double[ga.size()];
            double[] sb = new double[ga.size()];
            boolean[] pos = new boolean[ga.size()];
            int positives = 0;
            for (int i = 0; i < sa.length; i++) {
                sa[i] = ga.get(i).score();
                sb[i] = gb.get(i).score();
                pos[i] = ga.get(i).label().equals(positive);
                if (pos[i]) positives++;
            }
            PairedDeLong test = DeLong.compare(sa, sb, pos);
            Interval interval = Double.isNaN(test.variance()) ? Interval.UNDEFINED
                    : new Interval(test.difference() - z * Math.sqrt(test.variance()), test.difference() + z * Math.sqrt(test.variance()));
            out.put(e.getKey(), new Group(sa.length, positives, test, interval));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String describe(ScoredCase c) {
        return "label " + c.label() + ", source " + (c.source() == null ? "none" : c.source())
                + ", split " + (c.cohort().groupKey() == null ? "none" : c.cohort().groupKey());
    }
}
