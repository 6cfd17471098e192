-- One row per vendor-model evaluation run from the command line or, later, by an audit.
-- The metric JSON is the documented contract of `auditgate evaluate --json`.
CREATE TABLE evaluation (
    id              BIGINT       NOT NULL PRIMARY KEY,
    created_at      TIMESTAMP    NOT NULL,
    model_name      VARCHAR(512) NOT NULL,
    model_sha256    CHAR(64)     NOT NULL,
    dataset_origin  VARCHAR(2048) NOT NULL,
    manifest_sha256 CHAR(64)     NOT NULL,
    config_sha256   CHAR(64)     NOT NULL,
    positive_label  VARCHAR(256) NOT NULL,
    threshold       DOUBLE PRECISION NOT NULL,
    metrics_json    TEXT         NOT NULL
);

CREATE SEQUENCE evaluation_seq START WITH 1 INCREMENT BY 50;

CREATE INDEX evaluation_model_idx ON evaluation (model_sha256);
