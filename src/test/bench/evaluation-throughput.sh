#!/usr/bin/env bash
# Evaluation throughput against a bare ONNX Runtime session, same JVM, same run.
# Usage: src/test/bench/evaluation-throughput.sh MODEL DATASET AUDIT_YAML [threads] [repeats]
# A binary vendor model for the real data can be exported by the real-data test:
#   mvn test -Dtest=RealDataEvaluationTest -Dauditgate.exportDir=/tmp/realdata
#   src/test/bench/evaluation-throughput.sh /tmp/realdata/mobilenetv2-cxr-head.onnx \
#       ../shared/data/cxr-covid-pneumonia /tmp/realdata/audit.yaml 2 3
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q test-compile -Dquarkus.build.skip=true
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test > /dev/null
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.auditgate.bench.EvaluationThroughput "$@"
