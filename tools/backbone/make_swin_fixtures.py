"""Reference fixtures for the Swin backbone tests (torch 1.13 / torchvision 0.14, Debian packages).

Writes, under tests/RobuMTL.Tests/Fixtures/Backbone/:
  swin_t_state_keys.txt   "key: d0xd1..." for every entry of torchvision swin_t's state dict
  tiny_swin_state.pt      state dict of a tiny torchvision SwinTransformer (random init, seed 0)
  tiny_swin_outputs.pt    its input and intermediate maps in eval mode

Run: /usr/bin/python3 tools/backbone/make_swin_fixtures.py

Used by Backbone/MultiTaskSwinTests.cs (key names and shapes, and parity of a 2-stage model with odd token
grids). tools/make_swin_fixture.py is a separate script on purpose: it writes the swin_fixture.* files
(a 4-stage model as safetensors with F16/F32/I64 tensors and as .pt) that the weight-loader tests read;
regenerating one set must not change the other tests' reference numbers.
"""
from pathlib import Path

import torch
from torchvision.models import swin_t
from torchvision.models.swin_transformer import SwinTransformer

OUT = Path(__file__).resolve().parents[2] / "tests/RobuMTL.Tests/Fixtures/Backbone"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    keys = [f"{k}: {'x'.join(str(d) for d in v.shape)}" for k, v in swin_t().state_dict().items()]
    (OUT / "swin_t_state_keys.txt").write_text("\n".join(keys) + "\n")

    # Odd token grids (10x14, then 5x7) exercise window padding, merging padding and the shift mask.
    torch.manual_seed(0)
    model = SwinTransformer(
        patch_size=[2, 2], embed_dim=8, depths=[2, 2], num_heads=[1, 2], window_size=[4, 4],
        stochastic_depth_prob=0.1, num_classes=5).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("bias") or "norm" in name:
                p.add_(0.1 * torch.randn_like(p))
    images = torch.randn(2, 3, 20, 28)
    with torch.no_grad():
        stem = model.features[0](images)
        stage0 = model.features[1](stem)
        merge0 = model.features[2](stage0)
        stage1 = model.features[3](merge0)
        logits = model(images)
    torch.save(model.state_dict(), OUT / "tiny_swin_state.pt")
    torch.save({"images": images, "stem": stem, "stage0": stage0, "merge0": merge0, "stage1": stage1,
                "logits": logits}, OUT / "tiny_swin_outputs.pt")


if __name__ == "__main__":
    main()
