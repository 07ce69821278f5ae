using RobuMTL.Evaluation;
using RobuMTL.Model;

namespace RobuMTL.Workbook;

/// <summary>A trained model under a routing policy, named as it appears in tables and figures.</summary>
/// <param name="Name">Label in results ("MTL (clean)", "RobuMTL", "RobuMTL+").</param>
/// <param name="Model">The trained model.</param>
/// <param name="Routing">How it picks experts (ignored by models without experts).</param>
/// <param name="OnlyUnder">
/// The one scenario kind the method is evaluated under (the ablation rungs: single perturbations, the only
/// scenarios their ladder is defined on), or null for every scenario.
/// </param>
public sealed record EvaluatedMethod(
    string Name, RobuMtlModel Model, RoutingPolicy Routing, ScenarioKind? OnlyUnder = null)
{
    /// <summary>True when the method is evaluated under scenarios of <paramref name="kind"/>.</summary>
    public bool EvaluatesUnder(ScenarioKind kind) => OnlyUnder is null || OnlyUnder == kind;
}
