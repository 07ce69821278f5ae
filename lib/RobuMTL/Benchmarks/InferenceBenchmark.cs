using System.Diagnostics;
using RobuMTL.Adapters;
using RobuMTL.Core;
using RobuMTL.Fusion;
using RobuMTL.Model;
using RobuMTL.Tasks;
using static TorchSharp.torch;

namespace RobuMTL.Benchmarks;

/// <summary>
/// The model issue's inference-latency check on the CPU: plain MTL against RobuMTL with the selector (DMLS) and
/// its top-1 expert merged into the base weights (target at most 1.05x of plain MTL), and with the top-6 experts
/// routed through their deltas (MEPF, target at most 1.25x). Weights are random, which is enough for timing;
/// every expert gets a non-zero B so its deltas and merges do real work. Everything runs in eval mode without
/// gradients.
/// </summary>
public static class InferenceBenchmark
{
    /// <summary>The bound on selector + merged top-1 expert, as a multiple of plain MTL.</summary>
    public const double Top1Target = 1.05;

    /// <summary>The bound on top-6 fusion, as a multiple of plain MTL.</summary>
    public const double Top6Target = 1.25;

    // The std of the base weights' init, so an expert's delta is of the size of the weight it adapts.
    private const double ExpertStd = 0.02;

    /// <summary>
    /// The target ratio of <paramref name="path"/>; null for plain MTL, the selector alone and unmerged top-1
    /// routing, which the issue does not bound (its top-1 target is for the merged expert).
    /// </summary>
    public static double? TargetRatio(InferencePath path) => path switch
    {
        InferencePath.MergedTop1EveryImage or InferencePath.MergedTop1OnChange => Top1Target,
        InferencePath.RoutedTop6 => Top6Target,
        _ => null,
    };

    /// <summary>
    /// Times every <see cref="InferencePath"/>; the paths take turns within each step. Reports each forward
    /// (warm-up steps negative) through <paramref name="progress"/>.
    /// </summary>
    public static InferenceBenchmarkResult Measure(
        InferenceBenchmarkOptions options, IProgress<(InferencePath Path, int Step, double Ms)>? progress = null)
    {
        options.Validate();
        TorchRuntime.Initialize(ComputeBackend.Cpu, options.Threads);
        using var plain = BuildPlain(options);
        using var routed = BuildRouted(options);

        // A second, identical copy keeps its merge across steps while `routed` serves the unmerged paths.
        using var deployed = BuildRouted(options);
        using var images = Input(options);

        var paths = Enum.GetValues<InferencePath>();
        var times = paths.ToDictionary(p => p, _ => new List<double>());
        var mergeTimes = new List<double>();
        double[]? deployedCombination = null;
        var merges = 0;
        using (no_grad())
        {
            for (var step = 0; step < options.WarmupSteps + options.Steps; step++)
            {
                var timed = step >= options.WarmupSteps;
                foreach (var path in paths)
                {
                    var clock = Stopwatch.StartNew();
                    using (NewDisposeScope())
                    {
                        switch (path)
                        {
                            case InferencePath.PlainMtl:
                                // The baseline has no experts, so it ignores the routing policy.
                                plain.forward(images, RoutingPolicy.Top1);
                                break;
                            case InferencePath.MergedTop1EveryImage:
                                var mergeMs = MergedTop1(routed, images).MergeMs;
                                if (timed)
                                {
                                    mergeTimes.Add(mergeMs);
                                }

                                break;
                            case InferencePath.MergedTop1OnChange:
                                var combination = Top1Combination(deployed, images);
                                if (deployedCombination is null || !combination.SequenceEqual(deployedCombination))
                                {
                                    if (deployed.backbone.IsMerged)
                                    {
                                        deployed.backbone.UnmergeExperts();
                                    }

                                    deployed.backbone.MergeExperts(combination);
                                    deployedCombination = combination;
                                    merges++;
                                }

                                PredictBaseOnly(deployed, images);
                                break;
                            case InferencePath.RoutedTop6:
                                routed.forward(images, RoutingPolicy.TopK(6));
                                break;
                            case InferencePath.RoutedTop1:
                                routed.forward(images, RoutingPolicy.Top1);
                                break;
                            case InferencePath.SelectorOnly:
                                Top1Combination(routed, images);
                                break;
                        }
                    }

                    var ms = clock.Elapsed.TotalMilliseconds / options.Batch;
                    if (timed)
                    {
                        times[path].Add(ms);
                    }

                    progress?.Report((path, step - options.WarmupSteps, ms));
                }
            }
        }

        deployed.backbone.UnmergeExperts();
        var taskAdapters = routed.backbone.Experts.Layers.Any(layer => layer.AdaptedTasks.Count > 0);
        var latencies = paths.Select(p => new InferenceLatency(p, times[p])).ToArray();
        return new InferenceBenchmarkResult(options, latencies, mergeTimes, merges, taskAdapters, get_num_threads())
        {
            Top1AdapterWork = AdapterWork(routed, 1),
            Top6AdapterWork = AdapterWork(routed, 6),
        };
    }

