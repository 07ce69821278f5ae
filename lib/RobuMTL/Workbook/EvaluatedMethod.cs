using RobuMTL.Model;

namespace RobuMTL.Workbook;

/// <summary>A trained model under a routing policy, named as it appears in tables and figures.</summary>
/// <param name="Name">Label in results ("MTL (clean)", "RobuMTL", "RobuMTL+").</param>
/// <param name="Model">The trained model.</param>
/// <param name="Routing">How it picks experts (ignored by models without experts).</param>
public sealed record EvaluatedMethod(string Name, RobuMtlModel Model, RoutingPolicy Routing);
