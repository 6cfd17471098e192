package org.auditgate.evaluations;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Stored evaluations. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepository<Evaluation> {

    /** Evaluations of one model, newest first. */
    public List<Evaluation> findByModel(String modelSha256) {
        return list("modelSha256 = ?1 order by createdAt desc", modelSha256);
    }
}
