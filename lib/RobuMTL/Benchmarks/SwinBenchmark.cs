using System.Diagnostics;
using RobuMTL.Backbone;
using RobuMTL.Core;
using RobuMTL.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RobuMTL.Benchmarks;

/// <summary>
/// Times our Swin on the CPU the way <c>tools/bench_swin_torch.py</c> times torchvision's <c>swin_t</c>:
/// a fully trainable model in training mode, cross-entropy on the classifier, forward + backward per step,
/// no optimiser. Also checks that repeated training steps keep resident memory flat.
/// </summary>
public static class SwinBenchmark
{
    /// <summary>Times forward + backward steps; reports each step through <paramref name="progress"/>.</summary>
    public static SwinTiming MeasureSpeed(
        SwinBenchmarkOptions options, IProgress<(int Step, double Ms)>? progress = null)
    {
        using var model = Prepare(options);
        using var images = randn(options.Batch, 3, options.ImageSize, options.ImageSize);
        using var labels = randint(options.Swin.NumClasses, [options.Batch], dtype: ScalarType.Int64);

        var times = new List<double>();
        for (var step = 0; step < options.WarmupSteps + options.Steps; step++)
        {
            var clock = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                model.zero_grad();
                var loss = nn.functional.cross_entropy(model.Classify(images), labels);
                loss.backward();
            }

            var ms = clock.Elapsed.TotalMilliseconds;
            if (step >= options.WarmupSteps)
            {
                times.Add(ms);
            }

            progress?.Report((step - options.WarmupSteps, ms));
        }

        return new SwinTiming(times, get_num_threads());
    }

    /// <summary>
    /// Runs <see cref="SwinBenchmarkOptions.Steps"/> AdamW training steps (forward, backward, update) and
    /// samples the resident set size after each, so a per-step leak shows as growth.
    /// </summary>
    public static MemoryCheck MeasureMemory(
        SwinBenchmarkOptions options, IProgress<(int Step, long Rss)>? progress = null)
    {
        using var model = Prepare(options);
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);

        var rss = new List<long>();
        var live = new List<long>();
        for (var step = 0; step < options.WarmupSteps + options.Steps; step++)
        {
            using (NewDisposeScope())
            {
                var images = randn(options.Batch, 3, options.ImageSize, options.ImageSize);
                var labels = randint(options.Swin.NumClasses, [options.Batch], dtype: ScalarType.Int64);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.Classify(images), labels);
                loss.backward();
                optimizer.step();
            }

            if (step >= options.WarmupSteps)
            {
                var now = ReadStatusKilobytes("VmRSS:") * 1024;
                rss.Add(now);
                live.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
                progress?.Report((step - options.WarmupSteps, now));
            }
        }

        return new MemoryCheck(rss, ReadStatusKilobytes("VmHWM:") * 1024, live);
    }

    private static MultiTaskSwin Prepare(SwinBenchmarkOptions options)
    {
        options.Validate();
        TorchRuntime.Initialize(ComputeBackend.Cpu, options.Threads);
        TorchRuntime.Seed(options.Seed);

        // Full fine-tuning: no adapters and every weight trains, which is what torchvision's step does.
        var config = MultiTaskSwinConfig.FullFineTune(options.Swin, [TaskKind.SemanticSegmentation]);
        var model = new MultiTaskSwin(config);
        model.ActivateFullFineTune();
        model.train();
        return model;
    }

    // Known limitation: resident memory is read from /proc, so the memory check works on Linux only.
    private static long ReadStatusKilobytes(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            throw new PlatformNotSupportedException("The memory check reads /proc/self/status (Linux only).");
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{status} has no {field} line.");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]);
    }
}
