using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone.Weights;

internal static class TensorAssert
{
    public static void Identical(Tensor expected, Tensor actual, string? name = null)
    {
        Assert.Equal(expected.dtype, actual.dtype);
        Assert.Equal(expected.shape, actual.shape);
        using var same = expected.eq(actual).all();
        Assert.True(same.item<bool>(), name ?? "tensors differ");
    }

    public static void AllEqual(Tensor actual, float value, string? name = null)
    {
        using var same = actual.eq(value).all();
        Assert.True(same.item<bool>(), name ?? $"not all {value}");
    }
}
