using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>The identity: <see cref="WeatherCondition.Clean"/> images are returned as an unchanged copy.</summary>
public sealed class CleanEffect : IWeatherEffect
{
    /// <inheritdoc/>
    public WeatherCondition Condition => WeatherCondition.Clean;

    /// <summary>Returns a copy; draws nothing from <paramref name="rng"/> and ignores the severity.</summary>
    public RgbImage Apply(RgbImage image, WeatherSeverity severity, Random rng)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Clone();
    }
}
