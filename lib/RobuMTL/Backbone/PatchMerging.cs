using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>
/// Halves the resolution and doubles the channels between stages: concatenates each 2x2 neighbourhood in
/// torchvision's order (x0 = even rows/even cols, x1 = odd/even, x2 = even/odd, x3 = odd/odd), normalises and
/// projects 4C to 2C. Odd sizes are zero-padded at the bottom and right first.
/// </summary>
public sealed class PatchMerging : nn.Module
{
    /// <summary>Projection 4C to 2C without bias (frozen with the backbone).</summary>
    public readonly Linear reduction;

    /// <summary>LayerNorm over the 4C concatenation.</summary>
    public readonly LayerNorm norm;

    /// <summary>Builds the layer for <paramref name="dim"/> input channels.</summary>
    public PatchMerging(int dim) : base(nameof(PatchMerging))
    {
        reduction = nn.Linear(4 * dim, 2 * dim, hasBias: false);
        norm = nn.LayerNorm(4 * dim, eps: 1e-5);
        using (no_grad())
        {
            reduction.weight.normal_(0, 0.02);
        }

        RegisterComponents();
    }

    /// <summary>Merges a channels-last map (B, H, W, C).</summary>
    /// <returns>(B, ceil(H / 2), ceil(W / 2), 2C).</returns>
    public Tensor forward(Tensor x)
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
        return reduction.call(norm.call(merged)); // (B, H/2, W/2, 2C)
    }
}
