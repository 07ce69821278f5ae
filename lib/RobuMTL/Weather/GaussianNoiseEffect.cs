using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// ImageNet-C Gaussian noise: out = clip(x + N(0, sigma^2), 0, 1), independently per pixel and channel.
/// Severity: sigma is <see cref="GaussianNoiseConfig.Sigmas"/> at the level, interpolated linearly in between
/// (ImageNet-C: .08, .12, .18, .26, .38).
/// </summary>
public sealed class GaussianNoiseEffect : IWeatherEffect
{
    private readonly GaussianNoiseConfig _config;

    /// <summary>Creates the effect (ImageNet-C sigmas by default).</summary>
    public GaussianNoiseEffect(GaussianNoiseConfig? config = null)
    {
        _config = config ?? GaussianNoiseConfig.ImageNetC;
        _config.Validate();
    }

    /// <inheritdoc/>
    public WeatherCondition Condition => WeatherCondition.Noise;

    /// <inheritdoc/>
    public RgbImage Apply(RgbImage image, WeatherSeverity severity, Random rng)
    {
        ArgumentNullException.ThrowIfNull(image);
        var sigma = (float)severity.Interpolate(_config.Sigmas);
        var random = new FastRandom(rng);
        var source = image.Pixels;
        var result = new float[source.Length];
        for (var i = 0; i < source.Length; i++)
        {
            result[i] = Math.Clamp(source[i] + (sigma * random.NextGaussian()), 0f, 1f);
        }

        return new RgbImage(image.Width, image.Height, result);
    }
}
