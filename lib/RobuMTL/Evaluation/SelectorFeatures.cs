using RobuMTL.Weather;

namespace RobuMTL.Evaluation;

/// <summary>
/// The selector's squeeze-and-excitation (SE) feature vector of each evaluated image with its true condition,
/// for the t-SNE figure. <see cref="Features"/> is (N, D).
/// </summary>
public sealed record SelectorFeatures
{
    /// <summary>Pairs N feature vectors of one length D with N labels.</summary>
    /// <exception cref="ArgumentException">Counts or lengths disagree, or there are no samples.</exception>
    public SelectorFeatures(float[][] features, IReadOnlyList<WeatherCondition> labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (features.Length == 0 || features.Length != labels.Count)
        {
            throw new ArgumentException($"{features.Length} feature vectors but {labels.Count} labels (need >= 1)");
        }

        var length = features[0].Length;
        if (features.Any(f => f.Length != length))
        {
            throw new ArgumentException("feature vectors differ in length", nameof(features));
        }

        Features = features;
        Labels = labels;
    }

    /// <summary>One vector per image, (N, D).</summary>
    public float[][] Features { get; }

    /// <summary>The true condition of each image, (N).</summary>
    public IReadOnlyList<WeatherCondition> Labels { get; }
}
