package org.auditgate.engine.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.stats.MetricStatistics;
import org.auditgate.engine.stats.StatisticsJson;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.Leak;
import org.auditgate.engine.split.Partition;

/**
 * The JSON written by {@code evaluate --json}: the metric JSON with intervals ({@link StatisticsJson}) plus the
 * provenance that identifies what was measured: model, dataset, configuration, split and leakage.
 * Timing is not included, so the same inputs give the same file on any machine.
 */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    /**
     * The evaluation with its statistics (metric JSON version 2, {@link StatisticsJson}).
     *
     * @param statistics the statistics of {@code result}'s scored images ({@link #statistics})
     */
    public static ObjectNode toJson(EvaluationResult result, MetricStatistics statistics, OnnxModel model, SiteDataset dataset,
                                    AuditConfig config, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        StatisticsJson.write(statistics, root);

        ObjectNode m = root.putObject("model");
        m.put("name", model.name());
        m.put("sha256", model.sha256());
        ObjectNode feature = m.putObject("featureTensor");
        feature.put("tensor", result.featureTensor().tensor());
        feature.put("dimension", result.featureTensor().dimension());
        feature.put("route", result.featureTensor().route());
        ObjectNode input = m.putObject("input");
        input.put("size", result.inputSpec().size());
        ArrayNode mean = input.putArray("mean");
        for (float v : result.inputSpec().mean()) mean.add(v);
        ArrayNode std = input.putArray("std");
        for (float v : result.inputSpec().std()) std.add(v);

        ObjectNode d = root.putObject("dataset");
        d.put("origin", dataset.origin().getFileName().toString());
        d.put("manifestSha256", dataset.manifestSha256());
        d.put("images", dataset.entries().size());

        ObjectNode c = root.putObject("config");
        c.put("sha256", config.sha256());
        c.put("splitMethod", config.splitMethod().toString().toLowerCase(java.util.Locale.ROOT));
        c.put("seed", config.seed());

        ObjectNode s = root.putObject("split");
        for (Partition p : Partition.values()) {
            s.put(p.name().toLowerCase(java.util.Locale.ROOT), result.split().of(p).size());
        }
        s.put("unused", result.split().unused().size());
        ArrayNode shared = s.putArray("patientsInIdAndOod");
        result.split().patientsInIdAndOod().forEach(shared::add);

        ArrayNode leaks = root.putArray("leakage");
        for (Leak leak : result.leaks()) {
            ObjectNode l = leaks.addObject();
            l.put("sha256", leak.sha256());
            ArrayNode train = l.putArray("trainSide");
            leak.trainSide().stream().map(DatasetEntry::path).forEach(train::add);
            ArrayNode test = l.putArray("testSide");
            leak.testSide().stream().map(DatasetEntry::path).forEach(test::add);
        }
        return root;
    }

    /** The statistics of an evaluation's scored images, bootstrapped with the audit configuration's seed. */
    public static MetricStatistics statistics(EvaluationResult result, AuditConfig config) {
        return MetricStatistics.of(result.metrics(), ScoredImage.cases(result.scored()), config.seed());
    }
}
