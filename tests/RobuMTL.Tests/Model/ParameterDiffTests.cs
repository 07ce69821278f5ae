using RobuMTL.Core;
using RobuMTL.Model;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Model;

public sealed class ParameterDiffTests
{
    public ParameterDiffTests() => TorchRuntime.Initialize();

    private static nn.Module Pair(int seed)
    {
        TorchRuntime.Seed(seed);
        return nn.Sequential(("first", nn.Linear(3, 4)), ("norm", nn.BatchNorm1d(4)), ("second", nn.Linear(4, 2)));
    }

    [Fact]
    public void IdenticalModelsHaveNoChangedTensor()
    {
        using var a = Pair(1);
        using var b = Pair(1);

        Assert.Empty(ParameterDiff.Changed(a, b));
    }

    [Fact]
    public void OneChangedElementAndOneBufferAreFound()
    {
        using var a = Pair(1);
        using var b = Pair(1);
        var state = b.state_dict();
        using (no_grad())
        {
            state["second.bias"][1].add_(1e-7f);
            state["norm.running_mean"].fill_(0.5f);
        }

        Assert.Equal(["norm.running_mean", "second.bias"], ParameterDiff.Changed(a, b).Order());
    }

    [Fact]
    public void NegativeZeroCountsAsAChange()
    {
        using var a = Pair(1);
        using var b = Pair(1);
        using (no_grad())
        {
            a.state_dict()["second.bias"].zero_();
            b.state_dict()["second.bias"].zero_().neg_();
        }

        Assert.Equal(["second.bias"], ParameterDiff.Changed(a, b));
    }

    [Fact]
    public void ModelsOfAnotherStructureAreRejected()
    {
        using var a = Pair(1);
        using var b = nn.Sequential(("first", nn.Linear(3, 4)));

        var error = Assert.Throws<InvalidOperationException>(() => ParameterDiff.Changed(a, b));

        Assert.Contains("norm", error.Message, StringComparison.Ordinal);
    }
}
