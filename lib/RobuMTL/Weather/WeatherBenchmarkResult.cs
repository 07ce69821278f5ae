namespace RobuMTL.Weather;

/// <summary>Throughput of one effect at one image size.</summary>
/// <param name="Condition">The effect measured.</param>
/// <param name="Size">Square image side in pixels.</param>
/// <param name="Images">Images processed in the timed loop.</param>
/// <param name="Elapsed">Wall time of the timed loop.</param>
public sealed record WeatherBenchmarkResult(WeatherCondition Condition, int Size, int Images, TimeSpan Elapsed)
{
    /// <summary>Images per second on one thread.</summary>
    public double ImagesPerSecond => Images / Elapsed.TotalSeconds;

    /// <summary>Milliseconds per image.</summary>
    public double MillisecondsPerImage => Elapsed.TotalMilliseconds / Images;
}
