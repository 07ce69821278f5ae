namespace RobuMTL.Weather;

/// <summary>The ImageNet-C blur corruptions that make up <see cref="WeatherCondition.Blur"/>.</summary>
public enum BlurKind
{
    /// <summary>Isotropic Gaussian blur.</summary>
    Gaussian = 0,

    /// <summary>Out-of-focus blur with an anti-aliased disk kernel.</summary>
    Defocus = 1,

    /// <summary>Camera shake: a one-sided Gaussian-weighted line kernel along a random angle.</summary>
    Motion = 2,
}
