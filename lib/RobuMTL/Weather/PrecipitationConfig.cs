namespace RobuMTL.Weather;

/// <summary>
/// imgaug's snowflake and rain layers. Each layer draws a sparse salt map at a reduced resolution (the flake or
/// drop size sets the reduction), gates it by a smooth 8x8 density map, upscales it, blurs it (snow only), and
/// smears it with a one-sided streak kernel of length speed * max(H, W) along the angle.
/// </summary>
/// <param name="Condition"><see cref="WeatherCondition.Snow"/> (brighten and max) or
/// <see cref="WeatherCondition.Rain"/> (blend a grey drop colour).</param>
/// <param name="Density">Probability of a salt pixel at the reduced resolution.</param>
/// <param name="DensityUniformity">How even the density map is (Beta(1, 1 - u) gate values).</param>
/// <param name="FlakeSize">Flake or drop size in [0, 1): the map is drawn at (1 - size) of the image size.</param>
/// <param name="FlakeSizeUniformity">How similar flakes look (snow's gamma contrast; unused by rain).</param>
/// <param name="Angle">Streak angle in degrees from vertical; positive tilts the top of a streak right.</param>
/// <param name="Speed">Streak length as a fraction of the longest image side.</param>
/// <param name="BlurSigmaFraction">Snow's Gaussian blur sigma as a fraction of the longest side.</param>
/// <param name="BlurSigmaLimits">Clamp on that sigma in pixels.</param>
/// <param name="DropColor">Rain's grey drop brightness on [0, 1].</param>
/// <param name="MinLayers">Fewest layers per image (at the mildest severity).</param>
/// <param name="MaxLayers">Most layers per image (at the strongest severity).</param>
public sealed record PrecipitationConfig(
    WeatherCondition Condition,
    ParameterRange Density,
    ParameterRange DensityUniformity,
    ParameterRange FlakeSize,
    ParameterRange FlakeSizeUniformity,
    ParameterRange Angle,
    ParameterRange Speed,
    ParameterRange BlurSigmaFraction,
    ParameterRange BlurSigmaLimits,
    ParameterRange DropColor,
    int MinLayers,
    int MaxLayers)
{
    /// <summary>imgaug's Snowflakes defaults: 1..3 layers.</summary>
    public static PrecipitationConfig Snow { get; } = new(
        WeatherCondition.Snow,
        Density: new(0.005, 0.075),
        DensityUniformity: new(0.3, 0.9),
        FlakeSize: new(0.2, 0.7),
        FlakeSizeUniformity: new(0.4, 0.8),
        Angle: new(-30, 30),
        Speed: new(0.007, 0.03),
        BlurSigmaFraction: new(0.0001, 0.001),
        BlurSigmaLimits: new(0.5, 3.75),
        DropColor: ParameterRange.Fixed(1),
        MinLayers: 1,
        MaxLayers: 3);

    /// <summary>imgaug's Rain defaults: 1..3 layers, drops of grey 110..240 (of 255).</summary>
    public static PrecipitationConfig Rain { get; } = new(
        WeatherCondition.Rain,
        Density: new(0.03, 0.14),
        DensityUniformity: new(0.8, 1.0),
        FlakeSize: new(0.01, 0.02),
        FlakeSizeUniformity: new(0.2, 0.5),
        Angle: new(-15, 15),
        Speed: new(0.04, 0.20),
        BlurSigmaFraction: ParameterRange.Fixed(0.001),
        BlurSigmaLimits: new(0.5, 3.75),
        DropColor: new(110 / 255.0, 240 / 255.0),
        MinLayers: 1,
        MaxLayers: 3);

    /// <summary>Throws when the condition or a range is outside what the layer supports.</summary>
    public void Validate()
    {
        if (Condition is not (WeatherCondition.Snow or WeatherCondition.Rain))
        {
            throw new ArgumentException($"a precipitation effect renders Snow or Rain, not {Condition}");
        }

        Density.Validate(nameof(Density), 0, 1);
        DensityUniformity.Validate(nameof(DensityUniformity), 0, 1);
        FlakeSize.Validate(nameof(FlakeSize), 0, 0.999);
        FlakeSizeUniformity.Validate(nameof(FlakeSizeUniformity), 0, 1);
        Angle.Validate(nameof(Angle), -360, 360);
        Speed.Validate(nameof(Speed), 0, 1);
        BlurSigmaFraction.Validate(nameof(BlurSigmaFraction), 0, 1);
        BlurSigmaLimits.Validate(nameof(BlurSigmaLimits), 0, 100);
        DropColor.Validate(nameof(DropColor), 0, 1);
        if (MinLayers < 1 || MinLayers > MaxLayers)
        {
            throw new ArgumentException($"layer counts {MinLayers}..{MaxLayers} must satisfy 1 <= min <= max");
        }
    }
}
