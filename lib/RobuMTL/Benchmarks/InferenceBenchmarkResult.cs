namespace RobuMTL.Benchmarks;

/// <summary>What <see cref="InferenceBenchmark.Measure"/> found.</summary>
/// <param name="Options">What was timed.</param>
/// <param name="Latencies">One entry per <see cref="InferencePath"/>, in enum order.</param>
/// <param name="MergeMilliseconds">
/// Merge plus unmerge of the top-1 expert, per timed step of <see cref="InferencePath.MergedTop1EveryImage"/>
/// (part of that path's latency).
/// </param>
/// <param name="OnChangeMerges">
/// Merges <see cref="InferencePath.MergedTop1OnChange"/> made over warm-up and timed steps. The input is one fixed
/// image, so its weather never changes and this is 1: the limit of a long run of frames in the same weather.
/// </param>
/// <param name="TaskAdaptersStayUnmerged">
/// True when the model has task-specific adapters: merging folds only the shared adapters into the base weights,
/// the task adapters still run per task stream (with the merged combination), and the last block of every stage
/// still computes one stream per task.
/// </param>
/// <param name="Threads">libtorch threads during the run.</param>
public sealed record InferenceBenchmarkResult(
    InferenceBenchmarkOptions Options,
    IReadOnlyList<InferenceLatency> Latencies,
    IReadOnlyList<double> MergeMilliseconds,
    int OnChangeMerges,
    bool TaskAdaptersStayUnmerged,
    int Threads)
{
    /// <summary>
    /// The top-1 expert's shared LoRA multiply-adds per token over those of the layers it adapts
    /// (<see cref="InferenceBenchmark.AdapterWork"/>).
    /// </summary>
    public double Top1AdapterWork { get; init; }

    /// <summary>The same for the top-6 experts: the floor of the unmerged top-6 path's extra work.</summary>
    public double Top6AdapterWork { get; init; }

    /// <summary>Median merge plus unmerge time in milliseconds.</summary>
    public double MedianMergeMilliseconds => InferenceLatency.Median(MergeMilliseconds);

    /// <summary>The latencies of <paramref name="path"/>.</summary>
    public InferenceLatency Latency(InferencePath path) => Latencies.Single(l => l.Path == path);

    /// <summary>Median latency of <paramref name="path"/> over that of <see cref="InferencePath.PlainMtl"/>.</summary>
    public double Ratio(InferencePath path) =>
        Latency(path).MedianMilliseconds / Latency(InferencePath.PlainMtl).MedianMilliseconds;

    /// <summary>Whether <paramref name="path"/> is within its target ratio; null for a path without a target.</summary>
    public bool? MeetsTarget(InferencePath path) =>
        InferenceBenchmark.TargetRatio(path) is double target ? Ratio(path) <= target : null;
}
