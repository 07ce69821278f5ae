namespace RobuMTL.Benchmarks;

/// <summary>Wall-clock times of timed forward + backward steps.</summary>
/// <param name="StepMilliseconds">Each timed step, in order.</param>
/// <param name="Threads">libtorch threads during the run.</param>
public sealed record SwinTiming(IReadOnlyList<double> StepMilliseconds, int Threads)
{
    /// <summary>Median step time in milliseconds (robust to one disturbed step on a shared machine).</summary>
    public double MedianMilliseconds
    {
        get
        {
            var sorted = StepMilliseconds.Order().ToArray();
            var mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    /// <summary>Fastest step in milliseconds.</summary>
    public double MinMilliseconds => StepMilliseconds.Min();
}
