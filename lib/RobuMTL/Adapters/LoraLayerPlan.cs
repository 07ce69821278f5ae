using RobuMTL.Tasks;
using RobuMTL.Weather;

namespace RobuMTL.Adapters;

/// <summary>Which adapters one <see cref="LoraLinear"/> carries.</summary>
/// <param name="Experts">One expert per condition, in bank order; empty for a plain linear.</param>
/// <param name="Rank">Shared rank r of every expert.</param>
/// <param name="Tasks">Tasks with their own adapter in every expert; empty for shared-only layers.</param>
/// <param name="TaskRank">Rank of the task-specific adapters.</param>
/// <param name="Scale">Multiplier of the shared update.</param>
/// <param name="TaskScale">Multiplier of the task-specific update.</param>
/// <param name="Dropout">Dropout on the adapter input.</param>
public sealed record LoraLayerPlan(
    IReadOnlyList<WeatherCondition> Experts,
    int Rank,
    IReadOnlyList<TaskKind> Tasks,
    int TaskRank,
    double Scale,
    double TaskScale,
    double Dropout)
{
    /// <summary>No adapters: the layer is a plain linear.</summary>
    public static LoraLayerPlan None { get; } = new([], 0, [], 0, 0, 0, 0);
}
