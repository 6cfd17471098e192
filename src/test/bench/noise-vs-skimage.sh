#!/usr/bin/env bash
# Noise injection, auditgate vs scikit-image, in one run on this machine (DESIGN §11).
#
# 1. scikit-image 0.19.3 (Debian's /usr/bin/python3): img_as_ubyte(random_noise(img, mode=..., seed=...))
#    on the uint8 224x224 image, single-threaded, median of timeit repeats.
# 2. JMH org.auditgate.bench.NoiseBenchmark on the same image, one thread, with -prof gc.
# 3. A table: type, scikit-image µs/call, Java µs/call, ratio (scikit-image / Java), Java B/op.
#
# Run from the project root:  src/test/bench/noise-vs-skimage.sh
# Environment: BUILD_DIR (default target-bench), SHARED_DATA (default ../shared/data),
#              JMH_ARGS (default "-f 2 -wi 4 -i 8 -w 1 -r 1 -t 1", under 3 minutes in all).
set -euo pipefail
cd "$(dirname "$0")/../../.."
BUILD_DIR=${BUILD_DIR:-target-bench}
SHARED_DATA=$(realpath -m "${SHARED_DATA:-../shared/data}")
JMH_ARGS=${JMH_ARGS:-"-f 2 -wi 4 -i 8 -w 1 -r 1 -t 1"}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

/usr/bin/python3 - "$SHARED_DATA" "$OUT/skimage.json" <<'PY'
import json, os, sys, timeit
import numpy as np
from PIL import Image
from skimage.util import img_as_ubyte, random_noise

path = os.path.join(sys.argv[1], "cxr-covid-pneumonia", "images", "000001-12.jpg")
if os.path.isfile(path):
    with Image.open(path) as im:
        im = im.convert("L")
        w, h = im.size
        s = 224
        nw, nh = (s, int(s * h / w)) if w <= h else (int(s * w / h), s)
        im = im.resize((nw, nh), Image.BILINEAR)
        left, top = int(round((nw - s) / 2.0)), int(round((nh - s) / 2.0))
        img = np.asarray(im.crop((left, top, left + s, top + s)), np.uint8)
    print("scikit-image image:", path, img.shape, file=sys.stderr)
else:
    img = np.tile((np.arange(224) * 255 // 223).astype(np.uint8), (224, 1))
    print("scikit-image image: synthetic gradient", file=sys.stderr)
modes = {"gaussian": "gaussian", "speckle": "speckle", "poisson": "poisson", "saltPepper": "s&p"}
result = {}
for name, mode in modes.items():
    counter = [0]
    def call():
        counter[0] += 1
        return img_as_ubyte(random_noise(img, mode=mode, seed=counter[0]))
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    times = [t / number for t in timer.repeat(repeat=15, number=number)]
    result[name] = float(np.median(times)) * 1e6
result["identity"] = None
json.dump(result, open(sys.argv[2], "w"))
PY

mvn -B -q -o -Dauditgate.buildDir="$BUILD_DIR" -Dquarkus.build.skip=true test-compile
mvn -B -q -o -Dauditgate.buildDir="$BUILD_DIR" dependency:build-classpath \
    -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test >/dev/null
CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$OUT/classpath.txt")"
# shellcheck disable=SC2086
java -Dauditgate.sharedData="$SHARED_DATA" -cp "$CP" org.openjdk.jmh.Main NoiseBenchmark $JMH_ARGS \
    -jvmArgs "-Dauditgate.sharedData=$SHARED_DATA" -prof gc -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log"
grep -m1 "NoiseBenchmark image" "$OUT/jmh.log" || true

/usr/bin/python3 - "$OUT/skimage.json" "$OUT/jmh.json" <<'PY'
import json, sys
sk = json.load(open(sys.argv[1]))
java, alloc = {}, {}
for run in json.load(open(sys.argv[2])):
    name = run["benchmark"].rsplit(".", 1)[1]
    java[name] = (run["primaryMetric"]["score"], run["primaryMetric"]["scoreError"])
    alloc[name] = run["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
print("%-11s %15s %18s %10s %10s" % ("type", "skimage µs/call", "Java µs/call", "ratio", "Java B/op"))
for name in ["gaussian", "speckle", "poisson", "saltPepper", "identity"]:
    j, err = java[name]
    s = sk.get(name)
    print("%-11s %15s %11.1f ± %4.1f %10s %10.3f" % (name, "-" if s is None else "%.1f" % s, j, err,
          "-" if s is None else "%.1fx" % (s / j), alloc[name]))
PY
