namespace RobuMTL.Benchmarks;

/// <summary>Resident memory of the process after each training step, to show that steps do not leak.</summary>
/// <param name="RssBytes">Resident set size after each step.</param>
/// <param name="PeakRssBytes">The process's peak resident set size at the end (VmHWM).</param>
/// <param name="LiveTensors">
/// Tensors alive on the measuring thread after each step (TorchSharp's count); a leak of tensors shows here
/// even when the allocator hides it from the RSS. Empty when not recorded.
/// </param>
public sealed record MemoryCheck(
    IReadOnlyList<long> RssBytes, long PeakRssBytes, IReadOnlyList<long>? LiveTensors = null)
{
    /// <summary>Mean RSS over the first ten steps (or all, when fewer).</summary>
    public double FirstTenMeanBytes => RssBytes.Take(10).Average();

    /// <summary>Mean RSS over the last ten steps (or all, when fewer).</summary>
    public double LastTenMeanBytes => RssBytes.TakeLast(10).Average();

    /// <summary>Growth from the first ten to the last ten steps, in bytes per step in between.</summary>
    public double GrowthBytesPerStep =>
        RssBytes.Count > 10 ? (LastTenMeanBytes - FirstTenMeanBytes) / (RssBytes.Count - 10) : 0;
}
