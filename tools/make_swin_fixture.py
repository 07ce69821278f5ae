#!/usr/bin/env python3
"""Builds the torchvision Swin parity fixture under tests/RobuMTL.Tests/Fixtures/Backbone/.

A tiny torchvision SwinTransformer (patch 4, embed 6, depths [2,2,2,2], heads [1,2,2,4], window 4)
with seeded random weights runs in eval mode on a seeded 2x3x56x56 input. At 56 px the stages see
14, 7, 4 and 2 tokens a side: stage 1 pads 14 -> 16 and shifts (mask and padding both matter),
stage 2 pads 7 -> 8 and shifts, patch merging pads 7 -> 8, and stages 3-4 take the no-shift path
because the window covers the padded map.

Weights are rounded to float16-representable values first, so the file can store matrices as F16
without changing what the model computes; 1-D tensors are stored as F32, the position index as I64.
That keeps the fixture small and exercises three dtypes of the C# reader.

Written files:
  swin_fixture.safetensors  state dict, written by the small writer below (Debian has no safetensors)
  swin_fixture.pt           the same state dict through torch.save (zip format), for TorchSharp.PyBridge
  swin_fixture_outputs.safetensors  input and outputs (F32): patch_embed, stage1..stage4, norm
  swin_fixture.json         the architecture, so the C# test builds the same model

Usage: /usr/bin/python3 tools/make_swin_fixture.py   (torch 1.13, torchvision 0.14 from Debian)

Not to be confused with tools/backbone/make_swin_fixtures.py: that one writes the swin_t key list and a
2-stage model's maps as .pt for the MultiTaskSwin tests (Backbone/MultiTaskSwinTests.cs); this one writes a
4-stage model in the weight-file formats (safetensors, .pt) that the weight loaders read, for
Backbone/Weights/SwinParityTests.cs, SafetensorsFileTests.cs and Workbook/ImageNetBackboneTests.cs. They are
kept apart because regenerating one set must not change the other tests' reference numbers.
"""
import json
import os
import struct
import sys

import torch
from torchvision.models.swin_transformer import SwinTransformer

CONFIG = {
    "patch_size": 4,
    "embed_dim": 6,
    "depths": [2, 2, 2, 2],
    "num_heads": [1, 2, 2, 4],
    "window_size": 4,
    "mlp_ratio": 4.0,
    "num_classes": 10,
    "image_size": 56,
    "batch": 2,
    "seed": 20260110,
}

DTYPE_NAMES = {
    torch.float32: "F32",
    torch.float16: "F16",
    torch.bfloat16: "BF16",
    torch.int64: "I64",
    torch.int32: "I32",
}


def write_safetensors(path, tensors, metadata=None):
    """Writes {name: tensor} as safetensors: u64 LE header size, JSON header, raw LE data."""
    header = {}
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        tensor = tensor.detach().contiguous().cpu()
        data = tensor.numpy().tobytes() if tensor.dtype != torch.bfloat16 else \
            tensor.view(torch.int16).numpy().tobytes()
        header[name] = {
            "dtype": DTYPE_NAMES[tensor.dtype],
            "shape": list(tensor.shape),
            "data_offsets": [offset, offset + len(data)],
        }
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    # The format asks for the data to start 8-byte aligned; pad the header with spaces.
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def read_safetensors(path):
    """Reads back what write_safetensors wrote (used once to check the writer)."""
    torch_types = {v: k for k, v in DTYPE_NAMES.items()}
    with open(path, "rb") as f:
        (size,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(size))
        data = f.read()
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        dtype = torch_types[entry["dtype"]]
        raw = bytearray(data[start:end])
        if dtype == torch.bfloat16:
            t = torch.frombuffer(raw, dtype=torch.int16).view(torch.bfloat16)
        else:
            t = torch.frombuffer(raw, dtype=dtype)
        out[name] = t.reshape(entry["shape"])
    return out


