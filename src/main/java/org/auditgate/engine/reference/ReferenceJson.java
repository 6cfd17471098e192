package org.auditgate.engine.reference;

import org.auditgate.engine.metrics.Metric;
import org.auditgate.engine.stats.PairedComparison;
import org.auditgate.engine.stats.SeedSummary;
import org.auditgate.engine.stats.StatisticsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.augment.Arm;
import org.auditgate.engine.metrics.MetricJson;
import org.auditgate.engine.training.HeadConfig;

/**
 * Writes a {@link ReferenceResult} as JSON:
 * <pre>{@code
 * { "schema": "auditgate.reference/1",
 *   "viewMode": "bank", "bankViews": 16, "seeds": 31, "auditSeed": 42, "featureDimension": 1280,
 *   "featureTensor": {"source": "...", "route": "..."},
 *   "views": {"minScale": 0.08, "maxScale": 1.0, "minRatio": 0.75, "maxRatio": 1.333, "flipProbability": 0.5},
 *   "head": {"hidden": 64, "dropout": 0.5, "batchSize": 32, "learningRate": 1e-4, "maxEpochs": 50, ...},
 *   "arms": {
 *     "clean": {
 *       "runs": [ {"seed": 1, "bestEpoch": 7, "epochsRun": 13, "valAuroc": [0.71, ...],
 *                  "metrics": <the metric JSON of MetricJson.write: groups overall/id/ood/source:*, gaps>}, ... ],
 *       "summary": { "idAuroc": {"mean": 0.85, "sd": 0.02, "n": 31, "ciLower": 0.843, "ciUpper": 0.857},
 *                    "oodAuroc": {...}, "aurocGap": {...} } },
 *     "noise": { ... } },
 *   "statistics": { "arms": { "clean": { "id": { "auroc": {"mean": 0.77, "sd": 0.12, "n": 31, "ciLower": 0.73, "ciUpper": 0.82}, ... },
 *                                        "ood": {...}, "gap": {...} }, "noise": {...} },
 *                   "gapReduction": { "auroc": {"mean": 0.05, "sd": 0.1, "n": 31, "ciLower": 0.01, "ciUpper": 0.09,
 *                                               "pairs": 31, "droppedPairs": 0, "nonZeroDifferences": 31, "wilcoxonExact": true,
 *                                               "wilcoxonP": 0.03, "wilcoxonPHolm": 0.2, "tTestP": 0.02}, ... } },
 *   "sourceProbe": { "sources": ["eurorad.org", "github.com"], "auroc": 0.97, "perSource": {"eurorad.org": 0.97},
 *                    "testImages": 36 } }
 * }</pre>
 * The source probe ({@link SourceProbe}) carries {@code "notApplicable": "<reason>"} and a null AUROC
 * when it cannot run.
 * Seeds are 1-based and listed in order; {@code bestEpoch} is 0-based and indexes {@code valAuroc}.
 * An undefined number (NaN) is written as {@code null}. Per-image scores are not written.
 */
public final class ReferenceJson {

    public static final String SCHEMA = "auditgate.reference/1";

    private ReferenceJson() {
    }

    /** The result as a new JSON object. */
    public static ObjectNode toJson(ReferenceResult result, ObjectMapper mapper) {
        return toJson(result, ReferenceStatistics.of(result), mapper);
    }

