using RobuMTL.Tasks;

namespace RobuMTL.Evaluation;

/// <summary>
/// One measured number in long format: which method, under which images, routed how, for which task and metric.
/// The evaluation harness writes these; every figure reads them through an <see cref="EvaluationTable"/>.
/// </summary>
/// <param name="Method">The model or ablation step ("MTLoRA", "RobuMTL", "RobuMTL+", "PlusSelector").</param>
/// <param name="Scenario">How the images were degraded.</param>
/// <param name="Conditions">
/// The conditions applied, joined with <see cref="ConditionSeparator"/> ("Rain+Fog"); "Clean" for clean images,
/// a dataset split name for <see cref="ScenarioKind.External"/> ("ACDC/night").
/// </param>
/// <param name="Severity">ImageNet-C style severity 1..5; null when not applicable.</param>
/// <param name="Strength">Continuous strength in [0, 1] for sweeps; null when not applicable.</param>
/// <param name="Routing">How experts were chosen.</param>
/// <param name="TopK">Experts fused (K of Top-K); null without routing.</param>
/// <param name="Task">The task the metric belongs to; null for whole-model numbers (delta_m, latency).</param>
/// <param name="Metric">What was measured.</param>
/// <param name="Value">The number, in the metric's unit (<see cref="MetricKindExtensions.Unit"/>).</param>
public sealed record EvaluationRecord(
    string Method,
    ScenarioKind Scenario,
    string Conditions,
    int? Severity,
    double? Strength,
    RoutingKind Routing,
    int? TopK,
    TaskKind? Task,
    MetricKind Metric,
    double Value)
{
    /// <summary>Joins the names of mixed conditions in <see cref="Conditions"/>.</summary>
    public const char ConditionSeparator = '+';

    /// <summary>How many conditions were applied together (1 for "Fog", 3 for "Rain+Fog+Noise", 0 for Clean).</summary>
    public int ConditionCount => Conditions == "Clean"
        ? 0
        : Conditions.Split(ConditionSeparator, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The routing as a legend label: "Top-1", "Top-6", "oracle", "uniform", "no routing".</summary>
    public string RoutingLabel => Routing switch
    {
        RoutingKind.None => "no routing",
        RoutingKind.Top1 => "Top-1",
        RoutingKind.TopK => TopK is { } k ? $"Top-{k}" : "Top-K",
        RoutingKind.Oracle => "oracle",
        RoutingKind.Uniform => "uniform",
        _ => Routing.ToString(),
    };

    /// <summary>Joins condition names into the <see cref="Conditions"/> form.</summary>
    public static string JoinConditions<T>(IEnumerable<T> conditions) =>
        string.Join(ConditionSeparator, conditions);
}
