package org.auditgate.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.auditgate.engine.metrics.Auroc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares every statistic with the fixture written by {@code src/test/python/stats_reference.py}
 * and keeps the largest deviation per statistic. A deviation is |java − reference| / max(1, |reference|)
 * (absolute for values up to 1, relative above); it is infinite when exactly one side is undefined.
 */
final class ReferenceDeviations {

    private final Map<String, Double> largest = new TreeMap<>();

    private ReferenceDeviations() {
    }

    static JsonNode fixture() {
        try (InputStream in = ReferenceDeviations.class.getResourceAsStream("stats_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest deviation per statistic over all fixture cases. */
    static Map<String, Double> compute() {
        ReferenceDeviations d = new ReferenceDeviations();
        JsonNode f = fixture();
        for (JsonNode c : f.get("auc")) {
            double[] s = doubles(c.get("scores"));
            boolean[] p = booleans(c.get("positive"));
            AucInterval ci = DeLong.interval(s, p, c.get("level").asDouble());
            d.record("AUROC vs sklearn roc_auc_score", Auroc.of(s, p), c.get("sklearnAuc"));
            d.record("DeLong AUC vs O(m·n) DeLong", ci.auc(), c.get("auc"));
            d.record("DeLong variance", ci.variance(), c.get("variance"));
            d.record("DeLong CI bounds", ci.lower(), c.get("lower"));
            d.record("DeLong CI bounds", ci.upper(), c.get("upper"));
        }
        for (JsonNode c : f.get("pairedDeLong")) {
            PairedDeLong r = DeLong.compare(doubles(c.get("scoresA")), doubles(c.get("scoresB")), booleans(c.get("positive")));
            d.record("paired DeLong AUCs", r.aucA(), c.get("aucA"));
            d.record("paired DeLong AUCs", r.aucB(), c.get("aucB"));
            d.record("paired DeLong variance of difference", r.variance(), c.get("variance"));
            d.record("paired DeLong z", r.z(), c.get("z"));
            d.record("paired DeLong p-value", r.pValue(), c.get("p"));
        }
        for (JsonNode c : f.get("wilson")) {
            Interval ci = Proportions.wilson(c.get("successes").asLong(), c.get("trials").asLong(), c.get("level").asDouble());
            d.record("Wilson bounds vs statsmodels", ci.lower(), c.get("lower"));
            d.record("Wilson bounds vs statsmodels", ci.upper(), c.get("upper"));
        }
        for (JsonNode c : f.get("pairedTests")) {
            PairedComparison r = PairedComparison.of(doubles(c.get("clean")), doubles(c.get("noise")));
            d.record(r.wilcoxonExact() ? "Wilcoxon exact p vs scipy" : "Wilcoxon approx p vs scipy", r.wilcoxonP(), c.get("wilcoxonP"));
            d.record("paired t p vs scipy ttest_rel", r.tTestP(), c.get("tTestP"));
            d.record("mean reduction", r.reduction().mean(), c.get("meanReduction"));
            d.record("SD / t-interval vs scipy", r.reduction().sd(), c.get("sdReduction"));
            d.record("SD / t-interval vs scipy", r.reduction().lower(), c.get("lower"));
            d.record("SD / t-interval vs scipy", r.reduction().upper(), c.get("upper"));
            d.flag("Wilcoxon method and zero count", r.wilcoxonExact() == c.get("exact").asBoolean()
                    && r.nonZeroDifferences() == c.get("nonZero").asInt());
        }
        for (JsonNode c : f.get("tIntervals")) {
            SeedSummary s = SeedSummary.of(doubles(c.get("values")));
            d.record("SD / t-interval vs scipy", s.mean(), c.get("mean"));
            d.record("SD / t-interval vs scipy", s.sd(), c.get("sd"));
            d.record("SD / t-interval vs scipy", s.lower(), c.get("lower"));
            d.record("SD / t-interval vs scipy", s.upper(), c.get("upper"));
        }
        for (JsonNode c : f.get("holm")) {
            double[] adjusted = Holm.adjust(doubles(c.get("p")));
            JsonNode expected = c.get("adjusted");
            for (int i = 0; i < adjusted.length; i++) {
                d.record("Holm vs statsmodels multipletests", adjusted[i], expected.get(i));
            }
        }
        for (JsonNode c : f.get("cramersV")) {
            d.record("Cramér's V vs scipy association", CramersV.of(strings(c.get("a")), strings(c.get("b"))), c.get("v"));
        }
        for (JsonNode c : f.get("calibration")) {
            double[] s = doubles(c.get("scores"));
            boolean[] p = booleans(c.get("positive"));
            d.record("Brier vs sklearn brier_score_loss", Calibration.brier(s, p), c.get("brier"));
            d.record("ECE (10 fixed bins)", Calibration.ece(s, p), c.get("ece"));
            List<ReliabilityBin> bins = Calibration.reliability(s, p);
            for (int b = 0; b < bins.size(); b++) {
                d.flag("reliability bin counts", bins.get(b).count() == c.get("counts").get(b).asInt());
                d.record("reliability bin means and rates", bins.get(b).meanScore(), c.get("meanScores").get(b));
                d.record("reliability bin means and rates", bins.get(b).observedRate(), c.get("rates").get(b));
            }
        }
        for (JsonNode c : f.get("percentile")) {
            double[] sorted = doubles(c.get("sorted"));
            for (int i = 0; i < c.get("q").size(); i++) {
                d.record("bootstrap quantile vs numpy.percentile", Bootstrap.quantile(sorted, c.get("q").get(i).asDouble()),
                        c.get("expected").get(i));
            }
        }
        return d.largest;
    }

    private void record(String statistic, double actual, JsonNode expectedNode) {
        double expected = expectedNode == null || expectedNode.isNull() ? Double.NaN : expectedNode.asDouble();
        double deviation;
        if (Double.isNaN(actual) || Double.isNaN(expected)) {
            deviation = Double.isNaN(actual) && Double.isNaN(expected) ? 0 : Double.POSITIVE_INFINITY;
        } else {
            deviation = Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
        }
        largest.merge(statistic, deviation, Math::max);
    }

    private void flag(String check, boolean agrees) {
        largest.merge(check, agrees ? 0.0 : Double.POSITIVE_INFINITY, Math::max);
    }

    static double[] doubles(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return v;
    }

    static boolean[] booleans(JsonNode array) {
        boolean[] v = new boolean[array.size()];
        for (int i = 0; i < v.length; i++) v[i] = array.get(i).asBoolean();
        return v;
    }

    static List<String> strings(JsonNode array) {
        List<String> v = new ArrayList<>();
        array.forEach(n -> v.add(n.asText()));
        return v;
    }
}
