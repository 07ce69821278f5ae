using RobuMTL.Tasks;

namespace RobuMTL.Metrics;

/// <summary>The metrics of one task over a split, with the one value <see cref="MultiTaskDelta"/> compares.</summary>
/// <param name="Task">The task measured.</param>
/// <param name="Values">Named values (keys in <see cref="MetricNames"/>).</param>
/// <param name="PrimaryName">Key of the value used for delta_m.</param>
/// <param name="LowerIsBetter">True for errors (normals angle, depth RMSE), false for scores.</param>
/// <param name="Count">Pixels (or images, for saliency) the values were computed over.</param>
public sealed record TaskMetrics(
    TaskKind Task,
    IReadOnlyDictionary<string, double> Values,
    string PrimaryName,
    bool LowerIsBetter,
    long Count)
{
    /// <summary>The primary value, <c>Values[PrimaryName]</c>.</summary>
    public double Primary => Values[PrimaryName];

    /// <summary>The named value <paramref name="name"/>.</summary>
    public double this[string name] => Values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException(
            $"{Task} has no metric '{name}'; it has [{string.Join(", ", Values.Keys)}].");
}
