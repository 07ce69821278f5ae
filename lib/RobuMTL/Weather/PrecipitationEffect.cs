using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// imgaug-style snow and rain (<see cref="PrecipitationConfig"/>). Severity draws the density and the speed
/// (streak length) from its window of their ranges and sets the layer count (1 at level 1, 2 at level 3, 3 at
/// level 5 for the defaults); flake size, uniformity, angle and colour are drawn from their whole ranges.
/// Snow adds a faint glow (image + (0.1 + 20 speed) * flakes) and then takes the maximum with
/// (1 + 20 speed) * flakes; rain blends a grey drop colour with opacity clip(1.3 * drops, 0, 1).
/// </summary>
public sealed class PrecipitationEffect : IWeatherEffect
{
    private const int GateGrid = 8;
    private readonly PrecipitationConfig _config;

    /// <summary>Creates the effect from a config such as <see cref="PrecipitationConfig.Rain"/>.</summary>
    public PrecipitationEffect(PrecipitationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        _config = config;
    }

    /// <inheritdoc/>
    public WeatherCondition Condition => _config.Condition;

    /// <inheritdoc/>
    public RgbImage Apply(RgbImage image, WeatherSeverity severity, Random rng)
    {
        ArgumentNullException.ThrowIfNull(image);
        var count = severity.Count(_config.MinLayers, _config.MaxLayers, rng.NextDouble());

        // One seed per possible layer, drawn whether used or not, so a higher level only adds layers.
        var seeds = Enumerable.Range(0, _config.MaxLayers).Select(_ => rng.Next()).ToArray();
        var pixels = (float[])image.Pixels.Clone();
        for (var layer = 0; layer < count; layer++)
        {
            DrawLayer(pixels, image.Width, image.Height, severity, new Random(seeds[layer]));
        }

        return new RgbImage(image.Width, image.Height, pixels);
    }

    // Known limitation: imgaug rounds the flake map to 8 bits between steps; this works in floats throughout,
    // so faint streak tails survive that imgaug would zero.
    private void DrawLayer(float[] pixels, int width, int height, WeatherSeverity severity, Random rng)
    {
        var c = _config;
        var density = c.Density.Sample(rng, severity);
        var densityUniformity = c.DensityUniformity.Sample(rng);
        var flakeSize = c.FlakeSize.Sample(rng);
        var flakeSizeUniformity = c.FlakeSizeUniformity.Sample(rng);
        var angle = c.Angle.Sample(rng);
        var speed = c.Speed.Sample(rng, severity);
        var blurFraction = c.BlurSigmaFraction.Sample(rng);
        // imgaug derives the drop grey from the noise sum; drawing it from the generator keeps the same range.
        var dropColor = (float)c.DropColor.Sample(rng);
        var longest = Math.Max(width, height);

        var flakes = FlakeMap(width, height, density, densityUniformity, flakeSize, rng);

        if (c.Condition == WeatherCondition.Snow)
        {
            var sigma = Math.Clamp(longest * blurFraction, c.BlurSigmaLimits.Min, c.BlurSigmaLimits.Max);
            flakes = Convolution.GaussianBlur(flakes, width, height, 1, sigma);
        }

        var length = (int)(speed * longest);
        if (length > 1)
        {
            flakes = Convolution.Apply(flakes, width, height, 1, StreakTaps(angle, Math.Max(length, 3)));
        }

        if (c.Condition == WeatherCondition.Snow)
        {
            BlendSnow(pixels, flakes, speed, flakeSizeUniformity);
        }
        else
        {
            BlendRain(pixels, flakes, dropColor);
        }
    }

    /// <summary>
    /// The one-sided streak kernel: <paramref name="length"/> steps along (sin a, -cos a) with weights falling
    /// linearly from the flake to the tail, so each flake leaves a fading trail.
    /// </summary>
    internal static Tap[] StreakTaps(double angleDegrees, int length)
    {
        var (sin, cos) = Math.SinCos(angleDegrees * Math.PI / 180);
        return Convolution.LineTaps(sin, -cos, length, t => (double)(length - t) / length);
    }

    /// <summary>The gated salt map at reduced size, upscaled to (H, W) and clipped to [0, 1].</summary>
    private static float[] FlakeMap(
        int width, int height, double density, double uniformity, double flakeSize, Random rng)
    {
        var scale = Math.Clamp(1.0 - flakeSize, 0.001, 1.0);
        var (smallWidth, smallHeight) = (Math.Max(1, (int)(width * scale)), Math.Max(1, (int)(height * scale)));

        // Salt: a pixel is a flake with probability `density`; its brightness is in the upper half of the range,
        // folded from an arcsine (Beta(0.5, 0.5)) draw as imgaug's Salt does.
        var random = new FastRandom(rng);
        var salt = new float[smallWidth * smallHeight];
        for (var i = 0; i < salt.Length; i++)
        {
            if (random.NextFloat() < density)
            {
                var s = MathF.Sin(MathF.PI / 2 * random.NextFloat());
                salt[i] = 0.5f + MathF.Abs((s * s) - 0.5f);
            }
        }

        // Gate: Beta(1, 1 - uniformity) on an 8x8 grid (mostly near 1, sometimes near 0), upscaled.
        var beta = Math.Max(1e-3, 1.0 - uniformity);
        var gate = new float[GateGrid * GateGrid];
        for (var i = 0; i < gate.Length; i++)
        {
            gate[i] = (float)(1.0 - Math.Pow(1.0 - rng.NextDouble(), 1.0 / beta));
        }

        var gateUp = Resampling.Bicubic(gate, GateGrid, GateGrid, smallWidth, smallHeight);
        for (var i = 0; i < salt.Length; i++)
        {
            salt[i] *= Math.Clamp(gateUp[i], 0f, 1f);
        }

        var flakes = Resampling.Bicubic(salt, smallWidth, smallHeight, width, height);
        FrequencyNoise.ClampInPlace(flakes, 0f, 1f);
        return flakes;
    }

    private static void BlendSnow(float[] pixels, float[] flakes, double speed, double sizeUniformity)
    {
        // Gamma contrast varies the flake sizes; the gain brings their brightness back up.
        var gamma = (float)(1.0 + (2 * (1 - sizeUniformity)));
        var gain = (float)(1.0 + (5 * (1 - sizeUniformity)));
        var glow = (float)(0.1 + (20 * speed));
        var main = (float)(1.0 + (20 * speed));
        for (var i = 0; i < flakes.Length; i++)
        {
            var f = MathF.Pow(flakes[i], gamma) * gain;
            for (var ch = 0; ch < 3; ch++)
            {
                ref var p = ref pixels[(3 * i) + ch];
                p = Math.Min(1f, Math.Max(Math.Min(1f, p + (glow * f)), main * f));
            }
        }
    }

    private static void BlendRain(float[] pixels, float[] drops, float color)
    {
        for (var i = 0; i < drops.Length; i++)
        {
            var a = Math.Clamp(1.3f * drops[i], 0f, 1f);
            for (var ch = 0; ch < 3; ch++)
            {
                ref var p = ref pixels[(3 * i) + ch];
                p = ((1 - a) * p) + (a * color);
            }
        }
    }
}
