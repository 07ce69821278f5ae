namespace RobuMTL.Benchmarks;

/// <summary>Resident memory of the process after each training step, to show that steps do not leak.</summary>
/// <param name="RssBytes">Resident set size after each step.</param>
/// <param name="PeakRssBytes">The process's peak resident set size at the end (VmHWM).</param>
public sealed record MemoryCheck(IReadOnlyList<long> RssBytes, long PeakRssBytes)
{
    /// <summary>Mean RSS over the first ten steps (or all, when fewer).</summary>
    public double FirstTenMeanBytes => RssBytes.Take(10).Average();

    /// <summary>Mean RSS over the last ten steps (or all, when fewer).</summary>
    public double LastTenMeanBytes => RssBytes.TakeLast(10).Average();

    /// <summary>Growth from the first ten to the last ten steps, in bytes per step in between.</summary>
    public double GrowthBytesPerStep =>
        RssBytes.Count > 10 ? (LastTenMeanBytes - FirstTenMeanBytes) / (RssBytes.Count - 10) : 0;
}
