package org.auditgate.engine.audit;

import org.auditgate.engine.evaluation.EvaluationResult;
import org.auditgate.engine.policy.Policy;
import org.auditgate.engine.policy.PolicyOutcome;
import org.auditgate.engine.reference.ReferenceResult;
import org.auditgate.engine.reference.ReferenceStatistics;
import org.auditgate.engine.stats.MetricStatistics;

import java.util.List;
import java.util.Objects;

/**
 * Everything one audit measured and concluded (DESIGN §2): the vendor model as it is, the reference
 * comparison, the statistics of both, the shortcut indicators and the policy's findings.
 *
 * @param subject what was audited: model, dataset, configuration
 * @param vendor the vendor evaluation
 * @param vendorStatistics its statistics per group (overall, id, ood, source:*) and the gaps with intervals
 * @param oodBySource statistics of the OOD images alone, so {@code source:<name>} holds only that source's OOD images
 * @param reference the reference comparison
 * @param referenceStatistics its statistics over seeds and the paired gap comparison
 * @param shortcuts Cramér's V between source and label in the ID training set
 * @param policy the policy applied
 * @param outcome its findings and verdict
 */
public record AuditResults(Subject subject, EvaluationResult vendor, MetricStatistics vendorStatistics, MetricStatistics oodBySource,
                           ReferenceResult reference, ReferenceStatistics referenceStatistics, Shortcuts shortcuts,
                           Policy policy, PolicyOutcome outcome) {

    public AuditResults {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(vendorStatistics, "vendorStatistics");
        Objects.requireNonNull(oodBySource, "oodBySource");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(referenceStatistics, "referenceStatistics");
        Objects.requireNonNull(shortcuts, "shortcuts");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * What was audited.
     *
     * @param modelName the model's display name
     * @param modelSha256 SHA-256 of the model file
     * @param datasetName the dataset folder or archive name
     * @param manifestSha256 SHA-256 of its manifest
     * @param images images listed in the manifest
     * @param configSha256 SHA-256 of the audit configuration
     * @param positive the positive class
     * @param negative the negative class
     * @param threshold called positive when score &gt; threshold
     * @param seed the audit configuration's seed (split, views, heads, bootstraps)
     */
    public record Subject(String modelName, String modelSha256, String datasetName, String manifestSha256, int images,
                          String configSha256, String positive, String negative, double threshold, long seed) {
    }

    /**
     * Shortcut indicators (DESIGN §6); the source probe is part of the reference result.
     *
     * @param cramersV Cramér's V between source and label over the ID training images; NaN with one source or one label
     * @param idTrainingImages how many images it was computed on
     * @param idSources the ID training sources, sorted
     */
    public record Shortcuts(double cramersV, int idTrainingImages, List<String> idSources) {

        public Shortcuts {
            idSources = List.copyOf(idSources);
        }
    }
}
