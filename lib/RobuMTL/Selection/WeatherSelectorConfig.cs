using RobuMTL.Weather;

namespace RobuMTL.Selection;

/// <summary>
/// Shape of the <see cref="WeatherSelector"/> (the paper's DMLS). The paper states only "a small CNN with a
/// Squeeze-and-Excitation block and one fully connected layer, about 48K parameters"; the layer sizes below are
/// our choice, picked to land near that count (49,666 parameters for <see cref="Default"/>).
/// </summary>
/// <param name="Conditions">Selector classes in logit order; the default is the paper's six (Clean..Blur).</param>
/// <param name="InputSize">Side the image is resized to inside the module; small keeps the selector cheap.</param>
/// <param name="Channels">Output channels of the 3x3 stride-2 conv blocks, one entry per block.</param>
/// <param name="SeReduction">Squeeze-excitation bottleneck ratio (hidden = last channels / ratio).</param>
/// <param name="Antialias">
/// Antialiased downscaling. Off by default: aliasing keeps the high-frequency energy that tells noise from
/// blur, which a low-pass resize would wash out.
/// </param>
public sealed record WeatherSelectorConfig(
    IReadOnlyList<WeatherCondition> Conditions,
    int InputSize,
    IReadOnlyList<int> Channels,
    int SeReduction,
    bool Antialias)
{
    /// <summary>The six paper classes, 64 px input, conv blocks of 24/48/80 channels, SE ratio 4.</summary>
    public static WeatherSelectorConfig Default { get; } = new(
        [
            WeatherCondition.Clean, WeatherCondition.Rain, WeatherCondition.Snow,
            WeatherCondition.Fog, WeatherCondition.Noise, WeatherCondition.Blur,
        ],
        InputSize: 64,
        Channels: [24, 48, 80],
        SeReduction: 4,
        Antialias: false);

    /// <summary>Number of selector classes E.</summary>
    public int ConditionCount => Conditions.Count;

    /// <summary>Width F of the SE feature vector (the last block's channels).</summary>
    public int FeatureWidth => Channels[^1];

    /// <summary>The logit index (class label) of <paramref name="condition"/>.</summary>
    public int ClassIndexOf(WeatherCondition condition)
    {
        for (var i = 0; i < Conditions.Count; i++)
        {
            if (Conditions[i] == condition)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"{condition} is not a selector class; the classes are [{string.Join(", ", Conditions)}]. " +
            "Add it to WeatherSelectorConfig.Conditions or drop those images.", nameof(condition));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field and how to fix it.</summary>
    public void Validate()
    {
        if (Conditions.Count < 2)
        {
            throw new ArgumentException(
                $"WeatherSelectorConfig.Conditions has {Conditions.Count} entries; a selector needs at least 2.");
        }

        if (Conditions.Distinct().Count() != Conditions.Count)
        {
            throw new ArgumentException(
                $"WeatherSelectorConfig.Conditions lists a condition twice ({string.Join(", ", Conditions)}).");
        }

        if (Channels.Count == 0 || Channels.Any(c => c < 1))
        {
            throw new ArgumentException(
                "WeatherSelectorConfig.Channels must be a non-empty list of positive widths, got " +
                $"[{string.Join(", ", Channels)}].");
        }

        if (InputSize < 1 << Channels.Count)
        {
            throw new ArgumentException(
                $"WeatherSelectorConfig.InputSize {InputSize} is too small for {Channels.Count} stride-2 blocks; " +
                $"use at least {1 << Channels.Count}.");
        }

        if (SeReduction < 1 || FeatureWidth / SeReduction < 1)
        {
            throw new ArgumentException(
                $"WeatherSelectorConfig.SeReduction {SeReduction} must lie between 1 and the last width " +
                $"{FeatureWidth}.");
        }
    }
}
