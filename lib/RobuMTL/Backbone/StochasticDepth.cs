using static TorchSharp.torch;

namespace RobuMTL.Backbone;

/// <summary>Stochastic depth in torchvision's "row" mode: drops a residual branch per sample while training.</summary>
public static class StochasticDepth
{
    /// <summary>
    /// Zeroes the branch of each sample with probability <paramref name="p"/> and scales survivors by
    /// 1 / (1 - p); the identity in evaluation or when p is 0.
    /// </summary>
    /// <returns>(B, ...) like <paramref name="x"/>.</returns>
    public static Tensor Apply(Tensor x, double p, bool training)
    {
        if (!training || p == 0)
        {
            return x;
        }

        var survival = 1.0 - p;
        var shape = new long[x.dim()];
        Array.Fill(shape, 1L);
        shape[0] = x.shape[0];
        var keep = empty(shape, dtype: x.dtype, device: x.device).bernoulli_(survival); // (B, 1, ..., 1)
        return x * keep.div_(survival);
    }
}
