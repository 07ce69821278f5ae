using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>One synthetic image condition (rain, fog, noise, ...) applied to an RGB image.</summary>
public interface IWeatherEffect
{
    /// <summary>The condition this effect produces (its selector class and expert).</summary>
    WeatherCondition Condition { get; }

    /// <summary>
    /// Returns a new degraded image of the same size; the input is never modified. Every random number comes from
    /// <paramref name="rng"/>, so the same generator state gives the same pixels on any thread.
    /// </summary>
    RgbImage Apply(RgbImage image, WeatherSeverity severity, Random rng);
}
