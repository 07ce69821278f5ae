using System.Text.Json;
using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Checkpoints;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Tasks;
using RobuMTL.Tests.Backbone;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Adapters;

public sealed class MergingAdapterTests
{
    public MergingAdapterTests() => TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);

    private static MultiTaskSwin Build(bool adaptMerging)
    {
        TorchRuntime.Seed(11);
        var lora = TinyModels.Lora with { AdaptMerging = adaptMerging };
        var model = new MultiTaskSwin(
            new MultiTaskSwinConfig(TinyModels.Swin, lora, TinyModels.Tasks, TinyModels.Conditions));
        model.eval();
        return model;
    }

    [Fact]
    public void OffByDefaultTheMergingHasNoAdaptersAndTheConfigJsonIsUnchanged()
    {
        using var model = Build(adaptMerging: false);
        var keys = model.state_dict().Keys.ToList();

        Assert.Contains("features.2.reduction.weight", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("features.2.reduction.experts", StringComparison.Ordinal));
        Assert.All(
            new[] { LoraConfig.PascalContext, LoraConfig.NyudV2, LoraConfig.Nano, LoraConfig.Small },
            preset => Assert.False(preset.AdaptMerging));
        var off = JsonSerializer.Serialize(TinyModels.Lora, CheckpointStore.JsonOptions);
        var on = JsonSerializer.Serialize(TinyModels.Lora with { AdaptMerging = true }, CheckpointStore.JsonOptions);
        Assert.DoesNotContain("AdaptMerging", off);
        Assert.Contains("\"AdaptMerging\": true", on);
    }

    [Fact]
    public void ExpertCountsGrowByRankTimesInPlusOutOfEachMerge()
    {
        using var off = Build(adaptMerging: false);
        using var on = Build(adaptMerging: true);
        var swin = TinyModels.Swin;
        var extra = Enumerable.Range(0, swin.StageCount - 1)
            .Sum(s => (long)TinyModels.Lora.Ranks[s] * ((4 * swin.StageDim(s)) + (2 * swin.StageDim(s))));

        Assert.True(extra > 0);
        var rain = WeatherCondition.Rain;
        Assert.Equal(off.Experts.ParameterCount(rain) + extra, on.Experts.ParameterCount(rain));
        Assert.Equal(off.Experts.Layers.Count + swin.StageCount - 1, on.Experts.Layers.Count);
    }

    [Fact]
    public void AFreshMergingAdapterIsANoOpAndATrainedOneChangesTheOutput()
    {
        using var model = Build(adaptMerging: true);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = randn(2, 3, 16, 16);
        var routing = ExpertRouting.Single(1);
        var baseOnly = model.forward(images, ExpertRouting.BaseOnly);

        var fresh = model.forward(images, routing);
        TinyModels.AssertStagesClose(baseOnly, fresh, 0, "fresh merging adapters");

        foreach (var parameter in ((PatchMerging)model.features[2]).reduction.ExpertParameters(1))
        {
            parameter.normal_(0, 0.1);
        }

        var trained = model.forward(images, routing)[TaskKind.Depth];
        Assert.False(trained[0].allclose(baseOnly[TaskKind.Depth][0], rtol: 0, atol: 1e-6));
    }
}
