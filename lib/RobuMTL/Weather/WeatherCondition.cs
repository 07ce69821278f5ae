namespace RobuMTL.Weather;

/// <summary>
/// The image conditions the workbook synthesises. Each has one LoRA expert and is one selector class.
/// The numeric values are the selector's class indices and the expert order; append new conditions at the end.
/// </summary>
public enum WeatherCondition
{
    /// <summary>No degradation.</summary>
    Clean = 0,

    /// <summary>Rain streaks (imgaug-style drop layers).</summary>
    Rain = 1,

    /// <summary>Snowflakes (imgaug-style flake layers).</summary>
    Snow = 2,

    /// <summary>Fog (one dense cloud layer).</summary>
    Fog = 3,

    /// <summary>Gaussian sensor noise (ImageNet-C severities).</summary>
    Noise = 4,

    /// <summary>Blur (ImageNet-C Gaussian, defocus and motion blur).</summary>
    Blur = 5,

    /// <summary>Clouds (one or two cloud layers); not one of the paper's six selector classes.</summary>
    Clouds = 6,
}
