package org.auditgate.engine.audit;

import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.metrics.ScoredCase;
import org.auditgate.engine.policy.Scope;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.stats.Holm;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AuditInputs}: every scope and statistic a policy can name maps to the right number of
 * the vendor statistics or the reference statistics (compared with the objects directly).
 *
 * <p>Cases: ID from {@code north} (and a few ID images from {@code east}, so that the vendor's
 * {@code source:east} group differs from the OOD-only one), OOD from {@code east} and from
 * {@code west}, which has no positive case.
 */
class AuditInputsTest {

    static final String POS = "pneumonia";
    static final double THRESHOLD = 0.5;

    static List<ScoredCase> cases() {
        List<ScoredCase> out = new ArrayList<>();
        double[] idPos = {0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.45, 0.3};
        double[] idNeg = {0.1, 0.2, 0.05, 0.3, 0.4, 0.35, 0.6, 0.15, 0.25, 0.5};
        for (double s : idPos) out.add(new ScoredCase(POS, s, "north", Cohort.ID));
        for (double s : idNeg) out.add(new ScoredCase("normal", s, "north", Cohort.ID));
        out.add(new ScoredCase(POS, 0.99, "east", Cohort.ID));
        out.add(new ScoredCase("normal", 0.01, "east", Cohort.ID));
        double[] eastPos = {0.6, 0.4, 0.35, 0.7, 0.2, 0.55};
        double[] eastNeg = {0.5, 0.3, 0.45, 0.6, 0.25, 0.65};
        for (double s : eastPos) out.add(new ScoredCase(POS, s, "east", Cohort.OOD));
        for (double s : eastNeg) out.add(new ScoredCase("normal", s, "east", Cohort.OOD));
        for (double s : new double[] {0.1, 0.7, 0.3, 0.4}) out.add(new ScoredCase("normal", s, "west", Cohort.OOD));
        return out;
    }

    static MetricStatistics vendor() {
        return MetricStatistics.compute(cases(), POS, THRESHOLD, 7);
    }

    static MetricStatistics oodOnly() {
        return MetricStatistics.compute(cases().stream().filter(c -> c.cohort() == Cohort.OOD).toList(), POS, THRESHOLD, 8);
    }

    /** Reference statistics built by hand from made-up per-seed values (4 seeds), as {@link ReferenceStatistics#of} builds them. */
    static ReferenceStatistics reference() {
        Map<Arm, Map<ReferenceStatistics.Scope, Map<Metric, SeedSummary>>> arms = new EnumMap<>(Arm.class);
        Map<Metric, PairedComparison> reductions = new EnumMap<>(Metric.class);
        Metric[] metrics = Metric.values();
        double[] p = new double[metrics.length];
        for (Arm arm : Arm.values()) {
            Map<ReferenceStatistics.Scope, Map<Metric, SeedSummary>> byScope = new EnumMap<>(ReferenceStatistics.Scope.class);
            for (ReferenceStatistics.Scope scope : ReferenceStatistics.Scope.values()) {
                Map<Metric, SeedSummary> byMetric = new EnumMap<>(Metric.class);
                for (Metric m : metrics) {
                    byMetric.put(m, SeedSummary.of(seedValues(arm, scope, m)));
                }
                byScope.put(scope, byMetric);
            }
            arms.put(arm, byScope);
        }
        for (int k = 0; k < metrics.length; k++) {
            reductions.put(metrics[k], PairedComparison.of(seedValues(Arm.CLEAN, ReferenceStatistics.Scope.GAP, metrics[k]),
                    seedValues(Arm.NOISE, ReferenceStatistics.Scope.GAP, metrics[k])));
            p[k] = reductions.get(metrics[k]).wilcoxonP();
        }
        double[] adjusted = Holm.adjust(p);
        Map<Metric, Double> holm = new EnumMap<>(Metric.class);
        for (int k = 0; k < metrics.length; k++) holm.put(metrics[k], adjusted[k]);
        return new ReferenceStatistics(arms, reductions, holm);
    }

    private static double[] seedValues(Arm arm, ReferenceStatistics.Scope scope, Metric m) {
        double base = 0.1 * (m.ordinal() + 1) / 2 + (arm == Arm.NOISE ? 0.0 : 0.05) + 0.01 * scope.ordinal();
        return new double[] {base, base + 0.03, base - 0.02, base + 0.011};
    }

