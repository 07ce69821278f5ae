namespace RobuMTL.Weather;

/// <summary>
/// One imgaug cloud layer. Intensities are on the [0, 1] pixel scale (imgaug's 0..255 values divided by 255).
/// Drawn once per image: alpha = clip(((alpha_min + alpha_multiplier * noise)^sparsity) * density, 0, 1),
/// intensity = mean + coarse 8x8 jitter (upscaled) + mean * (2 * fine noise - 1) / 5,
/// out = (1 - alpha) * image + alpha * intensity.
/// </summary>
/// <param name="IntensityMean">Mean cloud brightness.</param>
/// <param name="IntensityFreqExponent">Exponent of the fine intensity noise.</param>
/// <param name="IntensityCoarseScale">Standard deviation of the coarse 8x8 brightness jitter.</param>
/// <param name="AlphaMin">Lowest opacity before sparsity and density (high values: cloud everywhere).</param>
/// <param name="AlphaMultiplier">Scale of the opacity noise.</param>
/// <param name="AlphaSizePxMax">Grid size (pixels, longest side) of the opacity noise; small means coarse.</param>
/// <param name="AlphaFreqExponent">Exponent of the opacity noise.</param>
/// <param name="Sparsity">Exponent applied to the opacity.</param>
/// <param name="DensityMultiplier">Late opacity multiplier.</param>
public sealed record CloudLayerConfig(
    ParameterRange IntensityMean,
    ParameterRange IntensityFreqExponent,
    double IntensityCoarseScale,
    ParameterRange AlphaMin,
    ParameterRange AlphaMultiplier,
    ParameterRange AlphaSizePxMax,
    ParameterRange AlphaFreqExponent,
    ParameterRange Sparsity,
    ParameterRange DensityMultiplier)
{
    /// <summary>imgaug's Fog layer: dense, low-frequency, bright.</summary>
    public static CloudLayerConfig Fog { get; } = new(
        new(220 / 255.0, 1.0), new(-2.0, -1.5), 2 / 255.0,
        new(0.7, 0.9), ParameterRange.Fixed(0.3), new(2, 8), new(-4.0, -2.0),
        ParameterRange.Fixed(0.9), new(0.4, 0.9));

    /// <summary>imgaug's first cloud layer: large, coarse cloud patches.</summary>
    public static CloudLayerConfig CoarseClouds { get; } = new(
        new(196 / 255.0, 1.0), new(-2.5, -2.0), 10 / 255.0,
        ParameterRange.Fixed(0), new(0.25, 0.75), new(2, 8), new(-2.5, -2.0),
        new(0.8, 1.0), new(0.5, 1.0));

    /// <summary>imgaug's second cloud layer: finer, patchier clouds.</summary>
    public static CloudLayerConfig FineClouds { get; } = new(
        new(196 / 255.0, 1.0), new(-2.0, -1.0), 10 / 255.0,
        ParameterRange.Fixed(0), new(0.5, 1.0), new(64, 128), new(-2.0, -1.0),
        new(1.0, 1.4), new(0.8, 1.5));

    /// <summary>Throws when a range is outside what the layer formula supports.</summary>
    public void Validate()
    {
        IntensityMean.Validate(nameof(IntensityMean), 0, 1);
        IntensityFreqExponent.Validate(nameof(IntensityFreqExponent), -10, 10);
        AlphaMin.Validate(nameof(AlphaMin), 0, 1);
        AlphaMultiplier.Validate(nameof(AlphaMultiplier), 0, 10);
        AlphaSizePxMax.Validate(nameof(AlphaSizePxMax), 1, 10000);
        AlphaFreqExponent.Validate(nameof(AlphaFreqExponent), -10, 10);
        Sparsity.Validate(nameof(Sparsity), 0.01, 10);
        DensityMultiplier.Validate(nameof(DensityMultiplier), 0, 10);
        if (!(IntensityCoarseScale >= 0))
        {
            throw new ArgumentException($"IntensityCoarseScale {IntensityCoarseScale} must be non-negative");
        }
    }
}
