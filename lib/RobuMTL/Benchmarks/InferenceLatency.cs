namespace RobuMTL.Benchmarks;

/// <summary>Per-image wall-clock latencies of one <see cref="InferencePath"/>.</summary>
/// <param name="Path">What was timed.</param>
/// <param name="ImageMilliseconds">Each timed step divided by the images in it, in order.</param>
public sealed record InferenceLatency(InferencePath Path, IReadOnlyList<double> ImageMilliseconds)
{
    /// <summary>Median per-image latency (robust to a few disturbed steps on a shared machine).</summary>
    public double MedianMilliseconds => Median(ImageMilliseconds);

    /// <summary>Fastest per-image latency.</summary>
    public double MinMilliseconds => ImageMilliseconds.Min();

    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new InvalidOperationException("InferenceLatency: no timed steps to take the median of.");
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
