using RobuMTL.Backbone;
using RobuMTL.Heads;
using RobuMTL.Model;
using RobuMTL.Selection;
using RobuMTL.Weather;
using RobuMTL.Workbook;

namespace RobuMTL.Tests.Workbook;

/// <summary>
/// The parameters each phase trains, checked against closed-form counts of the architecture: a wrong trainable
/// set (a frozen expert left open, heads trained in an expert phase, ...) changes the count.
/// </summary>
public sealed class PhaseBudgetTests
{
    /// <summary>
    /// One expert: r * (in + out) per adapted linear; every block adapts qkv (d -> 3d), proj (d -> d), fc1
    /// (d -> h) and fc2 (h -> d) with its stage's shared rank, and each stage's last block adds one task pair
    /// of TaskRank per task on proj, fc1 and fc2.
    /// </summary>
    private static long ExpertCount(MultiTaskSwinConfig config)
    {
        var (swin, lora) = (config.Swin, config.Lora!);
        long total = 0;
        for (var s = 0; s < swin.StageCount; s++)
        {
            long d = swin.StageDim(s);
            var h = (long)(d * swin.MlpRatio);
            var taskLayers = (d + d) + (d + h) + (h + d);
            total += swin.Depths[s] * lora.Ranks[s] * ((d + (3 * d)) + taskLayers);
            total += config.Tasks.Count * lora.TaskRank * taskLayers;
        }

        return total;
    }

    /// <summary>
    /// The Swin base: patch embedding (conv + LayerNorm), per block two LayerNorms, qkv, proj, fc1, fc2 with
    /// biases and the (2w - 1)^2 x heads relative position table, per merge a LayerNorm(4d) and a bias-free
    /// 4d -> 2d linear, and the final LayerNorm.
    /// </summary>
    private static long SwinCount(SwinConfig swin)
    {
        long c = swin.EmbedDim;
        long p = swin.PatchSize;
        long w = swin.WindowSize;
        var total = (3 * p * p * c) + c + (2 * c);
        for (var s = 0; s < swin.StageCount; s++)
        {
            long d = swin.StageDim(s);
            var h = (long)(d * swin.MlpRatio);
            var block = (4 * d) + (d * 3 * d) + (3 * d) + (d * d) + d + (d * h) + h + (h * d) + d
                + ((2 * w) - 1) * ((2 * w) - 1) * swin.Heads[s];
            total += swin.Depths[s] * block;
            if (s < swin.StageCount - 1)
            {
                total += (2 * 4 * d) + (4 * d * 2 * d);
            }
        }

        var last = swin.StageDim(swin.StageCount - 1);
        return total + (2 * last) + (swin.NumClasses > 0 ? (last * swin.NumClasses) + swin.NumClasses : 0);
    }

    /// <summary>
    /// The selector: 3x3 bias-free convs with BatchNorm (weight, bias), the SE bottleneck (two linears with
    /// biases) and the classifier.
    /// </summary>
    private static long SelectorCount(WeatherSelectorConfig config)
    {
        long total = 0;
        long inChannels = 3;
        foreach (var outChannels in config.Channels)
        {
            total += (9 * inChannels * outChannels) + (2 * outChannels);
            inChannels = outChannels;
        }

        var hidden = inChannels / config.SeReduction;
        total += (inChannels * hidden) + hidden + (hidden * inChannels) + inChannels;
        return total + (inChannels * config.ConditionCount) + config.ConditionCount;
    }

    [Fact]
    public void EachPhaseTrainsExactlyTheParametersOfItsFormula()
    {
        var session = WorkbookSession.Open(
            PhaseRuns.Micro, start: AppContext.BaseDirectory,
            runsRoot: Path.Combine(Path.GetTempPath(), $"robumtl-budget-{Guid.NewGuid():N}"));
        var training = new WorkbookTraining(session);
        var routed = session.ModelConfig(ModelVariant.RobuMtl);
        using var headSet = new TaskHeadSet(routed.Heads);
        var heads = headSet.parameters().Sum(p => p.numel());
        var expert = ExpertCount(routed.Backbone);
        var conditions = routed.Backbone.Conditions.Count;

        Assert.Equal(expert, training.Budget(WorkbookPhase.Expert, WeatherCondition.Rain).TrainableParameters);
        Assert.Equal(expert + heads, training.Budget(WorkbookPhase.Warmup).TrainableParameters);
        Assert.Equal(
            ExpertCount(session.ModelConfig(ModelVariant.SharedLora).Backbone) + heads,
            training.Budget(WorkbookPhase.SharedLora).TrainableParameters);
        Assert.Equal(conditions * heads, training.Budget(WorkbookPhase.Squads).TrainableParameters);
        Assert.Equal(
            SwinCount(routed.Backbone.Swin) + heads, training.Budget(WorkbookPhase.CleanMtl).TrainableParameters);
        Assert.Equal(SelectorCount(routed.Selector!), training.Budget(WorkbookPhase.Selector).TrainableParameters);
        Assert.Equal(49_666, SelectorCount(WeatherSelectorConfig.Default));
    }
}
