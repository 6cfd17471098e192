package org.auditgate.evaluations;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The Flyway migration created the table the entity maps, and rows round-trip. */
@QuarkusTest
class EvaluationRepositoryTest {

    @Inject
    EvaluationRepository repository;

    @Test
    void storesAndFindsAnEvaluationByModel() {
        String model = "a".repeat(64);
        QuarkusTransaction.requiringNew().run(() -> {
            Evaluation e = new Evaluation();
            e.createdAt = Instant.parse("2026-12-04T10:00:00Z");
            e.modelName = "demo.onnx";
            e.modelSha256 = model;
            e.datasetOrigin = "/data/site";
            e.manifestSha256 = "b".repeat(64);
            e.configSha256 = "c".repeat(64);
            e.positiveLabel = "pneumonia";
            e.threshold = 0.5;
            e.metricsJson = "{\"groups\":{}}";
            repository.persist(e);
        });
        var found = QuarkusTransaction.requiringNew().call(() -> repository.findByModel(model));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).metricsJson).isEqualTo("{\"groups\":{}}");
        assertThat(found.get(0).threshold).isEqualTo(0.5);
    }
}
