namespace RobuMTL.Weather;

/// <summary>How many images one timed loop processed, and in how long.</summary>
/// <param name="Images">Images processed in the timed loop.</param>
/// <param name="Elapsed">Wall time of the timed loop.</param>
public sealed record WeatherThroughput(int Images, TimeSpan Elapsed)
{
    /// <summary>Images per second of wall time.</summary>
    public double ImagesPerSecond => Images / Elapsed.TotalSeconds;

    /// <summary>Milliseconds of wall time per image.</summary>
    public double MillisecondsPerImage => Elapsed.TotalMilliseconds / Images;
}
