namespace RobuMTL.Weather;

/// <summary>Sensor noise strength per severity level.</summary>
/// <param name="Sigmas">Standard deviation of the additive noise on [0, 1] pixels, one per level 1..5.</param>
public sealed record GaussianNoiseConfig(IReadOnlyList<double> Sigmas)
{
    /// <summary>ImageNet-C Gaussian noise: sigma .08, .12, .18, .26, .38.</summary>
    public static GaussianNoiseConfig ImageNetC { get; } = new([0.08, 0.12, 0.18, 0.26, 0.38]);

    /// <summary>Throws unless there are five non-negative, non-decreasing sigmas.</summary>
    public void Validate() => SeverityTable.Validate(nameof(Sigmas), Sigmas);
}
