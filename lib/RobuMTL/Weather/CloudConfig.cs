namespace RobuMTL.Weather;

/// <summary>A fog or clouds effect: which cloud layers exist and how many of them an image gets.</summary>
/// <param name="Condition"><see cref="WeatherCondition.Fog"/> or <see cref="WeatherCondition.Clouds"/>.</param>
/// <param name="Layers">Candidate layers, applied in this order.</param>
/// <param name="MinLayers">Fewest layers per image (at the mildest severity).</param>
/// <param name="MaxLayers">Most layers per image (at the strongest severity).</param>
public sealed record CloudConfig(
    WeatherCondition Condition, IReadOnlyList<CloudLayerConfig> Layers, int MinLayers, int MaxLayers)
{
    /// <summary>imgaug's Fog: one dense layer.</summary>
    public static CloudConfig Fog { get; } = new(WeatherCondition.Fog, [CloudLayerConfig.Fog], 1, 1);

    /// <summary>imgaug's Clouds: one or two of a coarse and a fine layer.</summary>
    public static CloudConfig Clouds { get; } = new(
        WeatherCondition.Clouds, [CloudLayerConfig.CoarseClouds, CloudLayerConfig.FineClouds], 1, 2);

    /// <summary>Throws when the condition, the layers or the layer counts do not fit together.</summary>
    public void Validate()
    {
        if (Condition is not (WeatherCondition.Fog or WeatherCondition.Clouds))
        {
            throw new ArgumentException($"a cloud effect renders Fog or Clouds, not {Condition}");
        }

        if (Layers is null || Layers.Count == 0)
        {
            throw new ArgumentException("a cloud effect needs at least one layer");
        }

        if (MinLayers < 1 || MinLayers > MaxLayers || MaxLayers > Layers.Count)
        {
            throw new ArgumentException(
                $"layer counts {MinLayers}..{MaxLayers} must satisfy 1 <= min <= max <= {Layers.Count} layers");
        }

        foreach (var layer in Layers)
        {
            layer.Validate();
        }
    }
}
