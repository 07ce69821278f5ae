using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Fusion;

public sealed class TopKExpertFusionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void KeepsTheKLargestAndRenormalises(int k)
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var scope = NewDisposeScope();
        var probabilities = tensor(new[,] { { 0.1f, 0.5f, 0.15f, 0.25f }, { 0.4f, 0.05f, 0.3f, 0.25f } });

        var weights = new TopKExpertFusion(k).Weights(probabilities);

        TinyModelsAssert.RowsSumToOne(weights);
        Assert.Equal(new long[] { k, k }, (weights > 0).sum(1).data<long>().ToArray());
        var top1 = weights.argmax(1).data<long>().ToArray();
        Assert.Equal(new long[] { 1, 0 }, top1);
        if (k == 2)
        {
            Assert.Equal(0.5f / 0.75f, weights[0, 1].item<float>(), 6);
            Assert.Equal(0.25f / 0.75f, weights[0, 3].item<float>(), 6);
        }
    }

    [Fact]
    public void RoutingComputesOnlyExpertsSomeSampleUses()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var scope = NewDisposeScope();
        var probabilities = tensor(new[,] { { 0.7f, 0.2f, 0.1f }, { 0.6f, 0.1f, 0.3f } });

        var routing = new TopKExpertFusion(1).Route(probabilities);

        var slice = Assert.Single(routing.Slices);
        Assert.Equal(0, slice.Expert);
        Assert.Null(slice.Samples);
        Assert.Null(slice.Weights);
    }

    [Fact]
    public void OracleRoutingIsOneHotOnTheTrueCondition()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var scope = NewDisposeScope();
        WeatherCondition[] experts = [WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog];

        WeatherCondition[] labels = [WeatherCondition.Fog, WeatherCondition.Clean, WeatherCondition.Fog];

        var routing = TopKExpertFusion.Oracle(labels, experts);

        Assert.Equal(new[] { 0f, 0, 1, 1, 0, 0, 0, 0, 1 }, routing.Weights!.data<float>().ToArray());
        Assert.Equal(new[] { 0, 2 }, routing.Slices.Select(s => s.Expert).ToArray());
        Assert.Equal(new long[] { 0, 2 }, routing.Slices[1].Samples!.data<long>().ToArray());
        Assert.Equal(1, TopKExpertFusion.Fixed(WeatherCondition.Rain, experts).Slices[0].Expert);
    }

    [Fact]
    public void InvalidKAndConditionsAreRejected()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var scope = NewDisposeScope();

        Assert.Throws<ArgumentOutOfRangeException>(() => new TopKExpertFusion(0));
        var tooMany = Assert.Throws<ArgumentException>(() => new TopKExpertFusion(4).Weights(ones(2, 3) / 3));
        var unknown = Assert.Throws<ArgumentException>(
            () => TopKExpertFusion.Oracle([WeatherCondition.Snow], [WeatherCondition.Clean]));
        var negative = Assert.Throws<ArgumentException>(
            () => ExpertRouting.FromWeights(tensor(new[,] { { -1f, 2f } })));

        Assert.Contains("K = 4 exceeds the 3 experts", tooMany.Message);
        Assert.Contains("no expert for condition Snow", unknown.Message);
        Assert.Contains("non-negative", negative.Message);
    }

    [Fact]
    public void SharedCombinationNeedsOneRowForTheBatch()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var scope = NewDisposeScope();

        var combination = TopKExpertFusion.SharedCombination(tensor(new[,] { { 0.25f, 0.75f }, { 0.25f, 0.75f } }));

        Assert.Equal(new[] { 0.25, 0.75 }, combination);
        Assert.Throws<ArgumentException>(
            () => TopKExpertFusion.SharedCombination(tensor(new[,] { { 0.25f, 0.75f }, { 1f, 0f } })));
    }
}