    /** The result as a new JSON object, with its statistics already computed. */
    public static ObjectNode toJson(ReferenceResult result, ReferenceStatistics statistics, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("viewMode", result.viewMode().jsonName());
        root.put("bankViews", result.bankViews());
        root.put("seeds", result.seeds());
        root.put("auditSeed", result.auditSeed());
        root.put("featureDimension", result.featureDimension());
        ObjectNode feature = root.putObject("featureTensor");
        feature.put("source", result.featureTensor().sourceTensor());
        feature.put("route", result.featureTensor().route());
        ViewSettings settings = result.views();
        ObjectNode views = root.putObject("views");
        views.put("minScale", settings.minScale());
        views.put("maxScale", settings.maxScale());
        views.put("minRatio", settings.minRatio());
        views.put("maxRatio", settings.maxRatio());
        views.put("flipProbability", settings.flipProbability());
        HeadConfig h = result.head();
        ObjectNode head = root.putObject("head");
        head.put("hidden", h.hidden());
        head.put("dropout", h.dropout());
        head.put("batchSize", h.batchSize());
        head.put("learningRate", h.learningRate());
        head.put("maxEpochs", h.maxEpochs());
        head.put("plateauPatience", h.plateauPatience());
        head.put("plateauFactor", h.plateauFactor());
        head.put("earlyStopPatience", h.earlyStopPatience());
        head.put("earlyStopMinDelta", h.earlyStopMinDelta());
        head.put("stopAt", h.stopAt());
        ObjectNode arms = root.putObject("arms");
        for (Arm arm : Arm.values()) {
            ObjectNode node = arms.putObject(arm.cliName());
            ArrayNode runs = node.putArray("runs");
            for (SeedRun run : result.runs().get(arm)) {
                ObjectNode r = runs.addObject();
                r.put("seed", run.seed());
                r.put("bestEpoch", run.bestEpoch());
                double[] curve = run.valAurocCurve();
                r.put("epochsRun", curve.length);
                ArrayNode val = r.putArray("valAuroc");
                for (double v : curve) {
                    if (Double.isNaN(v)) {
                        val.addNull();
                    } else {
                        val.add(v);
                    }
                }
                MetricJson.write(run.metrics(), r.putObject("metrics"));
            }
            ArmSummary summary = result.summaries().get(arm);
            ObjectNode s = node.putObject("summary");
            put(s.putObject("idAuroc"), summary.idAuroc());
            put(s.putObject("oodAuroc"), summary.oodAuroc());
            put(s.putObject("aurocGap"), summary.aurocGap());
        }
        writeStatistics(statistics, root.putObject("statistics"));
        SourceProbe.Result probe = result.sourceProbe();
        ObjectNode p = root.putObject("sourceProbe");
        ArrayNode sources = p.putArray("sources");
        probe.sources().forEach(sources::add);
        MetricJson.putNumber(p, "auroc", probe.auroc());
        ObjectNode perSource = p.putObject("perSource");
        probe.perSource().forEach((source, auroc) -> MetricJson.putNumber(perSource, source, auroc));
        p.put("testImages", probe.testImages());
        if (probe.reason() != null) {
            p.put("notApplicable", probe.reason());
        }
        return root;
    }

    /**
     * Writes the statistics over seeds: {@code arms.<arm>.<id|ood|gap>.<metric>} as a seed summary
     * (mean, sd, n, ciLower, ciUpper: the 95% t-interval) and {@code gapReduction.<metric>}: the summary of
     * gap(clean) − gap(noise) per seed with {@code pairs}, {@code droppedPairs}, {@code nonZeroDifferences},
     * {@code wilcoxonExact}, {@code wilcoxonP}, {@code wilcoxonPHolm} (Holm over the metrics) and {@code tTestP}.
     */
    public static ObjectNode writeStatistics(ReferenceStatistics statistics, ObjectNode target) {
        ObjectNode arms = target.putObject("arms");
        for (Arm arm : Arm.values()) {
            ObjectNode a = arms.putObject(arm.cliName());
            for (ReferenceStatistics.Scope scope : ReferenceStatistics.Scope.values()) {
                ObjectNode sc = a.putObject(scope.jsonName());
                for (Metric metric : Metric.values()) {
                    put(sc.putObject(metric.jsonName()), statistics.summary(arm, scope, metric));
                }
            }
        }
        ObjectNode reductions = target.putObject("gapReduction");
        for (Metric metric : Metric.values()) {
            PairedComparison c = statistics.reductions().get(metric);
            ObjectNode r = reductions.putObject(metric.jsonName());
            put(r, c.reduction());
            r.put("pairs", c.pairs());
            r.put("droppedPairs", c.droppedPairs());
            r.put("nonZeroDifferences", c.nonZeroDifferences());
            r.put("wilcoxonExact", c.wilcoxonExact());
            MetricJson.putNumber(r, "wilcoxonP", c.wilcoxonP());
            MetricJson.putNumber(r, "wilcoxonPHolm", statistics.holmWilcoxonP().get(metric));
            MetricJson.putNumber(r, "tTestP", c.tTestP());
        }
        return target;
    }

    private static void put(ObjectNode node, SeedSummary value) {
        StatisticsJson.putSummary(node, value);
    }
}
