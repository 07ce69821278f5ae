namespace RobuMTL.Weather;

/// <summary>What <see cref="WeatherBenchmark"/> measures.</summary>
/// <param name="Sizes">Square image sides to time.</param>
/// <param name="Conditions">Effects to time.</param>
/// <param name="MinDuration">Keep timing one case at least this long.</param>
/// <param name="MinImages">And at least this many images.</param>
/// <param name="Severity">Severity level used throughout.</param>
/// <param name="Seed">Seed of the per-image generators.</param>
public sealed record WeatherBenchmarkOptions(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<WeatherCondition> Conditions,
    TimeSpan MinDuration,
    int MinImages,
    int Severity,
    int Seed)
{
    /// <summary>Every condition at 448x448 and 128x128, level 3, at least 1 s and 3 images per case.</summary>
    public static WeatherBenchmarkOptions Default { get; } = new(
        [448, 128], Enum.GetValues<WeatherCondition>(), TimeSpan.FromSeconds(1), 3, 3, 0);

    /// <summary>Throws when a size, count or duration is not positive.</summary>
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

        WeatherSeverity.FromLevel(Severity);
    }
}
