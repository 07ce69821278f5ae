namespace RobuMTL.Weather;

/// <summary>What <see cref="WeatherBenchmark"/> measures.</summary>
/// <param name="Sizes">Square image sides to time.</param>
/// <param name="Conditions">Effects to time.</param>
/// <param name="MinDuration">Keep timing one case in one mode at least this long.</param>
/// <param name="MinImages">And at least this many images.</param>
/// <param name="Severity">Severity level used throughout.</param>
/// <param name="Seed">Seed of the per-image generators.</param>
/// <param name="BatchSize">
/// Images per <see cref="WeatherSynthesizer"/>.<c>ApplyBatch</c> call, serial and parallel alike.
/// </param>
/// <param name="Threads">Threads of the parallel mode; -1 lets the thread pool use every core.</param>
public sealed record WeatherBenchmarkOptions(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<WeatherCondition> Conditions,
    TimeSpan MinDuration,
    int MinImages,
    int Severity,
    int Seed,
    int BatchSize = 16,
    int Threads = -1)
{
    /// <summary>
    /// Every condition at 448x448 and 128x128, level 3, batches of 16, at least 1 s and 3 images per case and
    /// mode, parallel on every core.
    /// </summary>
    public static WeatherBenchmarkOptions Default { get; } = new(
        [448, 128], Enum.GetValues<WeatherCondition>(), TimeSpan.FromSeconds(1), 3, 3, 0);

    /// <summary>Throws when a size, count, duration or thread count is out of range.</summary>
    public void Validate()
    {
        if (Sizes is null || Sizes.Count == 0 || Sizes.Any(s => s < 8))
        {
            throw new ArgumentException("benchmark sizes must be listed and at least 8 pixels");
        }

        if (Conditions is null || Conditions.Count == 0)
        {
            throw new ArgumentException("benchmark needs at least one condition");
        }

        if (MinImages < 1 || MinDuration < TimeSpan.Zero)
        {
            throw new ArgumentException($"MinImages {MinImages} must be >= 1 and MinDuration non-negative");
        }

        if (BatchSize < 1 || Threads is 0 or < -1)
        {
            throw new ArgumentException(
                $"BatchSize {BatchSize} must be >= 1 and Threads {Threads} positive or -1 (every core)");
        }

        WeatherSeverity.FromLevel(Severity);
    }
}
