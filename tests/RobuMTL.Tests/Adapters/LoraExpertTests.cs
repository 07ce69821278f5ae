using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Tests.Backbone;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Adapters;

public sealed class LoraExpertTests
{
    [Fact]
    public void FreshExpertsChangeNothingBitForBit()
    {
        using var model = TinyModels.Experts();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(2, 3, 20, 28);

        var plain = model.forward(images, ExpertRouting.BaseOnly);
        var single = model.forward(images, model.Experts.Route(WeatherCondition.Rain));
        var weights = tensor(new[,] { { 0.5f, 0.5f, 0f }, { 0f, 0.3f, 0.7f } });
        var fused = model.forward(images, ExpertRouting.FromWeights(weights));

        TinyModels.AssertStagesClose(plain, single, 0, "single expert");
        TinyModels.AssertStagesClose(plain, fused, 0, "fused experts");
    }

    [Fact]
    public void TrainedExpertsGiveEachTaskItsOwnStream()
    {
        using var model = TinyModels.Experts();
        TinyModels.RandomiseExperts(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();

        var outputs = model.forward(randn(1, 3, 16, 16), model.Experts.Route(WeatherCondition.Fog));
        var plain = model.forward(randn(1, 3, 16, 16), ExpertRouting.BaseOnly);

        var gap = (outputs[TaskKind.SemanticSegmentation][0] - outputs[TaskKind.Depth][0]).abs().max().item<float>();
        Assert.True(gap > 1e-4, $"task streams should differ, max gap {gap}");
        Assert.Same(plain[TaskKind.SemanticSegmentation][0], plain[TaskKind.Depth][0]);
    }

    [Fact]
    public void PerSampleRoutingEqualsRoutingEachSampleAlone()
    {
        using var model = TinyModels.Experts();
        TinyModels.RandomiseExperts(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(3, 3, 16, 20);
        var weights = tensor(new[,] { { 1f, 0f, 0f }, { 0f, 0.25f, 0.75f }, { 0.2f, 0f, 0.8f } });

        var batched = model.forward(images, ExpertRouting.FromWeights(weights));

        for (var b = 0; b < 3; b++)
        {
            var alone = model.forward(images[b..(b + 1)], ExpertRouting.FromWeights(weights[b..(b + 1)]));
            var row = batched.ToDictionary(kv => kv.Key, kv => kv.Value.Select(m => m[b..(b + 1)]).ToArray());
            TinyModels.AssertStagesClose(alone, row, 1e-5, $"sample {b}");
        }
    }

    [Fact]
    public void MergeThenUnmergeRestoresWeightsAndMergedForwardMatches()
    {
        using var model = TinyModels.Experts();
        TinyModels.RandomiseExperts(model);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(2, 3, 16, 16);
        double[] combination = [0.1, 0.0, 0.9];
        var weights = tensor(combination.Select(w => (float)w).ToArray()).expand(2, 3); // (B, E)
        var before = model.Experts.Layers.Select(l => l.weight.clone()).ToArray();

        var adapted = model.forward(images, ExpertRouting.FromWeights(weights));
        model.MergeExperts(combination);
        var merged = model.forward(images, ExpertRouting.BaseOnly);
        var moved = (model.Experts.Layers[0].weight - before[0]).abs().max().item<float>();
        model.UnmergeExperts();

        Assert.True(moved > 1e-4, "merging should change the base weight");
        TinyModels.AssertStagesClose(adapted, merged, 1e-5, "merged");

        for (var i = 0; i < before.Length; i++)
        {
            TinyModels.AssertClose(before[i], model.Experts.Layers[i].weight, 1e-6, $"layer {i} after unmerge");
            Assert.False(model.Experts.Layers[i].IsMerged);
        }
    }

    [Fact]
    public void OnlyTheActiveExpertReceivesGradients()
    {
        using var model = TinyModels.Experts();
        TinyModels.RandomiseExperts(model);
        model.train();
        model.Experts.ActivateForTraining(WeatherCondition.Rain);
        using var scope = NewDisposeScope();
        var uniform = full(2, 3, 1f / 3);

        var outputs = model.forward(randn(2, 3, 16, 16), ExpertRouting.FromWeights(uniform));
        var loss = outputs.Values.SelectMany(maps => maps).Select(m => m.square().mean()).Aggregate((a, b) => a + b);
        loss.backward();

        var active = model.Experts.Parameters(WeatherCondition.Rain).Select(p => p.Handle).ToHashSet();
        var trainable = model.TrainableParameters();
        Assert.Equal(active.Count, trainable.Count);
        Assert.All(trainable, p => Assert.Contains(p.Handle, active));
        foreach (var (name, parameter) in model.named_parameters())
        {
            var hasGradient = parameter.grad is not null && parameter.grad.abs().sum().item<float>() > 0;
            Assert.True(hasGradient == name.Contains(".experts.Rain.", StringComparison.Ordinal), name);
        }
    }

    [Fact]
    public void ExpertParameterCountsFollowTheLoraFormula()
    {
        using var model = TinyModels.Experts();
        var swin = TinyModels.Swin;
        var lora = TinyModels.Lora;

        // Shared per block: r * (C + 3C) + r * (C + C) + r * (C + 4C) + r * (4C + C) = 16 r C.
        // Task-specific on each stage's last block: r_t * (2C + 5C + 5C) = 12 r_t C per task.
        long expected = 0;
        for (var s = 0; s < swin.StageCount; s++)
        {
            var c = swin.StageDim(s);
            expected += swin.Depths[s] * 16L * lora.Ranks[s] * c;
            expected += TinyModels.Tasks.Length * 12L * lora.TaskRank * c;
        }

        model.Experts.ActivateForTraining(WeatherCondition.Fog);

        Assert.Equal(expected, model.Experts.ParameterCount(WeatherCondition.Fog));
        Assert.Equal(expected, model.TrainableParameters().Sum(p => p.numel()));
    }

    [Fact]
    public void FullFineTuneTrainsTheWholeBackbone()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        using var model = new MultiTaskSwin(MultiTaskSwinConfig.FullFineTune(TinyModels.Swin, TinyModels.Tasks));

        Assert.Equal(model.parameters().Sum(p => p.numel()), model.TrainableParameters().Sum(p => p.numel()));
        Assert.Equal(0, model.Experts.Count);
        Assert.Throws<ArgumentException>(() => model.Experts.IndexOf(WeatherCondition.Clean));
    }

    [Fact]
    public void SingleSharedLoraTrainsItsOneExpertAndNothingBeforeActivation()
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        var config = MultiTaskSwinConfig.SingleShared(TinyModels.Swin, TinyModels.Lora, TinyModels.Tasks);
        using var model = new MultiTaskSwin(config);

        Assert.Empty(model.TrainableParameters());
        model.Experts.ActivateForTraining(WeatherCondition.Clean);

        Assert.Equal(1, model.Experts.Count);
        Assert.Equal(
            model.Experts.ParameterCount(WeatherCondition.Clean), model.TrainableParameters().Sum(p => p.numel()));
        Assert.Throws<InvalidOperationException>(() => model.ActivateFullFineTune());
    }

