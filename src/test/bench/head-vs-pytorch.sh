#!/usr/bin/env bash
# One training epoch of the head (N = 509, batch 32, F = 2048 and 1280): auditgate's Java
# trainer under JMH with 1 and 2 threads against PyTorch 1.13 (Debian's python3-torch) with 2
# threads and 1 thread, in the same run on the same machine; prints milliseconds per epoch and
# the ratios (PyTorch with T threads against Java with T threads).
# Usage: src/test/bench/head-vs-pytorch.sh [forks] [iterations]
#   env AUDITGATE_BUILD_DIR=target-bench to build elsewhere than target/
set -euo pipefail
cd "$(dirname "$0")/../../.."
FORKS=${1:-2}
ITER=${2:-5}
BUILD=${AUDITGATE_BUILD_DIR:-target}
PY=/usr/bin/python3
mvn -B -q -o -Dauditgate.buildDir="$BUILD" test-compile -Dquarkus.build.skip=true
mvn -B -q -o -Dauditgate.buildDir="$BUILD" dependency:build-classpath -Dmdep.outputFile="$BUILD/bench-classpath.txt" \
    -Dmdep.includeScope=test > /dev/null
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench-classpath.txt")"
JMH_OUT=$(mktemp)
java -cp "$CP" org.openjdk.jmh.Main 'org.auditgate.bench.HeadEpochBenchmark' -f "$FORKS" -wi 3 -w 1 -i "$ITER" -r 1 \
    -rf csv -rff "$JMH_OUT" | grep -E '^(Benchmark|HeadEpochBenchmark)'
declare -A JAVA
while IFS=, read -r name mode jmhThreads samples score error unit features images threads; do
    JAVA[$(echo "$features" | tr -d '"\r'),$(echo "$threads" | tr -d '"\r')]=$score
done < <(tail -n +2 "$JMH_OUT")
rm -f "$JMH_OUT"
for F in 2048 1280; do
    for T in 2 1; do
        line=$($PY src/test/python/head_reference.py --bench 509 "$F" "$T" 20)
        echo "$line"
        torch_ms=${line##*epoch_ms=}
        awk -v j="${JAVA[$F,$T]}" -v t="$torch_ms" -v f="$F" -v th="$T" 'BEGIN {
            printf "F=%s, %s threads: java %.3f ms/epoch, pytorch %.3f ms/epoch, pytorch/java = %.2f\n", f, th, j, t, t / j }'
    done
done
