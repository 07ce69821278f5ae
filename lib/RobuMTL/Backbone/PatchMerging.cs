using RobuMTL.Adapters;
using RobuMTL.Fusion;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// Halves the resolution and doubles the channels between stages: concatenates each 2x2 neighbourhood in
/// torchvision's order (x0 = even rows/even cols, x1 = odd/even, x2 = even/odd, x3 = odd/odd), normalises and
/// projects 4C to 2C. Odd sizes are zero-padded at the bottom and right first. The projection carries shared LoRA
/// experts only when <see cref="LoraConfig.AdaptMerging"/> is on.
/// </summary>
public sealed class PatchMerging : nn.Module
{
    /// <summary>Projection 4C to 2C without bias (frozen with the backbone), with or without experts.</summary>
    public readonly LoraLinear reduction;

    /// <summary>LayerNorm over the 4C concatenation.</summary>
    public readonly LayerNorm norm;

    /// <summary>
    /// Builds the layer for <paramref name="dim"/> input channels; <paramref name="plan"/> gives the projection's
    /// adapters (<see cref="LoraLayerPlan.None"/> for a plain linear; its weight is normal with std 0.02 either way).
    /// </summary>
    public PatchMerging(int dim, LoraLayerPlan plan) : base(nameof(PatchMerging))
    {
        reduction = new LoraLinear(4 * dim, 2 * dim, hasBias: false, plan);
        norm = nn.LayerNorm(4 * dim, eps: 1e-5);
        RegisterComponents();
    }

    /// <summary>Merges a channels-last map (B, H, W, C), with <paramref name="routing"/>'s experts if any.</summary>
    /// <returns>(B, ceil(H / 2), ceil(W / 2), 2C).</returns>
    public Tensor forward(Tensor x, ExpertRouting routing)
    {
        var (h, w) = (x.shape[1], x.shape[2]);
        if (h % 2 != 0 || w % 2 != 0)
        {
            x = nn.functional.pad(x, [0, 0, 0, w % 2, 0, h % 2]); // (B, H', W', C), even sizes
        }

        var even = TensorIndex.Slice(0, null, 2);
        var odd = TensorIndex.Slice(1, null, 2);
        var all = TensorIndex.Colon;
        var x0 = x[all, even, even, all]; // (B, H/2, W/2, C)
        var x1 = x[all, odd, even, all];
        var x2 = x[all, even, odd, all];
        var x3 = x[all, odd, odd, all];
        var merged = cat([x0, x1, x2, x3], -1); // (B, H/2, W/2, 4C)
        return reduction.forward(norm.call(merged), routing); // (B, H/2, W/2, 2C)
    }
}
