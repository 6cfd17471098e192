package org.auditgate.evaluations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** Records evaluations so that every measured number can be traced to its inputs later. */
@ApplicationScoped
public class EvaluationService {

    private final EvaluationRepository repository;
    private final Clock clock;

    public EvaluationService(EvaluationRepository repository) {
        this.repository = repository;
        this.clock = Clock.systemUTC();
    }

    /** What identifies an evaluation's inputs and its metric JSON. */
    public record Record(String modelName, String modelSha256, String datasetOrigin, String manifestSha256, String configSha256,
                         String positiveLabel, double threshold, String metricsJson) {
    }

    /** Stores the evaluation and returns its id. */
    @Transactional
    public long record(Record r) {
        Evaluation e = new Evaluation();
        e.createdAt = Instant.now(clock);
        e.modelName = r.modelName();
        e.modelSha256 = r.modelSha256();
        e.datasetOrigin = r.datasetOrigin();
        e.manifestSha256 = r.manifestSha256();
        e.configSha256 = r.configSha256();
        e.positiveLabel = r.positiveLabel();
        e.threshold = r.threshold();
        e.metricsJson = r.metricsJson();
        repository.persist(e);
        return e.id;
    }
}
