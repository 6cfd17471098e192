#!/usr/bin/env bash
# One whole training view per arm, auditgate (JMH TrainingViewBenchmark) vs scikit-image +
# torchvision on PIL (src/test/python/training_view_timing.py), in one run on this machine.
# Run from anywhere: src/test/bench/training-view.sh   (JMH_ARGS overrides the JMH settings)
set -euo pipefail
cd "$(dirname "$0")/../../.."
BUILD_DIR=${BUILD_DIR:-target-bench}
JMH_ARGS=${JMH_ARGS:-"-f 2 -wi 4 -i 8 -w 1 -r 1 -t 1"}
echo "== scikit-image + torchvision (Debian python3), single thread"
OMP_NUM_THREADS=1 /usr/bin/python3 src/test/python/training_view_timing.py
echo "== auditgate, JMH, single thread"
mvn -B -q test-compile -Dquarkus.build.skip=true -Dauditgate.buildDir="$BUILD_DIR"
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$BUILD_DIR/bench-classpath.txt" -Dmdep.includeScope=test \
    -Dauditgate.buildDir="$BUILD_DIR" > /dev/null
# shellcheck disable=SC2086
java -Djava.awt.headless=true -Dauditgate.sharedData="$(realpath -m ../shared/data)" \
    -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/bench-classpath.txt")" \
    org.openjdk.jmh.Main TrainingViewBenchmark $JMH_ARGS
