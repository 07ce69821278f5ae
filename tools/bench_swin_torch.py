#!/usr/bin/env python3
"""PyTorch reference for `robumtl bench-swin`: torchvision swin_t forward + backward on the CPU.

Mirrors RobuMTL.Benchmarks.SwinBenchmark.MeasureSpeed: random-initialised swin_t (1000 classes,
stochastic depth 0.2) in training mode, cross-entropy on random labels, forward + backward per step,
no optimiser. Prints one JSON object on stdout; progress goes to stderr.

Usage: /usr/bin/python3 tools/bench_swin_torch.py --batch 8 --size 224 --threads 2 --warmup 1 --steps 3
"""
import argparse
import json
import statistics
import sys
import time

import torch
import torchvision


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--size", type=int, default=224)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--steps", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = torchvision.models.swin_t()
    model.train()
    images = torch.randn(args.batch, 3, args.size, args.size)
    labels = torch.randint(1000, (args.batch,))

    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        model.zero_grad(set_to_none=True)
        loss = torch.nn.functional.cross_entropy(model(images), labels)
        loss.backward()
        ms = (time.perf_counter() - start) * 1000
        print(f"pytorch step {step - args.warmup}: {ms:.0f} ms", file=sys.stderr, flush=True)
        if step >= args.warmup:
            times.append(ms)

    json.dump({
        "ms_per_step": statistics.median(times),
        "step_ms": times,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "batch": args.batch,
        "size": args.size,
    }, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
