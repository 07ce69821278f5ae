using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// imgaug-style fog and clouds: one or more cloud layers (<see cref="CloudLayerConfig"/>) blended over the image.
/// Severity draws alpha_min, alpha_multiplier and the density multiplier from its window of their ranges (so the
/// same seed gives a denser layer at a higher level) and sets how many layers a clouds image gets (fewest at level
/// 1, most at level 5); brightness, noise exponents, grid sizes and sparsity are drawn from their whole ranges.
/// </summary>
public sealed class CloudEffect : IWeatherEffect
{
    private const int CoarseGrid = 8;
    private readonly CloudConfig _config;

    /// <summary>From <see cref="CloudConfig.Fog"/>, <see cref="CloudConfig.Clouds"/> or a variant.</summary>
    public CloudEffect(CloudConfig config)
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
        var layers = _config.Layers;
        var count = severity.Count(_config.MinLayers, _config.MaxLayers, rng.NextDouble());

        // Which layers, in config order: a random subset of the wanted size.
        var order = Enumerable.Range(0, layers.Count).Select(_ => rng.NextDouble()).ToArray();
        var chosen = Enumerable.Range(0, layers.Count).OrderBy(i => order[i]).Take(count).Order().ToArray();

        // One seed per candidate layer, drawn whether used or not, so the layer count does not shift the streams.
        var seeds = Enumerable.Range(0, layers.Count).Select(_ => rng.Next()).ToArray();
        var pixels = (float[])image.Pixels.Clone();
        foreach (var index in chosen)
        {
            DrawLayer(pixels, image.Width, image.Height, layers[index], severity, new Random(seeds[index]));
        }

        return new RgbImage(image.Width, image.Height, pixels);
    }

    private static void DrawLayer(
        float[] pixels, int width, int height, CloudLayerConfig layer, WeatherSeverity severity, Random rng)
    {
        var mean = layer.IntensityMean.Sample(rng);
        var alphaMin = layer.AlphaMin.Sample(rng, severity);
        var alphaMultiplier = layer.AlphaMultiplier.Sample(rng, severity);
        var sparsity = layer.Sparsity.Sample(rng);
        var density = layer.DensityMultiplier.Sample(rng, severity);
        var intensityExponent = layer.IntensityFreqExponent.Sample(rng);
        var alphaExponent = layer.AlphaFreqExponent.Sample(rng);
        var alphaSize = (int)Math.Round(layer.AlphaSizePxMax.Sample(rng));
        var intensityRng = new Random(rng.Next());
        var alphaRng = new Random(rng.Next());

        // Coarse brightness: an 8x8 grid around the mean, upscaled bicubically.
        var coarse = new float[CoarseGrid * CoarseGrid];
        for (var i = 0; i < coarse.Length; i++)
        {
            coarse[i] = (float)(mean + (layer.IntensityCoarseScale * Gaussian(intensityRng)));
        }

        var intensity = Resampling.Bicubic(coarse, CoarseGrid, CoarseGrid, width, height);
        var fine = FrequencyNoise.Generate(height, width, intensityExponent, Math.Max(height, width), intensityRng);
        var alpha = FrequencyNoise.Generate(height, width, alphaExponent, alphaSize, alphaRng);

        var (floatMin, floatMultiplier) = ((float)alphaMin, (float)alphaMultiplier);
        var (floatSparsity, floatDensity, floatMean) = ((float)sparsity, (float)density, (float)mean);
        for (var i = 0; i < alpha.Length; i++)
        {
            var a = Math.Clamp(
                MathF.Pow(floatMin + (floatMultiplier * alpha[i]), floatSparsity) * floatDensity, 0f, 1f);
            var value = Math.Clamp(intensity[i] + (floatMean * ((2 * fine[i]) - 1) / 5), 0f, 1f);
            for (var c = 0; c < 3; c++)
            {
                ref var p = ref pixels[(3 * i) + c];
                p = ((1 - a) * p) + (a * value);
            }
        }
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