    [Fact]
    public void CopyExpertStartsOneExpertFromAnother()
    {
        using var model = TinyModels.Experts();
        TinyModels.RandomiseExperts(model);

        model.Experts.CopyExpert(WeatherCondition.Clean, WeatherCondition.Fog);

        var pairs = model.Experts.Parameters(WeatherCondition.Clean)
            .Zip(model.Experts.Parameters(WeatherCondition.Fog));
        Assert.All(pairs, pair => Assert.True((pair.First == pair.Second).all().item<bool>()));
    }

    [Fact]
    public void UnknownConditionsAndBadRanksAreRejectedClearly()
    {
        using var model = TinyModels.Experts();

        var unknown = Assert.Throws<ArgumentException>(() => model.Experts.Route(WeatherCondition.Snow));
        var count = Assert.Throws<ArgumentException>(() => LoraConfig.PascalContext.Validate(2));
        var zero = Assert.Throws<ArgumentException>(() => (LoraConfig.Small with { Ranks = [8, 0, 4, 2] }).Validate(4));
        var merge = Assert.Throws<ArgumentException>(() => model.MergeExperts([1.0]));

        Assert.Contains("no expert for condition Snow", unknown.Message);
        Assert.Contains("4 ranks [16, 32, 64, 128] for a backbone of 2 stages", count.Message);
        Assert.Contains("[8, 0, 4, 2] must be at least 1", zero.Message);
        Assert.Contains("1 weights for 3 experts", merge.Message);
    }
}
