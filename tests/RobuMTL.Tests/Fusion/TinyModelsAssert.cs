using static TorchSharp.torch;

namespace RobuMTL.Tests.Fusion;

/// <summary>Assertions on routing weights shared by the fusion tests.</summary>
internal static class TinyModelsAssert
{
    public static void RowsSumToOne(Tensor weights)
    {
        var sums = weights.sum(1).data<float>().ToArray();
        Assert.All(sums, s => Assert.Equal(1f, s, 5));
    }
}
