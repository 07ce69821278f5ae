using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// ImageNet-C blur: per image one kind is drawn from <see cref="BlurConfig.Kinds"/> (Gaussian, defocus or
/// motion). Severity indexes the kind's tables (interpolated between levels): Gaussian sigma 1..6, defocus disk
/// radius 3..10, motion radius 10..20 with sigma 3..15, in pixels at 224 px and scaled with the image side
/// (<see cref="BlurConfig.ReferenceSize"/>). The motion angle is drawn uniformly and does not follow the severity.
/// </summary>
public sealed class BlurEffect : IWeatherEffect
{
    private readonly BlurConfig _config;

    /// <summary>Creates the effect (ImageNet-C tables, all three kinds, by default).</summary>
    public BlurEffect(BlurConfig? config = null)
    {
        _config = config ?? BlurConfig.ImageNetC;
        _config.Validate();
    }

    /// <inheritdoc/>
    public WeatherCondition Condition => WeatherCondition.Blur;

    /// <inheritdoc/>
    public RgbImage Apply(RgbImage image, WeatherSeverity severity, Random rng)
    {
        ArgumentNullException.ThrowIfNull(image);
        var kind = _config.Kinds[rng.Next(_config.Kinds.Count)];
        var angle = _config.MotionAngle.Sample(rng);
        var (w, h) = (image.Width, image.Height);
        var scale = _config.ScaleFor(w, h);
        var pixels = kind switch
        {
            BlurKind.Gaussian => Convolution.GaussianBlur(
                image.Pixels, w, h, 3, scale * severity.Interpolate(_config.GaussianSigmas)),
            BlurKind.Defocus => Convolution.Apply(
                image.Pixels, w, h, 3,
                Convolution.DiskTaps(
                    scale * severity.Interpolate(_config.DefocusRadii),
                    severity.Interpolate(_config.DefocusAliasSigmas))),
            BlurKind.Motion => Convolution.Apply(
                image.Pixels, w, h, 3,
                MotionTaps(
                    scale * severity.Interpolate(_config.MotionRadii),
                    scale * severity.Interpolate(_config.MotionSigmas),
                    angle,
                    w,
                    h)),
            _ => throw new ArgumentOutOfRangeException(nameof(rng), kind, "unknown blur kind"),
        };
        FrequencyNoise.ClampInPlace(pixels, 0f, 1f);
        return new RgbImage(w, h, pixels);
    }

    /// <summary>
    /// ImageNet-C's motion kernel: 2 * radius + 1 integer shifts along the angle (rounded as ImageNet-C does) with
    /// one-sided Gaussian weights exp(-i^2 / 2 sigma^2), stopping at shifts as large as the image.
    /// </summary>
    internal static Tap[] MotionTaps(double radius, double sigma, double angleDegrees, int width, int height)
    {
        var length = (2 * (int)Math.Round(radius)) + 1;
        var (sin, cos) = Math.SinCos(angleDegrees * Math.PI / 180);
        var weights = new Dictionary<(int X, int Y), double>();
        for (var i = 0; i < length; i++)
        {
            var dy = (int)Math.Ceiling((i * sin) - 0.5);
            var dx = (int)Math.Ceiling((i * cos) - 0.5);
            if (Math.Abs(dy) >= height || Math.Abs(dx) >= width)
            {
                break;
            }

            weights[(dx, dy)] = weights.GetValueOrDefault((dx, dy)) + Math.Exp(-(i * i) / (2 * sigma * sigma));
        }

        var total = weights.Values.Sum();
        return [.. weights.Select(kv => new Tap(kv.Key.X, kv.Key.Y, (float)(kv.Value / total)))];
    }
}