    /// <summary>
    /// Multiply-adds per token of <paramref name="k"/> experts' shared LoRA pairs, sum of k * r * (in + out),
    /// over those of the linear layers they adapt, sum of in * out: the extra work of unmerged routing that no
    /// implementation avoids. A Swin block's qkv, proj, fc1 and fc2 give k * r * 16C against 12C^2, so with ranks
    /// that grow with the stage width C (r = C / 6 in every stage of Swin-T at [16, 32, 64, 128]) it is 0.22 for
    /// k = 1 and 1.33 for k = 6.
    /// </summary>
    public static double AdapterWork(RobuMtlModel model, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var layers = model.backbone.Experts.Layers.Where(layer => layer.ExpertCount > 0).ToArray();
        if (layers.Length == 0)
        {
            return 0;
        }

        var adapter = layers.Sum(l => (double)k * l.Expert(0).shared.Rank * (l.InFeatures + l.OutFeatures));
        var linear = layers.Sum(l => (double)l.InFeatures * l.OutFeatures);
        return adapter / linear;
    }

    /// <summary>The fine-tuned MTL baseline of <paramref name="options"/>, random weights, in eval mode.</summary>
    public static RobuMtlModel BuildPlain(InferenceBenchmarkOptions options)
    {
        options.Validate();
        TorchRuntime.Seed(options.Seed);
        var model = new RobuMtlModel(options.ModelConfig(ModelVariant.FineTunedMtl));
        model.eval();
        return model;
    }

    /// <summary>
    /// RobuMTL of <paramref name="options"/> with random weights and every expert's B drawn from N(0, 0.02^2)
    /// (a fresh B is zero, which would make every delta and merge trivially nothing), in eval mode. Two calls
    /// with the same options build identical models.
    /// </summary>
    public static RobuMtlModel BuildRouted(InferenceBenchmarkOptions options)
    {
        options.Validate();
        TorchRuntime.Seed(options.Seed + 1);
        var model = new RobuMtlModel(options.ModelConfig(ModelVariant.RobuMtl));
        using (no_grad())
        {
            foreach (var factors in model.modules().OfType<LoraFactors>())
            {
                factors.B.normal_(0, ExpertStd);
            }
        }

        model.eval();
        return model;
    }

    /// <summary>
    /// The deployment path of one image (or a batch of one repeated image): the selector, its top-1 weights, that
    /// combination merged into the base weights, a base-only forward, and the unmerge. Call without gradients.
    /// Known limitation: <c>MultiTaskSwin.MergeExperts</c> folds only the shared adapters into the base weights;
    /// task-specific adapters stay unmerged and run per task stream with the merged combination.
    /// </summary>
    /// <returns>Per task (B, O_t, H, W), as <see cref="RobuMtlModel.forward"/> with top-1 routing.</returns>
    public static Dictionary<TaskKind, Tensor> PredictMergedTop1(RobuMtlModel model, Tensor images)
    {
        if (model.Config.Variant != ModelVariant.RobuMtl)
        {
            throw new ArgumentException(
                $"PredictMergedTop1 needs a {ModelVariant.RobuMtl} model, got {model.Config.Variant}.", nameof(model));
        }

        if (model.backbone.IsMerged)
        {
            throw new InvalidOperationException(
                "PredictMergedTop1: the backbone is already merged; call backbone.UnmergeExperts first.");
        }

        return MergedTop1(model, images).Predictions;
    }

    private static (Dictionary<TaskKind, Tensor> Predictions, double MergeMs) MergedTop1(
        RobuMtlModel model, Tensor images)
    {
        var combination = Top1Combination(model, images);
        var clock = Stopwatch.StartNew();
        model.backbone.MergeExperts(combination);
        var mergeMs = clock.Elapsed.TotalMilliseconds;
        Dictionary<TaskKind, Tensor> predictions;
        try
        {
            predictions = PredictBaseOnly(model, images);
        }
        finally
        {
            clock.Restart();
            model.backbone.UnmergeExperts();
            mergeMs += clock.Elapsed.TotalMilliseconds;
        }

        return (predictions, mergeMs);
    }

    private static double[] Top1Combination(RobuMtlModel model, Tensor images)
    {
        var (weights, _) = model.RouteWeights(images, RoutingPolicy.Top1, null); // (B, E)
        return TopKExpertFusion.SharedCombination(weights);
    }

    // While merged, the base weights carry the expert, so the backbone runs base-only and the heads as usual.
    private static Dictionary<TaskKind, Tensor> PredictBaseOnly(RobuMtlModel model, Tensor images)
    {
        var stages = model.backbone.forward(images, ExpertRouting.BaseOnly);
        return model.heads!.forward(stages, images.shape[2], images.shape[3]);
    }

    // One image repeated over the batch, so a single merged combination serves every row.
    private static Tensor Input(InferenceBenchmarkOptions options)
    {
        TorchRuntime.Seed(options.Seed);
        using var image = randn(1, 3, options.ImageSize, options.ImageSize); // (1, 3, H, W)
        return image.expand(options.Batch, -1, -1, -1).contiguous(); // (B, 3, H, W)
    }
}