    @Test
    void scopesExistWhereTheStatisticsDo() {
        AuditInputs inputs = new AuditInputs(vendor(), oodOnly(), null);
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_ID))).isTrue();
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_OOD))).isTrue();
        assertThat(inputs.hasScope(Scope.oodSource("east"))).isTrue();
        assertThat(inputs.hasScope(Scope.oodSource("west"))).isTrue();
        assertThat(inputs.hasScope(Scope.oodSource("north"))).as("an ID source is no OOD source").isFalse();
        assertThat(inputs.hasScope(Scope.oodSource("nowhere"))).isFalse();
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_GAP))).isTrue();
        for (Scope.Kind kind : List.of(Scope.Kind.REFERENCE_CLEAN_GAP, Scope.Kind.REFERENCE_NOISE_GAP, Scope.Kind.REFERENCE_GAP_REDUCTION)) {
            assertThat(inputs.hasScope(Scope.of(kind))).as(kind + " without a reference").isFalse();
            assertThat(new AuditInputs(vendor(), oodOnly(), reference()).hasScope(Scope.of(kind))).as(kind.text()).isTrue();
        }
    }

    @Test
    void withoutOodImagesOnlyTheIdScopeExists() {
        List<ScoredCase> id = cases().stream().filter(c -> c.cohort() == Cohort.ID).toList();
        AuditInputs inputs = new AuditInputs(MetricStatistics.compute(id, POS, THRESHOLD, 7),
                MetricStatistics.compute(List.of(), POS, THRESHOLD, 8), null);
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_ID))).isTrue();
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_OOD))).isFalse();
        assertThat(inputs.hasScope(Scope.of(Scope.Kind.VENDOR_GAP))).isFalse();
        assertThat(inputs.hasScope(Scope.oodSource("east"))).isFalse();
    }

    @Test
    void vendorValuesAreTheEstimates() {
        MetricStatistics vendor = vendor();
        MetricStatistics ood = oodOnly();
        AuditInputs inputs = new AuditInputs(vendor, ood, null);
        for (Metric m : Metric.values()) {
            for (String key : List.of("id", "ood")) {
                Scope scope = Scope.of(key.equals("id") ? Scope.Kind.VENDOR_ID : Scope.Kind.VENDOR_OOD);
                same(inputs.value(scope, m.jsonName(), "value"), vendor.group(key).metric(m).value());
                same(inputs.value(scope, m.jsonName(), "ciLower"), vendor.group(key).metric(m).lower());
                same(inputs.value(scope, m.jsonName(), "ciUpper"), vendor.group(key).metric(m).upper());
            }
            Scope gap = Scope.of(Scope.Kind.VENDOR_GAP);
            same(inputs.value(gap, m.jsonName(), "value"), vendor.gaps().get(m).value());
            same(inputs.value(gap, m.jsonName(), "ciLower"), vendor.gaps().get(m).lower());
            same(inputs.value(gap, m.jsonName(), "ciUpper"), vendor.gaps().get(m).upper());
        }
        same(inputs.value(Scope.of(Scope.Kind.VENDOR_ID), "brier", "value"), vendor.group("id").brier());
        same(inputs.value(Scope.of(Scope.Kind.VENDOR_OOD), "ece", "value"), vendor.group("ood").ece());
        assertThat(vendor.group("id").brier()).isNotNaN();
        assertThat(inputs.value(Scope.of(Scope.Kind.VENDOR_ID), "auroc", "value")).isBetween(0.5, 1.0);
        assertThatThrownBy(() -> inputs.value(Scope.of(Scope.Kind.VENDOR_ID), "auroc", "mean"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> inputs.value(Scope.of(Scope.Kind.VENDOR_ID), "auroc", "pValue"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOodSourceReadsTheOodOnlyStatistics() {
        MetricStatistics vendor = vendor();
        MetricStatistics ood = oodOnly();
        AuditInputs inputs = new AuditInputs(vendor, ood, null);
        Scope east = Scope.oodSource("east");
        for (Metric m : Metric.values()) {
            same(inputs.value(east, m.jsonName(), "value"), ood.group("source:east").metric(m).value());
            same(inputs.value(east, m.jsonName(), "ciLower"), ood.group("source:east").metric(m).lower());
            same(inputs.value(east, m.jsonName(), "ciUpper"), ood.group("source:east").metric(m).upper());
        }
        same(inputs.value(east, "brier", "value"), ood.group("source:east").brier());
        // the vendor's source:east group also holds east's two ID images: a different number
        assertThat(vendor.group("source:east").n()).isEqualTo(14);
        assertThat(ood.group("source:east").n()).isEqualTo(12);
        assertThat(inputs.value(east, "auroc", "value")).isNotEqualTo(vendor.group("source:east").metric(Metric.AUROC).value());
    }

    @Test
    void aGroupWithoutPositivesSaysSo() {
        AuditInputs inputs = new AuditInputs(vendor(), oodOnly(), null);
        Scope west = Scope.oodSource("west");
        assertThat(inputs.value(west, "recall", "value")).isNaN();
        assertThat(inputs.value(west, "auroc", "value")).isNaN();
        assertThat(inputs.undefinedReason(west, "recall", "value")).isEqualTo("no positive cases in vendor.ood.west");
        assertThat(inputs.undefinedReason(west, "auroc", "ciLower")).isEqualTo("no positive cases in vendor.ood.west");
        // specificity is defined without positives: 3 of the 4 negatives are at or below 0.5
        assertThat(inputs.value(west, "specificity", "value")).isEqualTo(0.75);
    }

    @Test
    void brierOfLogitsIsExplained() {
        List<ScoredCase> logits = cases().stream().map(c -> new ScoredCase(c.label(), c.score() * 4 - 2, c.source(), c.cohort())).toList();
        AuditInputs inputs = new AuditInputs(MetricStatistics.compute(logits, POS, 0.0, 7),
                MetricStatistics.compute(logits.stream().filter(c -> c.cohort() == Cohort.OOD).toList(), POS, 0.0, 8), null);
        Scope id = Scope.of(Scope.Kind.VENDOR_ID);
        assertThat(inputs.value(id, "brier", "value")).isNaN();
        assertThat(inputs.value(id, "ece", "value")).isNaN();
        assertThat(inputs.undefinedReason(id, "brier", "value")).contains("not probabilities");
    }

    @Test
    void referenceValuesAreTheSeedSummariesAndHolmP() {
        ReferenceStatistics reference = reference();
        AuditInputs inputs = new AuditInputs(vendor(), oodOnly(), reference);
        for (Metric m : Metric.values()) {
            String name = m.jsonName();
            SeedSummary clean = reference.summary(Arm.CLEAN, ReferenceStatistics.Scope.GAP, m);
            SeedSummary noise = reference.summary(Arm.NOISE, ReferenceStatistics.Scope.GAP, m);
            same(inputs.value(Scope.of(Scope.Kind.REFERENCE_CLEAN_GAP), name, "mean"), clean.mean());
            same(inputs.value(Scope.of(Scope.Kind.REFERENCE_CLEAN_GAP), name, "ciLower"), clean.lower());
            same(inputs.value(Scope.of(Scope.Kind.REFERENCE_CLEAN_GAP), name, "ciUpper"), clean.upper());
            same(inputs.value(Scope.of(Scope.Kind.REFERENCE_NOISE_GAP), name, "mean"), noise.mean());
            same(inputs.value(Scope.of(Scope.Kind.REFERENCE_NOISE_GAP), name, "ciUpper"), noise.upper());
            Scope reduction = Scope.of(Scope.Kind.REFERENCE_GAP_REDUCTION);
            same(inputs.value(reduction, name, "mean"), reference.reductions().get(m).reduction().mean());
            same(inputs.value(reduction, name, "ciLower"), reference.reductions().get(m).reduction().lower());
            same(inputs.value(reduction, name, "pValue"), reference.holmWilcoxonP().get(m));
        }
        // the made-up values: clean gap = noise gap + 0.05 every seed, so the mean reduction is 0.05
        assertThat(inputs.value(Scope.of(Scope.Kind.REFERENCE_GAP_REDUCTION), "auroc", "mean"))
                .isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
        // the Holm p-value is not the raw one (7 metrics tie: Holm multiplies the smallest by 7, capped at 1)
        assertThat(reference.holmWilcoxonP().get(Metric.AUROC)).isGreaterThanOrEqualTo(reference.reductions().get(Metric.AUROC).wilcoxonP());
        assertThatThrownBy(() -> inputs.value(Scope.of(Scope.Kind.REFERENCE_CLEAN_GAP), "auroc", "value"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void same(double actual, double expected) {
        assertThat(Double.compare(actual, expected)).as("%s vs %s", actual, expected).isZero();
    }
}
