"""Reference statistics from scikit-image's random_noise for the Java noise tests
(org.auditgate.engine.noise.SkimageParityTest).

Writes src/test/resources/org/auditgate/engine/noise/skimage_reference.json: for each parameter
set ("paper": scikit-image's defaults; "heavy": var 0.04, amount 0.2, salt_vs_pepper 0.3), noise
type and image, the per-input-level statistics of img_as_ubyte(random_noise(img, ...)) in grey
levels: n (draws), mean, var (ddof 1), f0 and f255 (fractions at 0 and 255: clipping, and for
salt-and-pepper the pepper and salt fractions), plus the number of distinct values of the image
(poisson's v = 2**ceil(log2(distinct))).

Images (the same generators are written in SkimageParityTest.java):
  const-L    150x150, every pixel L, for L in 0 1 10 64 128 200 254 255 (poisson: v = 1)
  gradient   256x200, pixel (x, y) = x: all 256 levels (poisson: v = 256)
  two-level  200x200, 60 where (x + y) is even, else 180 (poisson: v = 2)
  five-level 200x200, column stripes of width 40 of 20 70 128 190 240 (poisson: v = 8)
  real-NAME  three chest X-rays of ../shared/data/cxr-covid-pneumonia/images, convert("L") and
             resized (torchvision Resize(224): shorter side 224, PIL bilinear)
Each image is noised `repeats` times with seeds 0..repeats-1; levels with fewer than MIN_N draws
are left out.

Run from the project root with Debian's Python (python3-skimage 0.19.3, numpy, Pillow), NOT the
pyenv python3 first on PATH:
    /usr/bin/python3 src/test/python/noise_reference.py [path/to/shared/data]
"""
import json
import os
import sys

import numpy as np
import skimage
from PIL import Image
from skimage.util import img_as_ubyte, random_noise

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
IMAGES = os.path.join(DATA, "cxr-covid-pneumonia", "images")
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "auditgate", "engine", "noise",
                   "skimage_reference.json")
REAL = ["000001-12.jpg", "000001-17.jpg", "000001-19.jpg"]
MIN_N = 500
PARAMETERS = {
    "paper": {"mean": 0.0, "var": 0.01, "amount": 0.05, "salt_vs_pepper": 0.5},
    "heavy": {"mean": 0.0, "var": 0.04, "amount": 0.2, "salt_vs_pepper": 0.3},
}
TYPES = ["gaussian", "speckle", "poisson", "salt-pepper"]


def tv_resize(img, size):
    """torchvision 0.14 F.resize(img, size) for an int size on a PIL image."""
    w, h = img.size
    short, long_ = (w, h) if w <= h else (h, w)
    new_short, new_long = size, int(size * long_ / short)
    new_w, new_h = (new_short, new_long) if w <= h else (new_long, new_short)
    if (new_w, new_h) == (w, h):
        return img
    return img.resize((new_w, new_h), Image.BILINEAR)


def synthetic():
    images = {}
    for level in [0, 1, 10, 64, 128, 200, 254, 255]:
        images["const-%d" % level] = (np.full((150, 150), level, np.uint8), 1)
    images["gradient"] = (np.tile(np.arange(256, dtype=np.uint8), (200, 1)), 10)
    y, x = np.mgrid[0:200, 0:200]
    images["two-level"] = (np.where((x + y) % 2 == 0, 60, 180).astype(np.uint8), 1)
    stripes = np.array([20, 70, 128, 190, 240], np.uint8)
    images["five-level"] = (stripes[(x // 40) % 5], 1)
    return images


def real():
    images = {}
    if not os.path.isdir(IMAGES):
        print("no shared data at %s: real images left out" % IMAGES, file=sys.stderr)
        return images
    for name in REAL:
        with Image.open(os.path.join(IMAGES, name)) as img:
            grey = tv_resize(img.convert("L"), 224)
            images["real-" + name] = (np.asarray(grey, np.uint8), 5)
    return images


def noise(image, kind, params, seed):
    if kind == "gaussian" or kind == "speckle":
        out = random_noise(image, mode=kind, seed=seed, mean=params["mean"], var=params["var"])
    elif kind == "poisson":
        out = random_noise(image, mode="poisson", seed=seed)
    else:
        out = random_noise(image, mode="s&p", seed=seed, amount=params["amount"],
                           salt_vs_pepper=params["salt_vs_pepper"])
    return img_as_ubyte(out)


def statistics(image, repeats, kind, params):
    src = np.concatenate([image.ravel()] * repeats)
    out = np.concatenate([noise(image, kind, params, seed).ravel() for seed in range(repeats)]).astype(np.float64)
    rows = {"level": [], "n": [], "mean": [], "var": [], "f0": [], "f255": []}
    for level in range(256):
        values = out[src == level]
        if values.size < MIN_N:
            continue
        rows["level"].append(level)
        rows["n"].append(int(values.size))
        rows["mean"].append(float("%.7g" % values.mean()))
        rows["var"].append(float("%.7g" % values.var(ddof=1)))
        rows["f0"].append(float("%.6g" % np.mean(values == 0)))
        rows["f255"].append(float("%.6g" % np.mean(values == 255)))
    return rows


def main():
    images = synthetic()
    images.update(real())
    result = {"skimage": skimage.__version__, "numpy": np.__version__, "minN": MIN_N,
              "parameters": PARAMETERS, "images": {}, "stats": []}
    for name, (image, repeats) in images.items():
        result["images"][name] = {"width": int(image.shape[1]), "height": int(image.shape[0]),
                                  "repeats": repeats, "distinct": int(len(np.unique(image)))}
    for set_name, params in PARAMETERS.items():
        for kind in TYPES:
            if set_name == "heavy" and kind == "poisson":
                continue  # poisson has no parameters
            for name, (image, repeats) in images.items():
                if set_name == "heavy" and name.startswith("real-"):
                    continue  # keep the fixture small; real images check the paper's parameters
                result["stats"].append({"parameters": set_name, "type": kind, "image": name,
                                        **statistics(image, repeats, kind, params)})
    with open(OUT, "w") as f:
        json.dump(result, f, separators=(",", ":"))
    print("wrote %s (%d bytes)" % (OUT, os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
