"""Reference distribution of torchvision's RandomResizedCrop for the Java crop tests
(org.auditgate.engine.augment.RandomResizedCropReferenceTest).

Calls torchvision.transforms.RandomResizedCrop.get_params(img, scale, ratio) -- the very function
RandomResizedCrop.forward uses -- N times for PIL grey images of three sizes, with
torch.manual_seed(SEED), and writes compact summaries (not the draws) to
src/test/resources/org/auditgate/engine/augment/torchvision_crop_reference.json:
  * n: number of draws per size; fallback: how many ended in the centre-crop fallback;
  * scale_cdf: fraction of accepted draws with w*h/area <= each edge of scale_edges;
  * log_aspect_cdf: fraction of accepted draws with log(w/h) <= each edge of log_aspect_edges;
  * y_pos / x_pos: count, mean and (population) variance of i/(H-h) and j/(W-w) over the
    accepted draws where H-h > 0 (resp. W-w > 0).
PIL sizes are (width, height): "224x700" is 224 wide and 700 tall, so most attempts fail and
the 10-attempt fallback happens.

Run from the project root with Debian's Python (torch 1.13, torchvision 0.14, Pillow):
    /usr/bin/python3 src/test/python/crop_reference.py
It takes about a minute per size on one core.
"""
import json
import math
import os

import numpy as np
import torch
import torchvision
from PIL import Image
from torchvision.transforms import RandomResizedCrop

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
OUT = os.path.join(ROOT, "src", "test", "resources", "org", "auditgate", "engine", "augment",
                   "torchvision_crop_reference.json")
SEED = 20240611
N = 200_000
SCALE = (0.08, 1.0)
RATIO = (3.0 / 4.0, 4.0 / 3.0)
SIZES = [(224, 224), (224, 300), (224, 700)]  # PIL (width, height)
# Accepted scales lie in about [0.075, 1.0] after rounding w and h; log aspects in about +-0.30.
SCALE_EDGES = [round(x, 6) for x in np.linspace(0.08, 1.0, 47)]
LOG_ASPECT_EDGES = [round(x, 6) for x in np.linspace(-0.28, 0.28, 57)]


def fallback_box(width, height):
    """torchvision's centre-crop fallback, to recognise draws that ended in it."""
    in_ratio = float(width) / float(height)
    if in_ratio < min(RATIO):
        w = width
        h = int(round(w / min(RATIO)))
    elif in_ratio > max(RATIO):
        h = height
        w = int(round(h * max(RATIO)))
    else:
        w, h = width, height
    return (height - h) // 2, (width - w) // 2, h, w


def count_fallbacks(width, height):
    """Replays get_params' own attempt loop with the same generator calls to flag fallbacks."""
    area = height * width
    log_ratio = torch.log(torch.tensor(RATIO))
    for _ in range(10):
        target_area = area * torch.empty(1).uniform_(SCALE[0], SCALE[1]).item()
        aspect_ratio = torch.exp(torch.empty(1).uniform_(log_ratio[0], log_ratio[1])).item()
        w = int(round(math.sqrt(target_area * aspect_ratio)))
        h = int(round(math.sqrt(target_area / aspect_ratio)))
        if 0 < w <= width and 0 < h <= height:
            i = torch.randint(0, height - h + 1, size=(1,)).item()
            j = torch.randint(0, width - w + 1, size=(1,)).item()
            return (i, j, h, w), False
    return fallback_box(width, height), True


def main():
    result = {
        "generator": "torchvision %s, torch %s, RandomResizedCrop.get_params, torch.manual_seed(%d)"
                     % (torchvision.__version__, torch.__version__, SEED),
        "scale": list(SCALE),
        "ratio": list(RATIO),
        "scale_edges": SCALE_EDGES,
        "log_aspect_edges": LOG_ASPECT_EDGES,
        "sizes": [],
    }
    for width, height in SIZES:
        # First check, on a separate seed, that the replayed loop draws exactly what get_params
        # draws, so that the fallback flags below describe get_params itself.
        img = Image.new("L", (width, height))
        torch.manual_seed(SEED + 1)
        expected = [RandomResizedCrop.get_params(img, list(SCALE), list(RATIO)) for _ in range(2000)]
        torch.manual_seed(SEED + 1)
        replayed = [count_fallbacks(width, height)[0] for _ in range(2000)]
        assert expected == replayed, "replayed attempt loop differs from get_params"

        torch.manual_seed(SEED)
        scales, log_aspects, ys, xs = [], [], [], []
        fallback = 0
        for _ in range(N):
            # get_params itself gives the box; the replay on a cloned generator state says whether
            # it came from the fallback, at the cost of running the loop twice.
            state = torch.get_rng_state()
            i, j, h, w = RandomResizedCrop.get_params(img, list(SCALE), list(RATIO))
            after = torch.get_rng_state()
            torch.set_rng_state(state)
            box, was_fallback = count_fallbacks(width, height)
            assert box == (i, j, h, w) and torch.equal(after, torch.get_rng_state())
            if was_fallback:
                fallback += 1
                continue
            scales.append(w * h / (width * height))
            log_aspects.append(math.log(w / h))
            if height > h:
                ys.append(i / (height - h))
            if width > w:
                xs.append(j / (width - w))
        scales = np.sort(np.array(scales))
        log_aspects = np.sort(np.array(log_aspects))
        accepted = len(scales)

        def cdf(sorted_values, edges):
            return [round(float(np.searchsorted(sorted_values, e, side="right")) / accepted, 7)
                    if accepted else 0.0 for e in edges]

        def moments(values):
            a = np.array(values)
            return {"count": int(a.size),
                    "mean": float(a.mean()) if a.size else 0.0,
                    "variance": float(a.var()) if a.size else 0.0}

        result["sizes"].append({
            "width": width,
            "height": height,
            "n": N,
            "fallback": fallback,
            "accepted": accepted,
            "scale_cdf": cdf(scales, SCALE_EDGES),
            "log_aspect_cdf": cdf(log_aspects, LOG_ASPECT_EDGES),
            "y_pos": moments(ys),
            "x_pos": moments(xs),
        })
        print(width, height, "fallback", fallback, "accepted", accepted, flush=True)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(result, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
