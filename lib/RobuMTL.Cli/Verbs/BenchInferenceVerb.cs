using System.CommandLine;
using RobuMTL.Benchmarks;

namespace RobuMTL.Cli.Verbs;

/// <summary>
/// <c>robumtl bench-inference</c>: per-image CPU latency of plain MTL and of RobuMTL with the selector and a merged
/// top-1 expert (target at most 1.05x), top-6 routing (at most 1.25x) and unmerged top-1 routing, with their
/// ratios to plain MTL.
/// </summary>
public sealed class BenchInferenceVerb : ICliVerb
{
    /// <inheritdoc />
    public int Order => 82;

    /// <inheritdoc />
    public Command Create()
    {
        var preset = new Option<InferencePreset>("--preset")
        {
            Description = "Model shape: Quick (the quick profile's model at 64 px) or SwinTiny224 (Swin-T, paper "
                + "ranks, 224 px).",
            DefaultValueFactory = _ => InferencePreset.Quick,
        };
        var size = new Option<int?>("--size") { Description = "Image side in pixels (default: the preset's)." };
        var batch = new Option<int?>("--batch")
        {
            Description = "Images per forward, one image repeated (default 1: a merged expert serves a whole batch).",
        };
        var threads = new Option<int?>("--threads") { Description = "libtorch CPU threads (default 1)." };
        var warmup = new Option<int?>("--warmup") { Description = "Untimed forwards per path (default: preset's)." };
        var steps = new Option<int?>("--steps") { Description = "Timed forwards per path (default: preset's)." };
        var taskRank = new Option<int?>("--task-rank")
        {
            Description = "Rank of RobuMTL's task-specific adapters (default: preset's; 0 drops the task streams).",
        };

        var command = new Command("bench-inference", "Time inference: plain MTL vs RobuMTL merged top-1 and top-6.")
        {
            preset, size, batch, threads, warmup, steps, taskRank,
        };
        command.SetAction(parse =>
        {
            var defaults = InferenceBenchmarkOptions.For(parse.GetValue(preset));
            var options = defaults with
            {
                ImageSize = parse.GetValue(size) ?? defaults.ImageSize,
                Batch = parse.GetValue(batch) ?? defaults.Batch,
                Threads = parse.GetValue(threads) ?? defaults.Threads,
                WarmupSteps = parse.GetValue(warmup) ?? defaults.WarmupSteps,
                Steps = parse.GetValue(steps) ?? defaults.Steps,
                Lora = defaults.Lora with { TaskRank = parse.GetValue(taskRank) ?? defaults.Lora.TaskRank },
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"bench-inference: {e.Message}");
                return 1;
            }

            Print(parse.InvocationConfiguration.Output, parse.GetValue(preset), InferenceBenchmark.Measure(options));
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter stdout, InferencePreset preset, InferenceBenchmarkResult result)
    {
        var o = result.Options;
        stdout.WriteLine($"Inference latency, {preset}: Swin embed {o.Swin.EmbedDim}, depths "
            + $"[{string.Join(",", o.Swin.Depths)}], LoRA ranks [{string.Join(",", o.Lora.Ranks)}] task rank "
            + $"{o.Lora.TaskRank}, {o.Tasks.Count} tasks, {o.ImageSize} px, batch {o.Batch}, threads "
            + $"{result.Threads}, {o.WarmupSteps} warm-up + {o.Steps} timed forwards per path (paths take turns).");
        stdout.WriteLine("Random weights (experts with non-zero B); eval mode, no gradients. The machine is "
            + "shared, so these numbers are noisy.");
        stdout.WriteLine($"{"path",-44} {"median ms",10} {"min ms",8} {"ratio",7} {"target",7}  holds");
        foreach (var latency in result.Latencies)
        {
            var target = InferenceBenchmark.TargetRatio(latency.Path);
            var holds = result.MeetsTarget(latency.Path) switch
            {
                true => "yes",
                false => "NO",
                null => "",
            };
            stdout.WriteLine($"{Label(latency.Path),-44} {latency.MedianMilliseconds,10:F2} "
                + $"{latency.MinMilliseconds,8:F2} {result.Ratio(latency.Path),6:F2}x "
                + $"{(target is double t ? $"<={t:F2}x" : ""),7}  {holds}");
        }

        stdout.WriteLine($"Merge + unmerge of the top-1 expert: median {result.MedianMergeMilliseconds:F2} ms, "
            + "included in \"merge every image\".");
        stdout.WriteLine($"\"Merge on change\" merged {result.OnChangeMerges} time(s): the input is one fixed image, "
            + "i.e. a long run of frames in the same weather; a change every N frames adds about merge / N.");
        stdout.WriteLine($"Shared LoRA multiply-adds per token over those of the adapted linear layers: top-1 "
            + $"{result.Top1AdapterWork:F2}x, top-6 {result.Top6AdapterWork:F2}x (unmerged routing adds this to "
            + "the layers' work, attention and heads aside).");
        stdout.WriteLine(result.TaskAdaptersStayUnmerged
            ? $"Known limitation: merging folds only the shared adapters into the base weights; the task-specific "
                + $"adapters (rank {o.Lora.TaskRank}) stay and run per task stream, and the last block of each "
                + $"stage computes {o.Tasks.Count} task streams, which plain MTL does not."
            : "No task-specific adapters (task rank 0): the merge folds every adapter into the base weights.");
        stdout.WriteLine("Unmerged top-1 routing and the selector alone have no target: the issue's top-1 target is "
            + "for the merged expert.");
    }

    private static string Label(InferencePath path) => path switch
    {
        InferencePath.PlainMtl => "plain MTL",
        InferencePath.MergedTop1EveryImage => "selector + merged top-1, merge every image",
        InferencePath.MergedTop1OnChange => "selector + merged top-1, merge on change",
        InferencePath.RoutedTop6 => "selector + top-6 routed (unmerged)",
        InferencePath.RoutedTop1 => "selector + top-1 routed (unmerged)",
        InferencePath.SelectorOnly => "selector and top-1 weights alone",
        _ => path.ToString(),
    };
}