def build_model():
    torch.manual_seed(CONFIG["seed"])
    ws = CONFIG["window_size"]
    model = SwinTransformer(
        patch_size=[CONFIG["patch_size"]] * 2,
        embed_dim=CONFIG["embed_dim"],
        depths=CONFIG["depths"],
        num_heads=CONFIG["num_heads"],
        window_size=[ws, ws],
        mlp_ratio=CONFIG["mlp_ratio"],
        stochastic_depth_prob=0.0,
        num_classes=CONFIG["num_classes"],
    )
    # Default init leaves norms at 1/0 and biases at ~0; random values make every weight matter.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() == 1:
                # The only 1-D weights are LayerNorm scales; centre them on 1, biases on 0.
                base = 1.0 if name.endswith("weight") else 0.0
                p.copy_(base + 0.1 * torch.randn_like(p))
            elif "relative_position_bias_table" in name:
                p.copy_(0.5 * torch.randn_like(p))
            else:
                fan_in = p[0].numel()
                p.copy_(torch.randn_like(p) / fan_in ** 0.5)
            p.copy_(p.half().float())
    return model.eval()


def stage_outputs(model, x):
    """Runs the features one by one, keeping the patch embedding and each stage's output."""
    outputs = {}
    names = {0: "patch_embed", 1: "stage1", 3: "stage2", 5: "stage3", 7: "stage4"}
    with torch.no_grad():
        for i, layer in enumerate(model.features):
            x = layer(x)
            if i in names:
                outputs[names[i]] = x.clone()  # (B, H, W, C)
        outputs["norm"] = model.norm(x)  # (B, H, W, C)
        pooled = model.flatten(model.avgpool(model.permute(outputs["norm"])))  # (B, C)
        outputs["logits"] = model.head(pooled)  # (B, classes)
    return outputs


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.join(root, "tests", "RobuMTL.Tests", "Fixtures", "Backbone")
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(1)

    model = build_model()
    torch.manual_seed(CONFIG["seed"] + 1)
    size = CONFIG["image_size"]
    x = torch.randn(CONFIG["batch"], 3, size, size)
    outputs = stage_outputs(model, x)
    with torch.no_grad():
        full = model(x)
    assert torch.allclose(full, outputs["logits"], atol=1e-6), "stage-wise run differs from forward()"

    state = model.state_dict()
    stored = {}
    for name, t in state.items():
        if t.is_floating_point() and t.dim() >= 2:
            stored[name] = t.half()
        else:
            stored[name] = t
    meta = {"source": "tools/make_swin_fixture.py", "torch": torch.__version__}
    write_safetensors(os.path.join(out_dir, "swin_fixture.safetensors"), stored, meta)
    torch.save(stored, os.path.join(out_dir, "swin_fixture.pt"))

    tensors = {"input": x}
    tensors.update(outputs)
    write_safetensors(os.path.join(out_dir, "swin_fixture_outputs.safetensors"), tensors, meta)
    with open(os.path.join(out_dir, "swin_fixture.json"), "w") as f:
        json.dump(CONFIG, f, indent=2)
        f.write("\n")

    # Check the writer: reading back gives the exact tensors, and they reload into the model.
    back = read_safetensors(os.path.join(out_dir, "swin_fixture.safetensors"))
    for name, t in stored.items():
        assert back[name].dtype == t.dtype and torch.equal(back[name], t), name
    reloaded = build_model()
    reloaded.load_state_dict({k: v.to(state[k].dtype) for k, v in back.items()})
    with torch.no_grad():
        assert torch.equal(reloaded(x), full), "reloaded weights changed the output"

    sizes = {n: os.path.getsize(os.path.join(out_dir, n)) for n in sorted(os.listdir(out_dir))}
    for name, nbytes in sizes.items():
        print(f"{name:40s} {nbytes / 1024:8.1f} KiB")
    for name, t in outputs.items():
        print(f"{name:12s} {tuple(t.shape)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
