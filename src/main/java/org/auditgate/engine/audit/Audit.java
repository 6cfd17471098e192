package org.auditgate.engine.audit;

import org.auditgate.engine.dataset.DatasetEntry;
import org.auditgate.engine.dataset.SiteDataset;
import org.auditgate.engine.evaluation.EvaluationJson;
import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.engine.evaluation.FeatureSink;
import org.auditgate.engine.evaluation.Progress;
import org.auditgate.engine.evaluation.ScoredImage;
import org.auditgate.engine.evaluation.VendorEvaluation;
import org.auditgate.engine.metrics.Cohort;
import org.auditgate.engine.metrics.ScoredCase;
import org.auditgate.engine.onnx.OnnxModel;
import org.auditgate.engine.policy.Policy;
import org.auditgate.engine.policy.PolicyEvaluator;
import org.auditgate.engine.policy.PolicyOutcome;
import org.auditgate.engine.reference.FeatureCache;
import org.auditgate.engine.reference.ReferenceComparison;
import org.auditgate.engine.reference.ReferenceOptions;
import org.auditgate.engine.reference.ReferenceResult;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.split.AuditConfig;
import org.auditgate.engine.split.Partition;
import org.auditgate.engine.stats.CramersV;
import org.auditgate.engine.stats.MetricStatistics;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The whole audit of DESIGN §2 after ingestion: evaluate the vendor model as it is, run the reference
 * comparison, compute the statistics (DESIGN §6) and apply the policy (DESIGN §7).
 *
 * <p>Every number depends only on the inputs and the audit configuration's seed: the split, the
 * views and heads ({@link ReferenceComparison}) and the bootstraps of the vendor statistics
 * ({@link MetricStatistics}; the OOD-only statistics use the seed's first {@link SplittableRandom}
 * draw so they do not repeat the resamples of the full set). Thread counts and the device change
 * only the time taken.
 */
public final class Audit {

    /**
     * How to run an audit.
     *
     * @param evaluation batch size, decoding threads and device of the vendor evaluation
     * @param reference seeds, views, threads and device of the reference comparison
     * @param cache backbone features already known; filled with what this audit computes
     */
    public record Options(VendorEvaluation.Options evaluation, ReferenceOptions reference, FeatureCache cache) {

        public Options {
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(cache, "cache");
        }
    }

    private Audit() {
    }

    /** Runs the audit; see the class comment. */
    public static AuditResults run(OnnxModel vendor, SiteDataset dataset, AuditConfig config, Policy policy, Options options,
                                   Progress progress) {
        EvaluationResult evaluation = VendorEvaluation.run(vendor, dataset, config, options.evaluation(), progress, FeatureSink.DISCARD);
        progress.update("vendor statistics", 0, 1);
        MetricStatistics vendorStatistics = EvaluationJson.statistics(evaluation, config);
        List<ScoredCase> ood = ScoredImage.cases(evaluation.scored()).stream().filter(c -> c.cohort() == Cohort.OOD).toList();
        MetricStatistics oodBySource = MetricStatistics.compute(ood, config.positive(), config.threshold(),
                new SplittableRandom(config.seed()).split().nextLong());
        progress.update("vendor statistics", 1, 1);

        ReferenceResult reference = ReferenceComparison.run(vendor, dataset, config, options.reference(), progress, options.cache());
        ReferenceStatistics referenceStatistics = ReferenceStatistics.of(reference);

        List<DatasetEntry> train = evaluation.split().of(Partition.TRAIN);
        AuditResults.Shortcuts shortcuts = new AuditResults.Shortcuts(
                CramersV.of(train.stream().map(DatasetEntry::source).toList(), train.stream().map(DatasetEntry::label).toList()),
                train.size(), List.copyOf(new TreeSet<>(train.stream().map(DatasetEntry::source).toList())));

        PolicyOutcome outcome = PolicyEvaluator.evaluate(policy, new AuditInputs(vendorStatistics, oodBySource, referenceStatistics));
        AuditResults.Subject subject = new AuditResults.Subject(vendor.name(), vendor.sha256(),
                dataset.origin().getFileName().toString(), dataset.manifestSha256(), dataset.entries().size(), config.sha256(),
                config.positive(), config.negative(), config.threshold(), config.seed());
        return new AuditResults(subject, evaluation, vendorStatistics, oodBySource, reference, referenceStatistics, shortcuts,
                policy, outcome);
    }
}
