using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Benchmarks;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Model;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Benchmarks;

public sealed class InferenceBenchmarkTests
{
    // Swin-Nano with task adapters (task rank 2) at 32 px: the harness and the merge, not a speed claim.
    private static readonly InferenceBenchmarkOptions Tiny = new(
        SwinConfig.Nano, LoraConfig.Nano, [TaskKind.SemanticSegmentation, TaskKind.Depth], SemanticClasses: 3,
        DecoderWidthRatio: 1, ImageSize: 32, Batch: 1, Threads: 2, WarmupSteps: 1, Steps: 3);

    public InferenceBenchmarkTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    [Fact]
    public void TimesEveryPathAndRatiosFollowTheMedians()
    {
        var seen = new List<(InferencePath Path, int Step)>();

        var result = InferenceBenchmark.Measure(
            Tiny, new Recorder<(InferencePath Path, int Step, double Ms)>(p => seen.Add((p.Path, p.Step))));

        Assert.Equal(Enum.GetValues<InferencePath>(), result.Latencies.Select(l => l.Path));
        Assert.All(result.Latencies, l => Assert.Equal(3, l.ImageMilliseconds.Count));
        Assert.All(result.Latencies.SelectMany(l => l.ImageMilliseconds), ms => Assert.True(ms > 0));
        Assert.Equal(4 * Enum.GetValues<InferencePath>().Length, seen.Count);
        Assert.Equal(-1, seen[0].Step);
        Assert.Equal(1.0, result.Ratio(InferencePath.PlainMtl));
        var plain = result.Latency(InferencePath.PlainMtl).MedianMilliseconds;
        foreach (var latency in result.Latencies)
        {
            Assert.Equal(latency.MedianMilliseconds / plain, result.Ratio(latency.Path), 12);
            Assert.True(result.Ratio(latency.Path) > 0);
        }

        var top6 = result.Ratio(InferencePath.RoutedTop6);
        Assert.Equal(top6 <= InferenceBenchmark.Top6Target, result.MeetsTarget(InferencePath.RoutedTop6));
        Assert.Null(result.MeetsTarget(InferencePath.PlainMtl));
        Assert.Null(result.MeetsTarget(InferencePath.SelectorOnly));
        Assert.Equal(3, result.MergeMilliseconds.Count);
        Assert.All(result.MergeMilliseconds, ms => Assert.True(ms > 0));
        Assert.Equal(1, result.OnChangeMerges);
        Assert.True(result.TaskAdaptersStayUnmerged);
    }

    [Fact]
    public void MergedTop1GivesTheUnmergedTop1PredictionsAndRestoresTheWeights()
    {
        using var model = InferenceBenchmark.BuildRouted(Tiny);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(1, 3, 32, 32);
        var weightsBefore = model.backbone.Experts.Layers.Select(l => l.weight.clone()).ToArray();

        var merged = InferenceBenchmark.PredictMergedTop1(model, images);
        var routed = model.forward(images, RoutingPolicy.Top1).Predictions;
        var stages = model.backbone.forward(images, ExpertRouting.BaseOnly);
        var baseOnly = model.heads!.forward(stages, 32, 32);

        Assert.False(model.backbone.IsMerged);
        foreach (var task in Tiny.Tasks)
        {
            var gap = (merged[task] - routed[task]).abs().max().item<float>();
            Assert.True(gap <= 1e-4, $"{task}: merged and routed top-1 differ by {gap}");

            // The experts' deltas are real, so agreeing with the routed path is not agreeing with the base.
            Assert.False(merged[task].allclose(baseOnly[task], rtol: 1e-3, atol: 1e-3), $"{task}");
        }

        for (var i = 0; i < weightsBefore.Length; i++)
        {
            Assert.True(model.backbone.Experts.Layers[i].weight.allclose(weightsBefore[i], rtol: 0, atol: 1e-6));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void AdapterWorkFollowsTheLowRankFormulaPerBlock(int k)
    {
        using var model = InferenceBenchmark.BuildRouted(Tiny);

        // Per block: qkv C->3C, proj C->C, fc1 C->4C, fc2 4C->C; LoRA r(in + out) each, k experts.
        double adapter = 0, linear = 0;
        for (var stage = 0; stage < Tiny.Swin.StageCount; stage++)
        {
            double c = Tiny.Swin.StageDim(stage), r = Tiny.Lora.Ranks[stage], blocks = Tiny.Swin.Depths[stage];
            adapter += blocks * k * r * 16 * c;
            linear += blocks * 12 * c * c;
        }

        Assert.Equal(adapter / linear, InferenceBenchmark.AdapterWork(model, k), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => InferenceBenchmark.AdapterWork(model, 0));
    }

    [Fact]
    public void BuildsIdenticalRoutedModelsWithNonZeroExperts()
    {
        using var first = InferenceBenchmark.BuildRouted(Tiny);
        using var second = InferenceBenchmark.BuildRouted(Tiny);

        var a = first.named_parameters().ToArray();
        var b = second.named_parameters().ToArray();
        Assert.Equal(a.Select(p => p.name), b.Select(p => p.name));
        Assert.All(a.Zip(b), p => Assert.True(p.First.parameter.allclose(p.Second.parameter, rtol: 0, atol: 0)));
        Assert.All(first.modules().OfType<LoraFactors>(), f => Assert.True(f.B.abs().sum().item<float>() > 0));
        Assert.False(first.training);
    }

    [Fact]
    public void RejectsInvalidOptionsNamingTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => InferenceBenchmark.Measure(Tiny with { Steps = 0 }));
        Assert.Contains("Steps (0)", error.Message);
        Assert.Equal(64, InferenceBenchmarkOptions.For(InferencePreset.Quick).ImageSize);
        Assert.Equal(224, InferenceBenchmarkOptions.For(InferencePreset.SwinTiny224).ImageSize);
        Assert.Equal(1, InferenceBenchmarkOptions.Quick.Batch);
    }

    private sealed class Recorder<T>(Action<T> record) : IProgress<T>
    {
        public void Report(T value) => record(value);
    }
}
