package org.auditgate.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What an audit looks at, shared by {@code evaluate}, {@code reference} and {@code audit}: the model, the dataset and the configuration. */
final class AuditInputOptions {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The vendor model (.onnx).")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "DATASET",
            description = "A folder or .zip with manifest.csv (path,label,source[,patient_id,split,view]) and the images.")
    Path dataset;

    @Option(names = "--config", required = true, paramLabel = "AUDIT_YAML", description = "The audit configuration (see README).")
    Path config;
}
