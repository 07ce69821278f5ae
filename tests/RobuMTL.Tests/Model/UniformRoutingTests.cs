using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Model;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Model;

public sealed class UniformRoutingTests
{
    public UniformRoutingTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    private static RobuMtlModel TinyModel()
    {
        TorchRuntime.Seed(3);
        var config = RobuMtlModelConfig.Create(
            ModelVariant.RobuMtl, SwinConfig.Nano, LoraConfig.Nano, [TaskKind.SemanticSegmentation, TaskKind.Depth],
            semanticClasses: 3, decoderWidthRatio: 1);
        var model = new RobuMtlModel(config);
        model.eval();
        return model;
    }

    private static void Randomise(RobuMtlModel model, WeatherCondition condition)
    {
        using var noGrad = no_grad();
        foreach (var parameter in model.backbone.Experts.Parameters(condition))
        {
            parameter.uniform_(-0.2, 0.2);
        }
    }

    [Fact]
    public void UniformWeightsAreOneOverEWithoutTheSelector()
    {
        using var model = TinyModel();
        using var scope = NewDisposeScope();
        var (weights, logits) = model.RouteWeights(rand(2, 3, 32, 32), RoutingPolicy.Uniform, null);

        Assert.Null(logits);
        Assert.Equal(new long[] { 2, 6 }, weights.shape);
        Assert.True(weights.allclose(full(2, 6, 1.0f / 6)));
        Assert.Equal("uniform", RoutingPolicy.Uniform.ToString());
    }

    [Fact]
    public void UniformFusionOfIdenticalExpertsEqualsOneExpertAndDiffersOnceTheyDiffer()
    {
        using var model = TinyModel();
        Randomise(model, WeatherCondition.Clean);
        foreach (var condition in model.Config.Backbone.Conditions.Where(c => c != WeatherCondition.Clean))
        {
            model.backbone.Experts.CopyExpert(WeatherCondition.Clean, condition);
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand(2, 3, 32, 32);
        var clean = model.forward(images, RoutingPolicy.Fixed(WeatherCondition.Clean)).Predictions;
        var uniform = model.forward(images, RoutingPolicy.Uniform).Predictions;
        // Six float32 deltas weighted 1/6 and summed round differently from one delta, and the difference grows
        // through every later block; how much depends on libtorch's thread split of each reduction. The tolerance is
        // therefore relative to each output's scale; a wrong weight or a missing expert changes it by far more.
        foreach (var task in clean.Keys)
        {
            var scale = clean[task].abs().max().item<float>();
            var gap = (uniform[task] - clean[task]).abs().max().item<float>();
            Assert.True(gap <= 1e-4 * scale, $"{task}: uniform and single expert differ by {gap} (scale {scale})");
        }

        Randomise(model, WeatherCondition.Fog);
        var mixed = model.forward(images, RoutingPolicy.Uniform).Predictions;
        var depthScale = clean[TaskKind.Depth].abs().max().item<float>();
        var depthGap = (mixed[TaskKind.Depth] - clean[TaskKind.Depth]).abs().max().item<float>();
        Assert.True(depthGap > 1e-2 * depthScale, $"a different fog expert moved depth by only {depthGap}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void SelectorRoutingWithKOutsideOneToEIsRefused(int k)
    {
        using var model = TinyModel();
        using var scope = NewDisposeScope();

        var error = Assert.Throws<ArgumentException>(
            () => model.RouteWeights(rand(2, 3, 32, 32), RoutingPolicy.TopK(k), null));

        Assert.Contains($"K = {k}", error.Message);
        Assert.Contains("choose K from 1 to 6", error.Message);
    }
}
