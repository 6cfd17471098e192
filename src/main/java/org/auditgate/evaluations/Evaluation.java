package org.auditgate.evaluations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A recorded evaluation of a vendor model on a site dataset, with the hashes that identify its inputs. */
@Entity
@Table(name = "evaluation")
public class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evaluation_seq")
    @SequenceGenerator(name = "evaluation_seq", sequenceName = "evaluation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(name = "model_sha256", nullable = false)
    public String modelSha256;

    @Column(name = "dataset_origin", nullable = false)
    public String datasetOrigin;

    @Column(name = "manifest_sha256", nullable = false)
    public String manifestSha256;

    @Column(name = "config_sha256", nullable = false)
    public String configSha256;

    @Column(name = "positive_label", nullable = false)
    public String positiveLabel;

    @Column(name = "threshold", nullable = false)
    public double threshold;

    @Column(name = "metrics_json", nullable = false, columnDefinition = "TEXT")
    public String metricsJson;
}
