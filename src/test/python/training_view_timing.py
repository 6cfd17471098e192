"""What a user would otherwise run for one training view (DESIGN §4 and §11): the authors' kind of
pipeline with scikit-image and torchvision on PIL, for comparison with TrainingViewBenchmark.

Per view: arm noise draws one of gaussian, salt-and-pepper, speckle, poisson, identity and applies
skimage.util.random_noise to the 224-resized grey image (then back to 8 bits with round half to
even); both arms then RandomResizedCrop(224) and RandomHorizontalFlip() on the PIL image.
Input: the first image of ../shared/data/cxr-covid-pneumonia/manifest.csv resized with
torchvision Resize(224), as in the Java benchmark. Prints milliseconds per view, single thread
(torch.set_num_threads(1)), best of 5 rounds of 200 views.

Run: /usr/bin/python3 src/test/python/training_view_timing.py [path/to/shared/data]
"""
import csv
import os
import random
import sys
import time

import numpy as np
import torch
from PIL import Image
from skimage.util import random_noise
from torchvision import transforms as T

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data")
torch.set_num_threads(1)

folder = os.path.join(DATA, "cxr-covid-pneumonia")
with open(os.path.join(folder, "manifest.csv")) as f:
    first = next(csv.DictReader(f))["path"]
resized = T.Resize(224)(Image.open(os.path.join(folder, first)).convert("L"))
print("input", first, "resized to", resized.size)
augment = T.Compose([T.RandomResizedCrop(224), T.RandomHorizontalFlip()])
modes = ["gaussian", "s&p", "speckle", "poisson", None]
rng = random.Random(1)


def view(noise_arm):
    img = resized
    if noise_arm:
        mode = rng.choice(modes)
        if mode is not None:
            x = random_noise(np.asarray(img), mode=mode, seed=rng.randrange(1 << 31))
            img = Image.fromarray(np.rint(x * 255).astype(np.uint8))
    return augment(img)


for arm in ("clean", "noise"):
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(200):
            view(arm == "noise")
        best = min(best, (time.perf_counter() - start) / 200)
    print("%s: %.3f ms per view" % (arm, best * 1e3))
