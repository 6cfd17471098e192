package org.auditgate.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.EvaluationJson;
import org.auditgate.engine.metrics.MetricJson;
import org.auditgate.engine.metrics.MetricReport;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.policy.PolicyJson;
import org.auditgate.engine.reference.ReferenceJson;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.stats.GroupStatistics;
import org.auditgate.engine.stats.StatisticsJson;

import java.util.Map;

/**
 * Writes {@link AuditResults} as {@code results.json}, schema {@value #SCHEMA} (documented in the
 * README, "results.json"): what was audited, the verdict and findings first, then every number they
 * rest on.
 * <pre>{@code
 * { "schema": "auditgate.results/1",
 *   "subject":  { "model": {"name", "sha256"}, "dataset": {"name", "manifestSha256", "images"},
 *                 "config": {"sha256", "positive", "negative", "threshold", "seed"} },
 *   "policy":   { "name", "version", "sha256", "description" },
 *   "findings": <auditgate.findings/1: verdict and findings, violated first>,
 *   "vendor":   <the evaluate JSON: auditgate.metrics/2 groups with intervals, gaps with bootstrap intervals,
 *                model, dataset, config, split, leakage>,
 *   "vendorOodSources": { "<source>": <that source's OOD images only: the group object of auditgate.metrics/2> },
 *   "reference": <auditgate.reference/1: runs per arm and seed, statistics over seeds, gap reduction tests, source probe>,
 *   "shortcuts": { "cramersV": 1.0, "idTrainingImages": 70, "idSources": ["eurorad.org", "github.com"],
 *                  "sourceProbeAuroc": 0.98 } }
 * }</pre>
 * No timing and no absolute path is written: the same inputs and seed give the same file on any
 * machine and thread count. Undefined numbers are {@code null}.
 */
public final class AuditJson {

    public static final String SCHEMA = "auditgate.results/1";

    private AuditJson() {
    }

    /**
     * @param model the audited model (for the evaluation's provenance)
     * @param dataset the audited dataset
     * @param config the audit configuration
     */
    public static ObjectNode toJson(AuditResults results, OnnxModel model, SiteDataset dataset, AuditConfig config, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        AuditResults.Subject s = results.subject();
        ObjectNode subject = root.putObject("subject");
        ObjectNode m = subject.putObject("model");
        m.put("name", s.modelName());
        m.put("sha256", s.modelSha256());
        ObjectNode d = subject.putObject("dataset");
        d.put("name", s.datasetName());
        d.put("manifestSha256", s.manifestSha256());
        d.put("images", s.images());
        ObjectNode c = subject.putObject("config");
        c.put("sha256", s.configSha256());
        c.put("positive", s.positive());
        c.put("negative", s.negative());
        c.put("threshold", s.threshold());
        c.put("seed", s.seed());

        ObjectNode policy = root.putObject("policy");
        policy.put("name", results.policy().name());
        policy.put("version", results.policy().version());
        policy.put("sha256", results.policy().sha256());
        policy.put("description", results.policy().description());
        PolicyJson.write(results.outcome(), root.putObject("findings"));

        root.set("vendor", EvaluationJson.toJson(results.vendor(), results.vendorStatistics(), model, dataset, config, mapper));
        ObjectNode oodSources = root.putObject("vendorOodSources");
        ObjectNode oodGroups = (ObjectNode) StatisticsJson.write(results.oodBySource(), mapper.createObjectNode()).get("groups");
        for (Map.Entry<String, GroupStatistics> e : results.oodBySource().groups().entrySet()) {
            if (e.getKey().startsWith(MetricReport.SOURCE_PREFIX)) {
                oodSources.set(e.getKey().substring(MetricReport.SOURCE_PREFIX.length()), oodGroups.get(e.getKey()));
            }
        }
        root.set("reference", ReferenceJson.toJson(results.reference(), results.referenceStatistics(), mapper));

        ObjectNode shortcuts = root.putObject("shortcuts");
        MetricJson.putNumber(shortcuts, "cramersV", results.shortcuts().cramersV());
        shortcuts.put("idTrainingImages", results.shortcuts().idTrainingImages());
        ArrayNode sources = shortcuts.putArray("idSources");
        results.shortcuts().idSources().forEach(sources::add);
        MetricJson.putNumber(shortcuts, "sourceProbeAuroc", results.reference().sourceProbe().auroc());
        return root;
    }
}
