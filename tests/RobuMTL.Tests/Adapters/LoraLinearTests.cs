using RobuMTL.Adapters;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Adapters;

public sealed class LoraLinearTests
{
    private static LoraLinear Layer()
    {
        var plan = new LoraLayerPlan(
            [WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog], Rank: 3,
            Tasks: [TaskKind.Depth], TaskRank: 2, Scale: 0.5, TaskScale: 2, Dropout: 0);
        var layer = new LoraLinear(8, 6, hasBias: true, plan);
        using (no_grad())
        {
            foreach (var (name, parameter) in layer.named_parameters())
            {
                if (name.EndsWith(".B", StringComparison.Ordinal))
                {
                    parameter.normal_(0, 0.5);
                }
            }
        }

        return layer;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FusingExpertsThatServeEverySampleEqualsTheirWeightedSum(bool taskStream)
    {
        using var layer = Layer();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        TaskKind? task = taskStream ? TaskKind.Depth : null;
        var x = randn(2 * 4, 5, 8); // (B * k, L, in): k = 4 windows per sample
        float[,] w = { { 0.2f, 0.3f, 0.5f }, { 0.6f, 0.1f, 0.3f } };

        var fused = layer.forward(x, ExpertRouting.FromWeights(tensor(w)), task);

        var plain = layer.forward(x, ExpertRouting.BaseOnly, task);
        var expected = plain.clone();
        for (var e = 0; e < 3; e++)
        {
            var update = layer.forward(x, ExpertRouting.Single(e), task) - plain; // (B * k, L, out)
            var perRow = tensor(new[] { w[0, e], w[1, e] }).repeat_interleave(4).view(-1, 1, 1);
            expected = expected + (update * perRow);
        }

        var gap = (fused - expected).abs().max().item<float>();
        var size = expected.abs().max().item<float>();
        Assert.True(gap <= 1e-5 * size, $"fused differs by {gap} at scale {size}");
        Assert.True((fused - plain).abs().max().item<float>() > 1e-2, "the experts should change the output");
    }
}
