using RobuMTL.Adapters;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Tasks;
using RobuMTL.Weather;
using static TorchSharp.torch;

namespace RobuMTL.Tests.Backbone;

/// <summary>Small configurations and helpers shared by the backbone, adapter and fusion tests.</summary>
internal static class TinyModels
{
    public static readonly SwinConfig Swin = new(8, [2, 2], [1, 2], 4, 2, 4.0, 0.1);

    public static readonly LoraConfig Lora = new([2, 3], TaskRank: 2);

    public static readonly TaskKind[] Tasks = [TaskKind.SemanticSegmentation, TaskKind.Depth];

    public static readonly WeatherCondition[] Conditions =
        [WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Fog];

    public static MultiTaskSwin Experts(int seed = 0, StageTap tap = StageTap.AfterMerging)
    {
        TorchRuntime.Initialize(ComputeBackend.Cpu, threads: 2);
        TorchRuntime.Seed(seed);
        var model = new MultiTaskSwin(new MultiTaskSwinConfig(Swin, Lora, Tasks, Conditions, Tap: tap));
        model.eval();
        return model;
    }

    /// <summary>Gives every B factor random values, as if each expert had been trained.</summary>
    public static void RandomiseExperts(MultiTaskSwin model)
    {
        using (no_grad())
        {
            foreach (var (name, parameter) in model.named_parameters())
            {
                if (name.EndsWith(".B", StringComparison.Ordinal))
                {
                    parameter.normal_(0, 0.05);
                }
            }
        }
    }

    public static void AssertStagesClose(
        IReadOnlyDictionary<TaskKind, Tensor[]> expected, IReadOnlyDictionary<TaskKind, Tensor[]> actual,
        double atol, string what)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (task, maps) in expected)
        {
            for (var s = 0; s < maps.Length; s++)
            {
                AssertClose(maps[s], actual[task][s], atol, $"{what} {task} stage {s}");
            }
        }
    }

    public static void AssertClose(Tensor expected, Tensor actual, double atol, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var gap = (expected - actual).abs().max().item<float>();
        Assert.True(gap <= atol, $"{what}: max |difference| {gap} > {atol}");
    }
}
