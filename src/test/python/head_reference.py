"""PyTorch reference for the auditgate head (org.auditgate.engine.training).

Writes src/test/resources/org/auditgate/engine/training/head_reference.json, read by
HeadParityTest: a small seeded feature matrix, labels, the initial weights (PyTorch's own
default draw), per-epoch batch orders, per-step dropout keep masks, per-step losses, per-epoch
BatchNorm running statistics, the final weights and eval-mode logits of a held-out matrix, for

  case "masked":   Dropout(0.5) with the given keep masks (nn.Dropout replaced by a module that
                   multiplies by mask * 2, exactly what PyTorch's dropout does with its own draw),
                   N = 97 so the last batch of 1 is merged into the one before (32, 32, 33);
  case "nodrop":   Dropout(p = 0), N = 90 (batches 32, 32, 26).

It also writes the learning rates that torch.optim.lr_scheduler.ReduceLROnPlateau(mode='max',
factor=0.1, patience=5, threshold=1e-4) gives on a fixed validation-AUROC sequence.

Run with Debian's python3 (python3-torch 1.13), from the repository root:
    /usr/bin/python3 src/test/python/head_reference.py

Benchmark mode (used by src/test/bench/head-vs-pytorch.sh): one training epoch of the head at
N images, F features, batch 32, best wall time of REPEATS epochs after one warm-up epoch:
    /usr/bin/python3 src/test/python/head_reference.py --bench N F THREADS REPEATS
"""
import json
import os
import sys
import time

import numpy as np
import torch
from torch import nn

HIDDEN = 64
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources",
                   "org", "auditgate", "engine", "training", "head_reference.json")


class MaskDropout(nn.Module):
    """Dropout(p) whose keep masks come from a list instead of PyTorch's generator."""

    def __init__(self, p, masks):
        super().__init__()
        self.p = p
        self.masks = masks
        self.used = 0

    def forward(self, x):
        if not self.training or self.p == 0.0:
            return x
        mask = torch.from_numpy(self.masks[self.used]).to(torch.float32)
        self.used += 1
        return x * (mask * (1.0 / (1.0 - self.p)))


def floats(a):
    return [float("%.9g" % v) for v in np.asarray(a, dtype=np.float32).ravel()]


def head(f, dropout):
    return nn.Sequential(nn.Linear(f, HIDDEN), nn.ReLU(), dropout, nn.BatchNorm1d(HIDDEN),
                         nn.Linear(HIDDEN, 1))


def batches(order, batch):
    """Batches of the order; a last batch of one joins the batch before it."""
    out = [order[i:i + batch] for i in range(0, len(order), batch)]
    if len(out) > 1 and len(out[-1]) == 1:
        out[-2] = np.concatenate([out[-2], out[-1]])
        out.pop()
    return out


def run_case(name, x, y, held, init_state, p, lrs, rng):
    n, f = x.shape
    epochs = len(lrs)
    orders = [rng.permutation(n) for _ in range(epochs)]
    masks = []
    for order in orders:
        for b in batches(order, 32):
            masks.append((rng.random((len(b), HIDDEN)) < 0.5).astype(np.uint8))
    drop = MaskDropout(p, masks)
    model = head(f, drop)
    model.load_state_dict(init_state)
    optimiser = torch.optim.Adam(model.parameters(), lr=lrs[0], betas=(0.9, 0.999), eps=1e-8)
    loss_fn = nn.BCEWithLogitsLoss()
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(y.astype(np.float32))
    losses, run_mean, run_var = [], [], []
    for epoch, order in enumerate(orders):
        for group in optimiser.param_groups:
            group["lr"] = lrs[epoch]
        model.train()
        for b in batches(order, 32):
            idx = torch.from_numpy(b)
            optimiser.zero_grad()
            loss = loss_fn(model(xt[idx]).squeeze(1), yt[idx])
            loss.backward()
            optimiser.step()
            losses.append(loss.item())
        run_mean.append(floats(model[3].running_mean.detach().numpy()))
        run_var.append(floats(model[3].running_var.detach().numpy()))
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(held)).squeeze(1).numpy()
    state = model.state_dict()
    return {
        "name": name, "n": n, "dropout": p, "learningRates": lrs,
        "orders": [o.tolist() for o in orders],
        "masks": ["".join(str(v) for v in m.ravel()) for m in masks] if p > 0 else [],
        "losses": losses, "runningMean": run_mean, "runningVar": run_var,
        "final": weights(state), "heldLogits": floats(logits),
    }


def weights(state):
    return {
        "w1": floats(state["0.weight"].numpy()), "b1": floats(state["0.bias"].numpy()),
        "gamma": floats(state["3.weight"].numpy()), "beta": floats(state["3.bias"].numpy()),
        "mean": floats(state["3.running_mean"].numpy()), "var": floats(state["3.running_var"].numpy()),
        "w2": floats(state["4.weight"].numpy()), "b2": floats(state["4.bias"].numpy()),
    }


def plateau():
    aurocs = [0.60, 0.70, 0.70, 0.70005, 0.69, 0.70, 0.70, 0.70, 0.71, 0.71, 0.71, 0.71,
              0.71, 0.71, 0.7100001, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72,
              0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72,
              0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72, 0.72]
    param = nn.Parameter(torch.zeros(1))
    optimiser = torch.optim.Adam([param], lr=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
        optimiser, mode="max", factor=0.1, patience=5, threshold=1e-4, threshold_mode="rel",
        cooldown=0, min_lr=0)
    lrs = []
    for a in aurocs:
        scheduler.step(a)
        lrs.append(optimiser.param_groups[0]["lr"])
    return {"aurocs": aurocs, "learningRates": lrs}


def reference():
    rng = np.random.default_rng(20261204)
    n, f = 97, 40
    x = rng.standard_normal((n, f)).astype(np.float32)
    u = rng.standard_normal(f).astype(np.float32)
    y = (x @ u + 0.5 * rng.standard_normal(n) > 0).astype(np.uint8)
    held = rng.standard_normal((16, f)).astype(np.float32)
    torch.manual_seed(7)
    init = head(f, nn.Dropout(0.5)).state_dict()
    init = {k: v.clone() for k, v in init.items()}
    cases = [
        run_case("masked", x, y, held, init, 0.5, [1e-2, 1e-2, 1e-3], rng),
        run_case("nodrop", x[:90], y[:90], held, init, 0.0, [1e-4, 1e-2, 1e-2], rng),
    ]
    doc = {"features": f, "x": floats(x), "y": y.tolist(), "held": floats(held),
           "initial": weights(init), "cases": cases, "plateau": plateau()}
    with open(OUT, "w") as fh:
        json.dump(doc, fh, separators=(",", ":"))
    print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")


def bench(n, f, threads, repeats):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    x = torch.randn(n, f)
    y = (torch.rand(n) < 0.5).float()
    model = head(f, nn.Dropout(0.5))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-4)
    loss_fn = nn.BCEWithLogitsLoss()

    def epoch():
        model.train()
        order = torch.randperm(n)
        for b in batches(order.numpy(), 32):
            idx = torch.from_numpy(b)
            optimiser.zero_grad()
            loss = loss_fn(model(x[idx]).squeeze(1), y[idx])
            loss.backward()
            optimiser.step()

    epoch()
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        epoch()
        best = min(best, time.perf_counter() - t)
    print("pytorch %s threads=%d N=%d F=%d epoch_ms=%.3f" % (torch.__version__, threads, n, f, best * 1e3))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--bench":
        bench(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        reference()
