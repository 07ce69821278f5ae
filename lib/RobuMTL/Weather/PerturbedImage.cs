using RobuMTL.Imaging;

namespace RobuMTL.Weather;

/// <summary>
/// A synthesised image with its labels: the conditions applied, how much each contributes, and the severity.
/// </summary>
/// <param name="Image">The degraded image (H, W, 3).</param>
/// <param name="Conditions">The conditions applied, in application order.</param>
/// <param name="Weights">Each condition's share, aligned with <paramref name="Conditions"/> and summing to 1:
/// 1 for a single condition, equal shares for a sequence, the mean mask value for a spatial mixture.</param>
/// <param name="Severity">The severity every condition used.</param>
/// <param name="Composition">How the conditions were combined.</param>
public sealed record PerturbedImage(
    RgbImage Image,
    IReadOnlyList<WeatherCondition> Conditions,
    IReadOnlyList<double> Weights,
    WeatherSeverity Severity,
    WeatherComposition Composition)
{
    /// <summary>How many <see cref="WeatherCondition"/> values exist (the weight vector length).</summary>
    public static int ConditionCount { get; } = Enum.GetValues<WeatherCondition>().Length;

    /// <summary>
    /// The condition with the largest weight (the only one for a single-condition image; the first listed on a
    /// tie): the hard selector label.
    /// </summary>
    public WeatherCondition PrimaryCondition
    {
        get
        {
            var best = 0;
            for (var i = 1; i < Weights.Count; i++)
            {
                best = Weights[i] > Weights[best] ? i : best;
            }

            return Conditions[best];
        }
    }

    /// <summary>
    /// The soft selector label: one weight per <see cref="WeatherCondition"/>, indexed by its numeric value,
    /// zero for conditions not applied.
    /// </summary>
    public float[] ConditionWeights()
    {
        var weights = new float[ConditionCount];
        for (var i = 0; i < Conditions.Count; i++)
        {
            weights[(int)Conditions[i]] += (float)Weights[i];
        }

        return weights;
    }
}
